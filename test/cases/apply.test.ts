import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { application, itemByKey } from './factories.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

describe('applying', () => {
  it('returns the same case for a repeated Idempotency-Key and refuses the key with another body', async () => {
    const item = await itemByKey(t, 'food-business-licence');
    const r = await t.as('zhangwei');
    const body = application(item);
    const [a, b] = await Promise.all([r.post('/api/v1/cases', body, { 'idempotency-key': 'k-1' }), r.post('/api/v1/cases', body, { 'idempotency-key': 'k-1' })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json()).toEqual(b.json());
    const again = await r.post('/api/v1/cases', body, { 'idempotency-key': 'k-1' });
    expect(again.statusCode).toBe(200);
    expect(again.json().caseNo).toBe(a.json().caseNo);
    const n = await t.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where('case_no', '=', a.json().caseNo).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
    const other = await r.post('/api/v1/cases', { ...body, channel: 'mobile' }, { 'idempotency-key': 'k-1' });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('reports form errors per field in Chinese (422 FORM_INVALID)', async () => {
    const item = await itemByKey(t, 'food-business-licence');
    const body = application(item);
    const r = await (await t.as('zhangwei')).post('/api/v1/cases', { ...body, formData: { ...(body.formData as object), uscc: 'bad' } });
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe('FORM_INVALID');
    expect(r.json().errors).toContainEqual({ field: 'formData.uscc', message: '「统一社会信用代码」格式不正确' });
  });

  it('lists every missing required material (422 MATERIALS_MISSING)', async () => {
    const item = await itemByKey(t, 'food-business-licence');
    const r = await (await t.as('zhangwei')).post('/api/v1/cases', { ...application(item), materials: [] });
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe('MATERIALS_MISSING');
    expect(r.json().missing.length).toBe(item.materials.filter((m) => m.required).length);
  });

  it('numbers cases region-date-sequence, increasing within the day', async () => {
    const item = await itemByKey(t, 'food-business-licence');
    const r = await t.as('lina');
    const a = (await r.post('/api/v1/cases', application(item))).json();
    const b = (await r.post('/api/v1/cases', application(item))).json();
    expect(a.caseNo.slice(0, 15)).toBe(b.caseNo.slice(0, 15));
    expect(Number(b.caseNo.slice(16))).toBe(Number(a.caseNo.slice(16)) + 1);
  });
});
