import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Readable } from 'node:stream';
import { AppError } from '../../../platform/errors/app-error.js';
import { contentKey, type BlobStorage, type BlobWrite } from './adapter.js';
import { sha256Hex, signRequest } from './sigv4.js';

export interface S3Config {
  endpoint: string; // e.g. https://oss.example.gov.cn or http://127.0.0.1:9000
  bucket: string;
  accessKey: string;
  secretKey: string;
  region: string;
  /** Local folder to spool uploads in before the PUT. */
  spoolDir: string;
}

/**
 * An S3-compatible bucket, path-style (works with MinIO and most private clouds). An upload is spooled to a local
 * temp file while it is hashed, then PUT with its known length and SHA-256 as the signed payload hash: S3 rejects
 * chunked bodies without a length, and the digest we compute anyway makes the store verify the bytes it receives.
 */
export class S3Storage implements BlobStorage {
  readonly kind = 's3' as const;
  constructor(private readonly cfg: S3Config, private readonly fetchFn: typeof fetch = fetch) {}

  async begin(): Promise<BlobWrite> {
    await mkdir(this.cfg.spoolDir, { recursive: true });
    const tmp = path.join(this.cfg.spoolDir, `${randomUUID()}.part`);
    const sink = createWriteStream(tmp, { flags: 'wx', mode: 0o600 });
    return {
      sink,
      commit: async ({ sha256, size, mime }) => {
        const key = contentKey(sha256);
        try {
          await this.put(key, tmp, { sha256, size, mime });
        } finally {
          await rm(tmp, { force: true });
        }
        return key;
      },
      abort: async () => {
        sink.destroy();
        await rm(tmp, { force: true });
      },
    };
  }

  async open(key: string): Promise<Readable> {
    const url = this.objectUrl(key);
    const headers = signRequest({ method: 'GET', url, headers: {}, payloadHash: sha256Hex('') }, this.credentials());
    const res = await this.fetchFn(url, { method: 'GET', headers });
    if (res.status === 404) throw new AppError('NOT_FOUND', { detail: '文件内容不存在' });
    if (!res.ok || !res.body) throw new AppError('SERVICE_UNAVAILABLE', { detail: `对象存储读取失败（HTTP ${res.status}）` });
    return Readable.fromWeb(res.body as import('node:stream/web').ReadableStream);
  }

  private async put(key: string, file: string, info: { sha256: string; size: number; mime: string }) {
    const url = this.objectUrl(key);
    const headers = signRequest(
      { method: 'PUT', url, headers: { 'content-length': String(info.size), 'content-type': info.mime }, payloadHash: info.sha256 },
      this.credentials(),
    );
    const body = Readable.toWeb(createReadStream(file)) as unknown as BodyInit;
    const res = await this.fetchFn(url, { method: 'PUT', headers, body, duplex: 'half' } as RequestInit);
    if (!res.ok) throw new AppError('SERVICE_UNAVAILABLE', { detail: `对象存储写入失败（HTTP ${res.status}）` });
  }

  private objectUrl(key: string): URL {
    return new URL(`${this.cfg.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(this.cfg.bucket)}/${key}`);
  }

  private credentials() {
    return { accessKey: this.cfg.accessKey, secretKey: this.cfg.secretKey, region: this.cfg.region };
  }
}
