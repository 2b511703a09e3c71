import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createPlatform, type Platform } from '../src/server/platform/boot.js';
import type { Config } from '../src/server/config.js';
import { drainJobs } from '../src/server/platform/jobs/worker.js';
import { withDatabase } from './global-setup.js';

/** A database of its own for one test file, copied from the migrated template that holds the demo district. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = inject('adminUrl');
  const name = `tb_test_${inject('templateDb').split('_').pop()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDb')}`);
  await admin.end();
  return {
    url: withDatabase(adminUrl, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await c.end();
    },
  };
}

type Body = Record<string, unknown> | unknown[] | string | undefined;
export interface Requester {
  token?: string;
  get: (url: string, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  post: (url: string, body?: Body, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  put: (url: string, body?: Body, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  patch: (url: string, body?: Body, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  delete: (url: string, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
}

export interface TestPlatform extends Platform {
  /** Anonymous requests. */
  anon: Requester;
  /** Requests as a demo account (logged in through the demo dev login), cached per login. */
  as: (login: string) => Promise<Requester>;
  /** Runs every due background job (outbox, events, timers) now. */
  drain: () => Promise<number>;
  close: () => Promise<void>;
}

export interface TestPlatformOptions {
  /** Listen on a free port of 127.0.0.1 and set config.publicUrl to it (for tests that speak real HTTP, e.g. OIDC). */
  listen?: boolean;
  /** Configuration overrides (e.g. oidcIssuer), applied before the app is built. */
  config?: Partial<Config>;
}

/** A platform on a fresh copy of the demo database, without background workers (and without HTTP unless `listen`). */
export async function createTestPlatform(opts: TestPlatformOptions = {}): Promise<TestPlatform> {
  const database = await createTestDatabase();
  const dir = path.resolve(`.tmp/test-files-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const platform = await createPlatform({
    databaseUrl: database.url,
    skipMigrate: true,
    config: { demo: true, workers: false, logLevel: 'silent', dataDir: dir, storageDir: path.join(dir, 'storage'), ...opts.config },
  });
  if (opts.listen) {
    await platform.app.listen({ port: 0, host: '127.0.0.1' });
    const address = platform.app.server.address();
    platform.config.publicUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }
  await platform.app.ready();
  const requester = (token?: string): Requester => {
    const send = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: Body, headers: Record<string, string> = {}) =>
      platform.app.inject({
        method,
        url,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}), ...headers },
        payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
    return {
      token,
      get: (url, headers) => send('GET', url, undefined, headers),
      post: (url, body, headers) => send('POST', url, body ?? {}, headers),
      put: (url, body, headers) => send('PUT', url, body ?? {}, headers),
      patch: (url, body, headers) => send('PATCH', url, body ?? {}, headers),
      delete: (url, headers) => send('DELETE', url, undefined, headers),
    };
  };
  const anon = requester();
  const cache = new Map<string, Requester>();
  return {
    ...platform,
    anon,
    as: async (login: string) => {
      const cached = cache.get(login);
      if (cached) return cached;
      const res = await anon.post('/api/v1/auth/dev-login', { login });
      if (res.statusCode !== 200) throw new Error(`dev login as ${login} failed: ${res.statusCode} ${res.body}`);
      const r = requester(res.json().token);
      cache.set(login, r);
      return r;
    },
    drain: () => drainJobs(platform.db),
    close: async () => {
      await platform.stop();
      await database.drop();
    },
  };
}
