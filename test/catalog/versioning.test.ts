import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { getCurrentItemVersion, getItemVersion } from '../../src/server/modules/catalog/service-contract.js';
import { itemBody } from './factory.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

async function createAndPublish(over = {}) {
  const admin = await t.as('scj.admin');
  const created = await admin.post('/api/v1/catalog/admin/items', itemBody(over));
  expect(created.statusCode, created.body).toBe(201);
  const published = await (await t.as('admin.sun')).post(`/api/v1/catalog/admin/items/${created.json().key}/publish`, {});
  expect(published.statusCode, published.body).toBe(200);
  return published.json();
}

describe('catalog versioning (事项动态管理)', () => {
  it('a new item is a draft v1 that the public cannot see until the center admin publishes it', async () => {
    const created = await (await t.as('scj.admin')).post('/api/v1/catalog/admin/items', itemBody({ key: 'draft-only-item' }));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ version: 1, status: 'draft', implementationCode: expect.stringMatching(/^11310112MB2002758B431/) });
    const guide = await t.anon.get('/api/v1/catalog/items/draft-only-item');
    expect(guide.statusCode).toBe(409);
    expect(guide.json().code).toBe('ITEM_NOT_PUBLISHED');
    expect((await t.anon.get('/api/v1/catalog/items/draft-only-item/versions/1')).statusCode).toBe(404);
    expect((await (await t.as('scj.reviewer')).get('/api/v1/catalog/items/draft-only-item/versions/1')).statusCode).toBe(200);
  });

  it('publishing needs the center admin: the department admin gets 403', async () => {
    await (await t.as('scj.admin')).post('/api/v1/catalog/admin/items', itemBody({ key: 'needs-center-admin' }));
    const refused = await (await t.as('scj.admin')).post('/api/v1/catalog/admin/items/needs-center-admin/publish', {});
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');
    const ok = await (await t.as('admin.sun')).post('/api/v1/catalog/admin/items/needs-center-admin/publish', {});
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'published', version: 1 });
  });

  it('editing a published item opens draft v2 while the public guide keeps showing v1', async () => {
    await createAndPublish({ key: 'edit-published', name: '原名称许可' });
    const edited = await (await t.as('scj.admin')).patch('/api/v1/catalog/admin/items/edit-published', { name: '新名称许可', changeNote: '调整名称' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, status: 'draft', name: '新名称许可' });
    // A second edit changes the same draft, not a third version.
    const again = await (await t.as('scj.admin')).patch('/api/v1/catalog/admin/items/edit-published', { committedLimit: { days: 3, unit: 'working' } });
    expect(again.json()).toMatchObject({ version: 2, name: '新名称许可', committedLimit: { days: 3 } });
    const guide = (await t.anon.get('/api/v1/catalog/items/edit-published')).json();
    expect(guide).toMatchObject({ version: 1, name: '原名称许可' });
  });

  it('publishing v2 archives v1, and v1 stays readable in the history', async () => {
    await createAndPublish({ key: 'publish-twice', name: '第一版许可' });
    await (await t.as('scj.admin')).patch('/api/v1/catalog/admin/items/publish-twice', { name: '第二版许可' });
    const published = await (await t.as('admin.sun')).post('/api/v1/catalog/admin/items/publish-twice/publish', { version: 2 });
    expect(published.statusCode, published.body).toBe(200);
    expect((await t.anon.get('/api/v1/catalog/items/publish-twice')).json()).toMatchObject({ version: 2, name: '第二版许可' });
    const history = (await t.anon.get('/api/v1/catalog/items/publish-twice/versions')).json();
    expect(history.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([[2, 'published'], [1, 'archived']]);
    const v1 = await t.anon.get('/api/v1/catalog/items/publish-twice/versions/1');
    expect(v1.statusCode).toBe(200);
    expect(v1.json()).toMatchObject({ version: 1, status: 'archived', name: '第一版许可' });
  });

  it('an archived or published version cannot be edited in place (409 VERSION_NOT_EDITABLE)', async () => {
    await createAndPublish({ key: 'frozen-version' });
    const res = await (await t.as('scj.admin')).patch('/api/v1/catalog/admin/items/frozen-version/versions/1', { name: '改已发布' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('VERSION_NOT_EDITABLE');
    const nothing = await (await t.as('admin.sun')).post('/api/v1/catalog/admin/items/frozen-version/publish', {});
    expect(nothing.statusCode).toBe(409);
    expect(nothing.json().code).toBe('NO_DRAFT_TO_PUBLISH');
  });

  it('the contract functions give cases the version they were applied under, even after a new one is published', async () => {
    const v1 = await createAndPublish({ key: 'contract-item' });
    const current = await getCurrentItemVersion(t.db, 'contract-item');
    expect(current).toMatchObject({ id: v1.id, version: 1, status: 'published', agencyId: 'mh-scjgj', agencyName: '上海市闵行区市场监督管理局', kind: 'application', visits: 0 });
    expect(current.situations[0].handlingCode).toHaveLength(33);
    expect(current.materials[0]).toMatchObject({ name: '营业执照', eLicenceType: '营业执照', exemptable: true });
    await (await t.as('scj.admin')).patch('/api/v1/catalog/admin/items/contract-item', { correctionTimeoutDays: 15 });
    await (await t.as('admin.sun')).post('/api/v1/catalog/admin/items/contract-item/publish', {});
    expect(await getItemVersion(t.db, v1.id)).toMatchObject({ version: 1, status: 'archived', correctionTimeoutDays: 30 });
    expect((await getCurrentItemVersion(t.db, current.itemId)).correctionTimeoutDays).toBe(15);
    await expect(getItemVersion(t.db, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('every write leaves an audit record, and publishing puts the version on the channels it offers', async () => {
    const v = await createAndPublish({ key: 'audited-item' });
    const audits = await t.db.selectFrom('audit_events').select(['action', 'agency_id']).where('target_id', '=', v.itemId).orderBy('id').execute();
    expect(audits.map((a) => a.action)).toEqual(['catalog.item.create', 'catalog.item.publish']);
    expect(audits.every((a) => a.agency_id === 'mh-scjgj')).toBe(true);
    const channels = await t.db.selectFrom('item_channels').selectAll().where('item_id', '=', v.itemId).execute();
    expect(channels.filter((c) => c.published).map((c) => c.channel).sort()).toEqual(['mobile', 'pc', 'window']);
  });
});

describe('catalog scopes', () => {
  it('the market regulator admin cannot edit an item of the health commission (403)', async () => {
    const res = await (await t.as('scj.admin')).patch('/api/v1/catalog/admin/items/public-place-hygiene-licence', { name: '越权修改' });
    expect(res.statusCode).toBe(403);
    const created = await (await t.as('scj.admin')).post('/api/v1/catalog/admin/items', itemBody({ agencyId: 'mh-wjw' }));
    expect(created.statusCode).toBe(403);
    const own = await (await t.as('wjw.admin')).patch('/api/v1/catalog/admin/items/public-place-hygiene-licence', { changeNote: '本部门修改' });
    expect(own.statusCode, own.body).toBe(200);
  });

  it('reviewers and residents cannot create items; anonymous callers must log in', async () => {
    expect((await (await t.as('scj.reviewer')).post('/api/v1/catalog/admin/items', itemBody())).statusCode).toBe(403);
    expect((await (await t.as('zhangwei')).post('/api/v1/catalog/admin/items', itemBody())).statusCode).toBe(403);
    expect((await t.anon.post('/api/v1/catalog/admin/items', itemBody())).statusCode).toBe(401);
  });

  it('only the center admin manages halls', async () => {
    const hall = { name: '测试大厅', address: '上海市闵行区沪闵路6258号', hours: '星期一至星期五 上午9:00-12:00，下午13:00-17:00（法定节假日除外）', appointment: true, windows: [], kiosks: [] };
    expect((await (await t.as('scj.admin')).put('/api/v1/catalog/admin/halls/test-hall', hall)).statusCode).toBe(403);
    expect((await (await t.as('admin.sun')).put('/api/v1/catalog/admin/halls/test-hall', hall)).statusCode).toBe(200);
  });
});
