import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { act, caseRow, itemByKey, submit } from './factories.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

const myCase = async (login: string, id: string) => {
  const r = await (await t.as(login)).get(`/api/v1/my/cases/${id}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

describe('补正 from the portal and what the exchange receives', () => {
  it('the applicant sees their own form data unmasked with the form version, and resubmits corrected fields checked against it', async () => {
    const item = await itemByKey(t, 'food-business-licence');
    const c = await submit(t, 'zhangwei', item);
    expect((await act(t, 'clerk.zhou', c.id, 'corrections', { items: [{ kind: 'field', ref: 'premisesAddress', problem: '经营场所地址不完整' }] })).statusCode).toBe(200);

    const mine = await myCase('zhangwei', c.id);
    expect(mine.formData).toEqual((await caseRow(t, c.id)).form_data);
    expect(mine.formData.legalRepName).not.toContain('*'); // x-pii name: theirs, so not masked
    expect(mine.form).toEqual({ itemId: item.itemId, itemVersionId: item.id, version: item.version, schemaUrl: `/api/v1/catalog/items/${item.itemId}/versions/${item.version}` });
    const guide = await t.anon.get(mine.form.schemaUrl);
    expect(guide.statusCode, guide.body).toBe(200);
    expect(guide.json().formSchema.properties.premisesAddress).toBeTruthy();

    const bad = await (await t.as('zhangwei')).post(`/api/v1/my/cases/${c.id}/resubmit`, { version: mine.version, formData: { ...mine.formData, premisesAddress: '短' } });
    expect(bad.statusCode, bad.body).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'FORM_INVALID', errors: [{ field: 'formData.premisesAddress' }] });
    expect((await caseRow(t, c.id)).status).toBe('correction');

    const corrected = { ...mine.formData, premisesAddress: '上海市闵行区莘庄镇都市路 5001 号 1 楼' };
    const ok = await (await t.as('zhangwei')).post(`/api/v1/my/cases/${c.id}/resubmit`, { version: mine.version, formData: corrected });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await caseRow(t, c.id)).form_data).toEqual(corrected);
    expect((await myCase('zhangwei', c.id)).formData.premisesAddress).toBe(corrected.premisesAddress);
    // Someone else's case does not exist for them.
    expect((await (await t.as('wangfang')).get(`/api/v1/my/cases/${c.id}`)).statusCode).toBe(404);
  });

  it('case.accepted carries the accepting clerk, the 受理文书编号 and the materials; the exchange sends them on', async () => {
    const c = await submit(t, 'liuyang', await itemByKey(t, 'food-business-licence'));
    expect((await act(t, 'clerk.zhou', c.id, 'accept')).statusCode).toBe(200);
    await t.drain();
    const records = await t.db.selectFrom('exchange_records').selectAll().where('case_id', '=', c.id).execute();
    const accept = records.find((r) => r.kind === 'accept')!;
    expect(accept.body).toMatchObject({ acceptStaff: '周敏', acceptDocNo: `SL-${c.caseNo}` });
    const apply = records.find((r) => r.kind === 'apply')!;
    const materials = (apply.body as any).materials as any[];
    expect(materials.length).toBeGreaterThan(0);
    const licence = materials.find((m) => m.collectionMethod === '电子证照引用');
    expect(licence.eLicenceDerivedNo).toMatch(/^DZ-/);
    expect(materials.every((m) => typeof m.materialName === 'string')).toBe(true);
    expect(accept.state).toBe('acked');
  });
});
