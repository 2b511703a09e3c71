import path from 'node:path';

/** Runtime configuration, read once from the environment. Nothing secret has a default here. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** Demo mode: dev login and demo data. Default on for the embedded database only. */
  demo: boolean;
  publicUrl: string;
  oidcIssuer?: string;
  oidcClientId: string;
  oidcClientSecret?: string;
  trustProxy: boolean | string;
  storageDir: string;
  workers: boolean;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const dataDir = path.resolve(env.TONGBAN_DATA_DIR ?? 'data');
  const databaseUrl = env.DATABASE_URL || undefined;
  const demo = env.TONGBAN_DEMO ? env.TONGBAN_DEMO === '1' : !databaseUrl;
  const host = env.HOST ?? '0.0.0.0';
  return {
    port,
    host,
    dataDir,
    databaseUrl,
    demo,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${port}`,
    oidcIssuer: env.OIDC_ISSUER || undefined,
    oidcClientId: env.OIDC_CLIENT_ID ?? 'tongban-web',
    oidcClientSecret: env.OIDC_CLIENT_SECRET || undefined,
    trustProxy: env.TRUST_PROXY ? (env.TRUST_PROXY === 'true' ? true : env.TRUST_PROXY) : false,
    storageDir: path.resolve(env.TONGBAN_STORAGE_DIR ?? path.join(dataDir, 'storage')),
    workers: env.TONGBAN_WORKERS !== '0',
    logLevel: env.LOG_LEVEL ?? 'warn',
  };
}
