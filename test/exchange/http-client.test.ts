import { describe, expect, it } from 'vitest';
import { HttpCityClient, TransientPushError } from '../../src/server/modules/exchange/client.js';

const rec = (id: number) => ({ recordId: id, kind: 'accept', seq: 1, stepCode: 'SL', body: { caseNo: `C${id}` } });
const fakeFetch = (status: number, body: unknown, seen: { url?: string; init?: RequestInit } = {}) =>
  (async (url: string, init: RequestInit) => {
    seen.url = url;
    seen.init = init;
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;

describe('HTTP adapter to the city platform', () => {
  it('posts the batch as JSON with the token and maps ack and error codes per record', async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    const client = new HttpCityClient('https://city.example/api/cases', 'secret', 1000, fakeFetch(200, { results: [{ recordId: 1, code: '0000' }, { recordId: 2, code: 'E201', message: '事项编码与名称不一致' }] }, seen));
    const answers = await client.push([rec(1), rec(2), rec(3)]);
    expect(seen.url).toBe('https://city.example/api/cases');
    expect((seen.init!.headers as Record<string, string>).authorization).toBe('Bearer secret');
    expect(JSON.parse(seen.init!.body as string).records.map((r: { recordId: number }) => r.recordId)).toEqual([1, 2, 3]);
    // Record 3 is missing from the answer: the caller treats it as not delivered.
    expect(answers).toEqual([
      { recordId: 1, ok: true, code: '0000', message: undefined },
      { recordId: 2, ok: false, code: 'E201', message: '事项编码与名称不一致' },
    ]);
  });

  it('treats server errors, throttling and unreachable hosts as transient', async () => {
    await expect(new HttpCityClient('https://x', undefined, 1000, fakeFetch(503, 'down')).push([rec(1)])).rejects.toMatchObject({ code: 'HTTP_503' });
    await expect(new HttpCityClient('https://x', undefined, 1000, fakeFetch(429, {})).push([rec(1)])).rejects.toBeInstanceOf(TransientPushError);
    const unreachable = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    await expect(new HttpCityClient('https://x', undefined, 1000, unreachable).push([rec(1)])).rejects.toMatchObject({ code: 'NETWORK' });
  });
});
