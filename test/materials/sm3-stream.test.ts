import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sm3Stream, sm3StreamHex } from '../../src/server/platform/crypto/sm3-stream.js';
import { sm3Hex } from '../../src/server/platform/crypto/digest.js';

describe('streaming SM3 (GB/T 32905)', () => {
  it('gives the standard\'s digest of "abc"', () => {
    expect(sm3StreamHex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('gives the standard\'s digest of the 64-byte message abcd×16', () => {
    expect(sm3StreamHex('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  it('agrees with the one-shot implementation for any split of the input into chunks', () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 4097, 70_000]) {
      const data = randomBytes(n);
      const s = new Sm3Stream();
      for (let i = 0; i < n; ) {
        const k = 1 + Math.floor(Math.random() * 150);
        s.update(data.subarray(i, i + k));
        i += k;
      }
      expect(s.digestHex(), `length ${n}`).toBe(sm3Hex(data));
    }
  });

  it('refuses more data after the digest was taken', () => {
    const s = new Sm3Stream().update('abc');
    s.digestHex();
    expect(() => s.update('d')).toThrow();
  });
});
