import type { Readable, Writable } from 'node:stream';

/**
 * Where file bytes live. Content-addressed: the key is derived from the SHA-256, so the same file uploaded twice
 * is stored once, and a stored object can be checked against its digest at any time.
 */
export interface BlobStorage {
  readonly kind: 'local' | 's3';
  /** Starts writing a new object whose digest is not known yet. */
  begin(): Promise<BlobWrite>;
  /** Streams an object back; throws NOT_FOUND when missing. */
  open(key: string): Promise<Readable>;
}

export interface BlobWrite {
  /** Bytes go here as they arrive; the caller ends it. */
  readonly sink: Writable;
  /** After the sink finished: store the object under its content address. */
  commit(info: { sha256: string; size: number; mime: string }): Promise<string>;
  /** Drops everything written so far (too large, wrong type, client gone). */
  abort(): Promise<void>;
}

/** sha256/ab/cd/abcd… — two directory levels keep directories small on a local disk. */
export const contentKey = (sha256: string) => `sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
