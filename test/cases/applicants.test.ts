import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { multipart, pdfBytes } from '../materials/files.js';
import { application, caseRow, itemByKey, materialsFor, userIdOf } from './factories.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

const MINWEI = '91310112MA1GB3K724'; // 上海闵味餐饮管理有限公司, legal representative lina
const counter = '/api/v1/cases';
const atWindow = { channel: 'window', hallId: 'mh-hall-main', windowId: 'A03' };

/** Logs in as `login` acting for an enterprise and returns its bearer headers. */
async function actingFor(login: string, uscc: string) {
  const r = await t.anon.post('/api/v1/auth/dev-login', { login, enterpriseUscc: uscc });
  expect(r.statusCode, r.body).toBe(200);
  return { authorization: `Bearer ${r.json().token}` };
}
const postAs = (headers: Record<string, string>, url: string, body: unknown) =>
  t.app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(body) });

async function uploadPdf(login: string, name: string) {
  const mp = multipart({ name, data: pdfBytes(`${login} ${name}`) });
  const r = await t.app.inject({ method: 'POST', url: '/api/v1/materials/uploads', headers: { authorization: `Bearer ${(await t.as(login)).token}`, ...mp.headers }, payload: mp.payload });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}

describe('who applies', () => {
  it('an authorised agent applies for the enterprise only for the items the authorisation covers', async () => {
    const food = await itemByKey(t, 'food-business-licence');
    const drug = await itemByKey(t, 'drug-retail-licence');
    const granted = await postAs(await actingFor('lina', MINWEI), '/api/v1/enterprise/authorizations', { agent: { idCard: '31011219850312003X' }, itemCodes: [food.basicCode], validUntil: '2027-12-31' });
    expect(granted.statusCode, granted.body).toBe(201);
    const agent = await actingFor('zhangwei', MINWEI);

    const ok = await postAs(agent, counter, application(food));
    expect(ok.statusCode, ok.body).toBe(201);
    const row = await caseRow(t, ok.json().id);
    expect(row).toMatchObject({ applicant_name: '上海闵味餐饮管理有限公司', applicant_id_no: MINWEI, applicant_user_id: await userIdOf(t, 'zhangwei') });
    expect(row.enterprise_id).not.toBeNull();
    expect(row.authorization_id).toBe(granted.json().id);

    const refused = await postAs(agent, counter, application(drug));
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'AUTHORIZATION_NOT_VALID' });
    expect(refused.json().detail).toContain(drug.basicCode);
    // The legal representative needs no authorisation.
    expect((await postAs(await actingFor('lina', MINWEI), counter, application(drug))).statusCode).toBe(201);
  });

  it('a window clerk takes in an application by ID card on the applicant’s behalf, recording window and hall', async () => {
    const item = await itemByKey(t, 'food-business-licence');
    const clerk = await t.as('clerk.zhou');
    const paper = item.materials.map((m) => ({ materialId: m.id, method: 'paper_at_window' }));
    const r = await clerk.post(counter, { ...application(item, atWindow), materials: paper, onBehalf: { idCard: '310104197809210025', name: '王芳' } });
    expect(r.statusCode, r.body).toBe(201);
    const row = await caseRow(t, r.json().id);
    expect(row).toMatchObject({ channel: 'window', window_id: 'A03', hall_id: 'mh-hall-main', applicant_name: '王芳', applicant_user_id: await userIdOf(t, 'wangfang'), created_by_user_id: await userIdOf(t, 'clerk.zhou') });
    const mine = (await (await t.as('wangfang')).get('/api/v1/my/cases')).json();
    expect(mine.map((c: any) => c.id)).toContain(row.id);

    // A walk-in who never registered is recorded by name and ID card only.
    const walkIn = await clerk.post(counter, { ...application(item, atWindow), materials: paper, onBehalf: { idCard: '11010519491231002X', name: '赵敏', phone: '13900001111' } });
    expect(walkIn.statusCode, walkIn.body).toBe(201);
    expect(await caseRow(t, walkIn.json().id)).toMatchObject({ applicant_user_id: null, applicant_id_no: '11010519491231002X', applicant_phone: '13900001111' });

    const wrongName = await clerk.post(counter, { ...application(item, atWindow), materials: paper, onBehalf: { idCard: '310104197809210025', name: '王小芳' } });
    expect(wrongName.json()).toMatchObject({ code: 'APPLICANT_INVALID', field: 'onBehalf.name' });
    const badId = await clerk.post(counter, { ...application(item, atWindow), materials: paper, onBehalf: { idCard: '310104197809210026', name: '王芳' } });
    expect(badId.json()).toMatchObject({ code: 'INVALID_ID_CARD', field: 'onBehalf.idCard' });
    expect((await clerk.post(counter, { ...application(item, atWindow), materials: paper })).json().code).toBe('APPLICANT_INVALID');
    expect((await clerk.post(counter, { ...application(item), onBehalf: { idCard: '310104197809210025', name: '王芳' } })).statusCode).toBe(400);
    const resident = await (await t.as('lina')).post(counter, { ...application(item), onBehalf: { idCard: '310104197809210025', name: '王芳' } });
    expect(resident.json().code).toBe('APPLICANT_INVALID');
  });

  it('an online upload goes into the case with its digests and becomes readable to the handling department only', async () => {
    const item = await itemByKey(t, 'food-business-licence');
    const target = item.materials.find((m) => m.count <= 1)!;
    const uploadId = await uploadPdf('liuyang', '营业场所证明.pdf');
    const materials = materialsFor(item).map((m) => (m.materialId === target.id ? { materialId: target.id, method: 'online_upload', uploadIds: [uploadId] } : m));
    const someoneElses = await uploadPdf('lina', '他人的文件.pdf');
    const stolen = materials.map((m) => (m.materialId === target.id ? { ...m, uploadIds: [someoneElses] } : m));
    const refused = await (await t.as('liuyang')).post(counter, { ...application(item), materials: stolen });
    expect(refused.json().code).toBe('MATERIAL_INVALID');
    expect((await (await t.as('scj.reviewer')).get(`/api/v1/materials/uploads/${uploadId}/content`)).statusCode).toBe(403);

    const r = await (await t.as('liuyang')).post(counter, { ...application(item), materials });
    expect(r.statusCode, r.body).toBe(201);
    const row = await t.db.selectFrom('case_materials').selectAll().where('case_id', '=', r.json().id).where('material_id', '=', target.id).executeTakeFirstOrThrow();
    expect(row.method).toBe('online_upload');
    expect(row.upload_ids).toEqual([uploadId]);
    expect((row.files as any[])[0]).toMatchObject({ uploadId, mime: 'application/pdf', fileName: '营业场所证明.pdf' });
    expect((row.files as any[])[0].sm3).toMatch(/^[0-9a-f]{64}$/);

    const file = await (await t.as('scj.reviewer')).get(`/api/v1/materials/uploads/${uploadId}/content`);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.body.startsWith('%PDF')).toBe(true);
    expect((await (await t.as('wjw.reviewer')).get(`/api/v1/materials/uploads/${uploadId}/content`)).statusCode).toBe(403);
    const submitted = await t.db.selectFrom('jobs').select('payload').where('queue', 'like', 'event:case.submitted:%').execute();
    expect(submitted.some((j) => (j.payload as { caseId: string; materialUploadIds: string[] }).caseId === r.json().id && (j.payload as { materialUploadIds: string[] }).materialUploadIds.includes(uploadId))).toBe(true);
  });
});
