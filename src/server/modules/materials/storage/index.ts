import path from 'node:path';
import type { Config } from '../../../config.js';
import type { BlobStorage } from './adapter.js';
import { LocalStorage } from './local.js';
import { S3Storage } from './s3.js';

export type { BlobStorage, BlobWrite } from './adapter.js';

/**
 * The storage the deployment configured: S3-compatible when S3_ENDPOINT and S3_BUCKET are set (keys from
 * S3_ACCESS_KEY / S3_SECRET_KEY, region S3_REGION, default us-east-1), else the local directory config.storageDir.
 */
export function storageFromConfig(config: Pick<Config, 'storageDir'>, env: NodeJS.ProcessEnv = process.env): BlobStorage {
  if (env.S3_ENDPOINT && env.S3_BUCKET) {
    if (!env.S3_ACCESS_KEY || !env.S3_SECRET_KEY) throw new Error('S3_ENDPOINT is set but S3_ACCESS_KEY / S3_SECRET_KEY are missing');
    return new S3Storage({
      endpoint: env.S3_ENDPOINT,
      bucket: env.S3_BUCKET,
      accessKey: env.S3_ACCESS_KEY,
      secretKey: env.S3_SECRET_KEY,
      region: env.S3_REGION ?? 'us-east-1',
      spoolDir: path.join(config.storageDir, 'spool'),
    });
  }
  return new LocalStorage(config.storageDir);
}

let current: BlobStorage | null = null;

/** Chosen once at start-up by the module; tests may swap it. */
export function useStorage(storage: BlobStorage): void {
  current = storage;
}

export function currentStorage(): BlobStorage {
  if (!current) throw new Error('materials storage is not configured: the materials module has not started');
  return current;
}
