/**
 * Incremental SM3 (GB/T 32905-2016). sm-crypto-v2's sm3() needs the whole message in memory; uploads of up to
 * 50 MB are hashed while they stream to storage, so this keeps only the 64-byte block buffer and the state.
 */
const IV = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];

const rotl = (x: number, n: number) => ((x << (n & 31)) | (x >>> (32 - (n & 31)))) >>> 0;
const p0 = (x: number) => (x ^ rotl(x, 9) ^ rotl(x, 17)) >>> 0;
const p1 = (x: number) => (x ^ rotl(x, 15) ^ rotl(x, 23)) >>> 0;
// Tj rotated by j, precomputed once: 79cc4519 for rounds 0–15, 7a879d8a for 16–63.
const TJ = Array.from({ length: 64 }, (_, j) => rotl(j < 16 ? 0x79cc4519 : 0x7a879d8a, j % 32));

export class Sm3Stream {
  private v = Uint32Array.from(IV);
  private block = new Uint8Array(64);
  private blockLen = 0;
  private total = 0; // bytes; Number is exact up to 2^53, far above any upload
  private readonly w = new Uint32Array(68);
  private readonly w1 = new Uint32Array(64);
  private done = false;

  update(data: Uint8Array | string): this {
    if (this.done) throw new Error('SM3 digest already finalised');
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    this.total += bytes.length;
    let i = 0;
    if (this.blockLen > 0) {
      const take = Math.min(64 - this.blockLen, bytes.length);
      this.block.set(bytes.subarray(0, take), this.blockLen);
      this.blockLen += take;
      i = take;
      if (this.blockLen < 64) return this;
      this.compress(this.block, 0);
      this.blockLen = 0;
    }
    for (; i + 64 <= bytes.length; i += 64) this.compress(bytes, i);
    if (i < bytes.length) {
      this.block.set(bytes.subarray(i), 0);
      this.blockLen = bytes.length - i;
    }
    return this;
  }

  /** Pads (1 bit, zeros, 64-bit big-endian length in bits) and returns the 256-bit digest as lower-case hex. */
  digestHex(): string {
    const bitLen = this.total * 8;
    const padLen = this.blockLen < 56 ? 56 - this.blockLen : 120 - this.blockLen;
    const tail = new Uint8Array(padLen + 8);
    tail[0] = 0x80;
    const view = new DataView(tail.buffer);
    view.setUint32(padLen, Math.floor(bitLen / 2 ** 32));
    view.setUint32(padLen + 4, bitLen >>> 0);
    const total = this.total;
    this.update(tail);
    this.total = total;
    this.done = true;
    return Array.from(this.v, (x) => x.toString(16).padStart(8, '0')).join('');
  }

  private compress(buf: Uint8Array, off: number): void {
    const { w, w1, v } = this;
    for (let j = 0; j < 16; j++) {
      const k = off + j * 4;
      w[j] = ((buf[k] << 24) | (buf[k + 1] << 16) | (buf[k + 2] << 8) | buf[k + 3]) >>> 0;
    }
    for (let j = 16; j < 68; j++) w[j] = (p1(w[j - 16] ^ w[j - 9] ^ rotl(w[j - 3], 15)) ^ rotl(w[j - 13], 7) ^ w[j - 6]) >>> 0;
    for (let j = 0; j < 64; j++) w1[j] = (w[j] ^ w[j + 4]) >>> 0;
    let [a, b, c, d, e, f, g, h] = v;
    for (let j = 0; j < 64; j++) {
      const a12 = rotl(a, 12);
      const ss1 = rotl((a12 + e + TJ[j]) >>> 0, 7);
      const ss2 = (ss1 ^ a12) >>> 0;
      const ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c);
      const gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
      const tt1 = (ff + d + ss2 + w1[j]) >>> 0;
      const tt2 = (gg + h + ss1 + w[j]) >>> 0;
      d = c;
      c = rotl(b, 9);
      b = a;
      a = tt1;
      h = g;
      g = rotl(f, 19);
      f = e;
      e = p0(tt2);
    }
    v[0] ^= a; v[1] ^= b; v[2] ^= c; v[3] ^= d; v[4] ^= e; v[5] ^= f; v[6] ^= g; v[7] ^= h;
  }
}

/** Convenience: SM3 of a whole buffer with the streaming implementation. */
export const sm3StreamHex = (data: Uint8Array | string) => new Sm3Stream().update(data).digestHex();
