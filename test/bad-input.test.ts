import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestPlatform, type Requester, type TestPlatform } from './harness.js';

/**
 * Sends malformed and hostile payloads to every operation in the OpenAPI document, anonymously and as staff
 * with broad roles, and requires a 4xx problem (or a success) — never a 5xx. New endpoints are covered as they appear.
 */
let t: TestPlatform;
let operations: { method: string; path: string }[] = [];
const actors: Record<string, Requester> = {};

const hostileStrings = ["' OR 1=1 --", '../../../etc/passwd', '\u0000<script>', 'x'.repeat(5000), '🙂中文-1e309'];
const hostileBodies: unknown[] = [
  null,
  [],
  'string',
  12345,
  { __proto__: { admin: true } },
  { constructor: { prototype: { polluted: true } } },
  { unknownField: 'x', nested: { deep: [1, 2, { a: null }] } },
  { id: "' OR 1=1 --", name: 1, value: {}, days: 'many', from: '2026-13-45', login: ['a'] },
  Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`k${i}`, i])),
];

function fillPath(path: string, value: string): string {
  return path.replace(/\{[^}]+\}/g, encodeURIComponent(value)).replace(/:([A-Za-z]+)/g, encodeURIComponent(value));
}

beforeAll(async () => {
  t = await createTestPlatform();
  const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .filter(() => !path.startsWith('/oidc'))
      .map((method) => ({ method: method.toUpperCase(), path })),
  );
  actors.anonymous = t.anon;
  actors.centerAdmin = await t.as('admin.sun');
  actors.resident = await t.as('zhangwei');
}, 120_000);
afterAll(() => t.close());

async function send(r: Requester, method: string, url: string, body?: unknown, contentType = 'application/json') {
  const payload = body === undefined ? undefined : typeof body === 'string' && contentType !== 'application/json' ? body : JSON.stringify(body);
  const headers: Record<string, string> = payload === undefined ? {} : { 'content-type': contentType };
  switch (method) {
    case 'GET':
      return r.get(url);
    case 'DELETE':
      return r.delete(url);
    case 'POST':
      return r.post(url, payload as string, headers);
    case 'PUT':
      return r.put(url, payload as string, headers);
    default:
      return r.patch(url, payload as string, headers);
  }
}

function expectNo5xx(res: { statusCode: number; body: string }, what: string) {
  if (res.statusCode >= 500) throw new Error(`${what} → ${res.statusCode}: ${res.body.slice(0, 300)}`);
}

describe('bad input never causes a 5xx', () => {
  it('the API has operations to test', () => {
    expect(operations.length).toBeGreaterThan(3);
  });

  it('hostile path parameters and query strings', async () => {
    for (const op of operations) {
      for (const s of hostileStrings) {
        const url = `${fillPath(op.path, s)}?q=${encodeURIComponent(s)}&from=${encodeURIComponent(s)}&days=${encodeURIComponent(s)}&page=-1&limit=99999999`;
        for (const [who, r] of Object.entries(actors)) {
          expectNo5xx(await send(r, op.method, url, op.method === 'GET' || op.method === 'DELETE' ? undefined : {}), `${who} ${op.method} ${url.slice(0, 120)}`);
        }
      }
    }
  }, 600_000);

  it('malformed, wrongly typed and oversized bodies', async () => {
    const writes = operations.filter((o) => !['GET', 'DELETE'].includes(o.method));
    for (const op of writes) {
      const url = fillPath(op.path, '00000000-0000-0000-0000-000000000000');
      for (const [who, r] of Object.entries(actors)) {
        for (const body of hostileBodies) expectNo5xx(await send(r, op.method, url, body), `${who} ${op.method} ${op.path} ${JSON.stringify(body)?.slice(0, 80)}`);
        expectNo5xx(await send(r, op.method, url, '{"broken": ', 'application/json'), `${who} ${op.method} ${op.path} malformed JSON`);
        expectNo5xx(await send(r, op.method, url, 'a=1&b=2', 'application/x-www-form-urlencoded'), `${who} ${op.method} ${op.path} form-encoded`);
        expectNo5xx(await send(r, op.method, url, 'x'.repeat(2 * 1024 * 1024), 'text/plain'), `${who} ${op.method} ${op.path} oversized`);
      }
    }
  }, 600_000);

  it('random JSON values (property-based)', async () => {
    const writes = operations.filter((o) => !['GET', 'DELETE'].includes(o.method));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writes), fc.jsonValue({ maxDepth: 3 }), async (op, body) => {
        const res = await send(actors.centerAdmin, op.method, fillPath(op.path, 'x'), body);
        return res.statusCode < 500;
      }),
      { numRuns: 300 },
    );
  }, 600_000);
});
