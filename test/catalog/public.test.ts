import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { itemBody } from './factory.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

/** A multipart/form-data body with one file field, as a browser would send it. */
function multipart(fileName: string, content: Buffer) {
  const boundary = '----tongbantest';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}
async function upload(login: string, fileName: string, content: Buffer) {
  const r = await t.as(login);
  const { body, contentType } = multipart(fileName, content);
  return t.app.inject({ method: 'POST', url: '/api/v1/catalog/admin/files', headers: { authorization: `Bearer ${r.token}`, 'content-type': contentType }, payload: body });
}

describe('public catalogue', () => {
  it('the guide page carries every element, the expected completion date and the channel publication', async () => {
    const res = await t.anon.get('/api/v1/catalog/items/food-business-licence');
    expect(res.statusCode).toBe(200);
    const g = res.json();
    expect(g).toMatchObject({ key: 'food-business-licence', status: 'published', agency: { id: 'mh-scjgj' }, handlingType: expect.any(String), onlineDepthLabel: expect.stringMatching(/^I{1,3}V?级$/) });
    expect(g.implementationCode).toHaveLength(31);
    for (const k of ['legalBasis', 'conditions', 'processSteps', 'location', 'hours', 'phone', 'fee', 'resultName', 'faq']) expect(g.guide).toHaveProperty(k);
    // Applied today, a promised case cannot be due today or earlier; the calendar module supplies the date.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(g.immediate).toBe(false);
    expect(g.expectedCompletion.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(g.expectedCompletion.date > today).toBe(true);
    expect(g.channelPublication.find((c: { channel: string }) => c.channel === 'pc')).toMatchObject({ published: g.channels.pc });
    expect(g.formSchema.type).toBe('object');
  });

  it('a form-type material offers its blank form as a PDF download', async () => {
    const g = (await t.anon.get('/api/v1/catalog/items/food-business-licence')).json();
    const withForm = g.materials.find((m: { blankForm: unknown }) => m.blankForm);
    expect(withForm).toBeTruthy();
    const file = await t.anon.get(withForm.blankForm.url);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''/);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await t.anon.get(`/api/v1/catalog/items/food-business-licence/materials/${withForm.id}/sample-form`)).statusCode).toBe(withForm.sampleForm ? 200 : 404);
  });

  it('lists filter by department, audience theme, life event and channel', async () => {
    const byAgency = (await t.anon.get('/api/v1/catalog/items?agencyId=mh-wjw')).json().items;
    expect(byAgency.length).toBeGreaterThan(0);
    expect(byAgency.every((i: { agencyId: string }) => i.agencyId === 'mh-wjw')).toBe(true);
    const enterprise = (await t.anon.get(`/api/v1/catalog/items?theme=${encodeURIComponent('法人')}&limit=200`)).json().items;
    expect(enterprise.every((i: { audience: string[] }) => i.audience.includes('法人'))).toBe(true);
    const restaurant = (await t.anon.get(`/api/v1/catalog/items?lifeEvent=${encodeURIComponent('开饭店')}`)).json().items;
    expect(restaurant.map((i: { key: string }) => i.key)).toContain('food-business-licence');
    const kiosk = (await t.anon.get('/api/v1/catalog/items?channel=kiosk&limit=200')).json().items;
    expect(kiosk.every((i: { channels: { kiosk: boolean } }) => i.channels.kiosk)).toBe(true);
    expect((await t.anon.get('/api/v1/catalog/items?channel=fax')).statusCode).toBe(400);
  });

  it('themes, life events and departments are counted over published items', async () => {
    const themes = (await t.anon.get('/api/v1/catalog/themes')).json();
    expect(themes.audiences.map((a: { name: string }) => a.name).sort()).toEqual(['个人', '法人']);
    expect(themes.items.length).toBeGreaterThan(3);
    const events = (await t.anon.get('/api/v1/catalog/life-events')).json();
    expect(events.items.find((e: { name: string }) => e.name === '开饭店').count).toBeGreaterThanOrEqual(3);
    const depts = (await t.anon.get('/api/v1/catalog/departments')).json();
    expect(depts.items.length).toBeGreaterThanOrEqual(12);
  });

  it('halls come with their windows, window types and kiosks', async () => {
    const { halls, kiosks } = (await t.anon.get('/api/v1/catalog/halls')).json();
    const main = halls.find((h: { id: string }) => h.id === 'mh-hall-main');
    expect(main.windows.some((w: { type: string; itemKeys: string[] }) => w.type === '无差别综窗' && w.itemKeys[0] === '*')).toBe(true);
    expect(main.windowStats.comprehensiveShare).toBeGreaterThanOrEqual(0.8);
    expect(kiosks.some((k: { venueType: string }) => ['园区', '社区', '居村'].includes(k.venueType))).toBe(true);
  });

  it('unknown items and versions are 404, bad parameters 400', async () => {
    expect((await t.anon.get('/api/v1/catalog/items/no-such-item')).statusCode).toBe(404);
    expect((await t.anon.get('/api/v1/catalog/items/food-business-licence/versions/99')).statusCode).toBe(404);
    expect((await t.anon.get('/api/v1/catalog/items/food-business-licence/versions/abc')).statusCode).toBe(400);
    expect((await t.anon.get('/api/v1/catalog/items/food-business-licence/materials/x/blank-form')).statusCode).toBe(404);
    expect((await t.anon.get('/api/v1/catalog/files/not-a-uuid')).statusCode).toBe(404);
  });

  it('hostile input (NUL bytes, malformed JSON, empty edits) gets a 4xx, never a 500', async () => {
    for (const url of ['/api/v1/catalog/items/%00', '/api/v1/catalog/search?q=%E9%A3%9F%00', '/api/v1/catalog/items?agencyId=%00', '/api/v1/catalog/items?lifeEvent=a%00b']) {
      expect((await t.anon.get(url)).statusCode, url).toBe(400);
    }
    const admin = await t.as('scj.admin');
    expect((await admin.post('/api/v1/catalog/admin/items', itemBody({ name: '食品\u0000许可' }))).statusCode).toBe(400);
    expect((await admin.post('/api/v1/catalog/admin/items', itemBody({ form: { type: 'object', properties: { 'a\u0000': { type: 'string' } } } }))).statusCode).toBe(400);
    expect((await admin.post('/api/v1/catalog/admin/items', '{"key": ', { 'content-type': 'application/json' })).statusCode).toBe(400);
    const empty = await admin.patch('/api/v1/catalog/admin/items/food-business-licence', {});
    expect(empty.statusCode).toBe(400);
    const sun = await t.as('admin.sun');
    const hall = { name: '坏大厅', address: '沪闵路1号', hours: '星期一至星期五 9:00-17:00', appointment: false, windows: [{ id: 'A1', name: '窗', type: '无差别综窗', itemKeys: ['no-such-item'] }], kiosks: [] };
    expect((await sun.put('/api/v1/catalog/admin/halls/bad-hall', hall)).json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'windows.0.itemKeys' });
  });
});

describe('form files', () => {
  it('a department admin uploads a blank form, attaches it to a draft, and it becomes public once published', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
    const up = await upload('scj.admin', '申请书.pdf', pdf);
    expect(up.statusCode, up.body).toBe(201);
    const fileId = up.json().id;
    expect(up.json()).toMatchObject({ mime: 'application/pdf', size: pdf.length });

    const material = { ...itemBody().materials[0], name: '测试申请书', blankFormFileId: fileId, sampleFormFileId: null };
    const created = await (await t.as('scj.admin')).post('/api/v1/catalog/admin/items', itemBody({ key: 'with-form-file', materials: [material] }));
    expect(created.statusCode, created.body).toBe(201);
    expect((await t.anon.get(`/api/v1/catalog/files/${fileId}`)).statusCode).toBe(404);
    expect((await (await t.as('scj.reviewer')).get(`/api/v1/catalog/files/${fileId}`)).statusCode).toBe(200);

    await (await t.as('admin.sun')).post('/api/v1/catalog/admin/items/with-form-file/publish', {});
    const guide = (await t.anon.get('/api/v1/catalog/items/with-form-file')).json();
    const download = await t.anon.get(guide.materials[0].blankForm.url);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
  });

  it('refuses files whose content is not an allowed type, whatever their name, and non-multipart requests', async () => {
    const exe = await upload('scj.admin', 'form.pdf', Buffer.from('MZ\x90\x00 this is not a pdf at all, just bytes \x00\x01\x02'));
    expect(exe.statusCode).toBe(415);
    expect(exe.json().code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect((await upload('scj.admin', 'empty.txt', Buffer.alloc(0))).statusCode).toBe(400);
    expect((await (await t.as('scj.admin')).post('/api/v1/catalog/admin/files', { file: 'x' })).statusCode).toBe(415);
    expect((await upload('zhangwei', 'a.txt', Buffer.from('hello'))).statusCode).toBe(403);
  });
});
