import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../../../platform/errors/app-error.js';
import { contentKey, type BlobStorage, type BlobWrite } from './adapter.js';

/**
 * Files on a local directory (config.storageDir). Each write goes to tmp/ first and is renamed into place only when
 * complete, so a crash or a rejected upload never leaves a half-written object under a content address.
 */
export class LocalStorage implements BlobStorage {
  readonly kind = 'local' as const;
  constructor(private readonly root: string) {}

  async begin(): Promise<BlobWrite> {
    const tmpDir = path.join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${randomUUID()}.part`);
    const sink = createWriteStream(tmp, { flags: 'wx', mode: 0o640 });
    return {
      sink,
      commit: async ({ sha256 }) => {
        const key = contentKey(sha256);
        const target = this.resolve(key);
        await mkdir(path.dirname(target), { recursive: true });
        // Same content already stored: keep the existing object (it has the same bytes by definition).
        if (await exists(target)) await rm(tmp, { force: true });
        else await rename(tmp, target);
        return key;
      },
      abort: async () => {
        sink.destroy();
        await rm(tmp, { force: true });
      },
    };
  }

  async open(key: string): Promise<Readable> {
    const file = this.resolve(key);
    if (!(await exists(file))) throw new AppError('NOT_FOUND', { detail: '文件内容不存在' });
    return createReadStream(file);
  }

  /** Keys are ours (sha256/…), but never let one escape the root. */
  private resolve(key: string): string {
    const file = path.resolve(this.root, key);
    if (!file.startsWith(path.resolve(this.root) + path.sep)) throw new AppError('NOT_FOUND', { detail: '文件内容不存在' });
    return file;
  }
}

const exists = (p: string) => access(p).then(() => true, () => false);
