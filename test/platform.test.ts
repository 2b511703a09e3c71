import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from './harness.js';
import { recordAudit, sealAuditChain, verifyAuditChain } from '../src/server/platform/audit/audit.js';
import { systemActor } from '../src/server/platform/auth/actor.js';
import { sql } from 'kysely';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

describe('platform', () => {
  it('reports database and queue health', async () => {
    const res = await t.anon.get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: { ok: true }, jobs: { ok: true } });
  });

  it('validates identifiers with a Chinese reason', async () => {
    const good = await t.anon.post('/api/v1/validate', { type: 'uscc', value: '91310115591693856A' });
    expect(good.json()).toEqual({ valid: true });
    const bad = await t.anon.post('/api/v1/validate', { type: 'idCard', value: '110105194902300021' });
    expect(bad.json()).toEqual({ valid: false, reason: '出生日期不是有效日期' });
  });

  it('answers malformed JSON and unknown fields with problem+json 400', async () => {
    const res = await t.anon.post('/api/v1/validate', '{oops', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('MALFORMED_JSON');
    const extra = await t.anon.post('/api/v1/validate', { type: 'uscc', value: 'x', admin: true });
    expect(extra.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('seals the audit chain and finds the first tampered record', async () => {
    await recordAudit(t.db, systemActor, { action: 'test.one', targetType: 'test', targetId: '1' });
    await recordAudit(t.db, systemActor, { action: 'test.two', targetType: 'test', targetId: '2' });
    await sealAuditChain(t.db);
    const clean = await verifyAuditChain(t.db);
    expect(clean.firstBroken).toBeUndefined();
    expect(clean.checked).toBeGreaterThanOrEqual(2);
    await sql`UPDATE audit_events SET detail = '{"forged":true}' WHERE action = 'test.one'`.execute(t.db);
    const broken = await verifyAuditChain(t.db);
    expect(broken.firstBroken?.reason).toContain('篡改');
  });
});
