import { createHash } from 'node:crypto';
import { sm3 } from 'sm-crypto-v2';

export const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** SM3 (GB/T 32905) digest as lower-case hex. */
export function sm3Hex(data: string | Uint8Array): string {
  return sm3(typeof data === 'string' ? data : new Uint8Array(data));
}
