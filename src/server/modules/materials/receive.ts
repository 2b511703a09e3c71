import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { AppError } from '../../platform/errors/app-error.js';
import { Sm3Stream } from '../../platform/crypto/sm3-stream.js';
import { DETECTION_HEAD_BYTES, detectAllowedType, type DetectedType } from './detect.js';
import type { BlobStorage, BlobWrite } from './storage/index.js';

export interface ReceivedFile {
  size: number;
  sha256: string;
  sm3: string;
  type: DetectedType;
  /** Stores the bytes under their content address; call inside the transaction that records the upload. */
  commit(): Promise<string>;
  /** Drops the bytes (the upload could not be recorded). */
  discard(): Promise<void>;
}

/**
 * Streams an incoming file to (temporary) storage while hashing it (SHA-256 and SM3) and counting bytes. Only the first
 * DETECTION_HEAD_BYTES are held in memory, to detect the type before anything is written; a file that is too large,
 * empty or of a refused type is discarded and nothing is kept.
 */
export async function receiveFile(file: Readable, storage: BlobStorage, limitBytes: number): Promise<ReceivedFile> {
  const sha256 = createHash('sha256');
  const sm3 = new Sm3Stream();
  let size = 0;
  let head: Buffer[] = [];
  let headLen = 0;
  let type: DetectedType | null = null;
  let write: BlobWrite | null = null;

  const startWriting = async () => {
    type = await detectAllowedType(Buffer.concat(head));
    if (!type) throw new AppError('FILE_TYPE_NOT_ALLOWED', { detail: '仅支持 PDF、OFD、JPG、PNG、TIFF、DOCX、XLSX 格式（按文件内容识别，与文件名无关）', field: 'file' });
    write = await storage.begin();
    for (const chunk of head) await writeChunk(write, chunk);
    head = [];
  };

  try {
    for await (const chunk of file as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limitBytes) throw tooLarge(limitBytes);
      sha256.update(chunk);
      sm3.update(chunk);
      if (write) {
        await writeChunk(write, chunk);
        continue;
      }
      head.push(chunk);
      headLen += chunk.length;
      if (headLen >= DETECTION_HEAD_BYTES) await startWriting();
    }
    if (size === 0) throw new AppError('FILE_EMPTY', { field: 'file' });
    if (!write) await startWriting();
    const w = write as unknown as BlobWrite;
    w.sink.end();
    await finished(w.sink);
    const digest = sha256.digest('hex');
    const detected = type as unknown as DetectedType;
    return {
      size,
      sha256: digest,
      sm3: sm3.digestHex(),
      type: detected,
      commit: () => w.commit({ sha256: digest, size, mime: detected.mime }),
      discard: () => w.abort(),
    };
  } catch (err) {
    await (write as BlobWrite | null)?.abort();
    file.resume(); // let the rest of the request body drain so the connection stays usable
    throw mapStreamError(err, limitBytes);
  }
}

async function writeChunk(write: BlobWrite, chunk: Buffer) {
  if (!write.sink.write(chunk)) await once(write.sink, 'drain');
}

const tooLarge = (limitBytes: number) =>
  new AppError('FILE_TOO_LARGE', { detail: `文件超过大小限制（最大 ${Math.round((limitBytes / 1024 / 1024) * 10) / 10} MB）`, field: 'file', extra: { limitBytes } });

/** @fastify/multipart ends the stream with its own error at the platform's hard cap: same answer as our limit. */
function mapStreamError(err: unknown, limitBytes: number): unknown {
  const code = (err as { code?: string })?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(Math.min(limitBytes, 50 * 1024 * 1024));
  return err;
}
