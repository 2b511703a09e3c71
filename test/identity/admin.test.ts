import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { verifyStaffPassword } from '../../src/server/modules/identity/credentials.js';
import { agencyUscc, ID, idCard, loginAs } from './factories.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

const newAgency = (id: string, over: Record<string, unknown> = {}) => ({ id, name: '闵行区数据局', uscc: agencyUscc('MB0000017'), regionCode: '310112', parentId: 'mh', ...over });

describe('agencies', () => {
  it('staff read the agency list and tree; residents and visitors do not', async () => {
    const reviewer = await t.as('scj.reviewer');
    const tree = (await reviewer.get('/api/v1/agencies/tree')).json().items;
    expect(tree).toHaveLength(1);
    expect(tree[0].id).toBe('mh');
    expect(tree[0].children.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(['mh-scjgj', 'mh-wjw', 'mh-zwb']));
    expect((await (await t.as('zhangwei')).get('/api/v1/agencies')).statusCode).toBe(403);
    expect((await t.anon.get('/api/v1/agencies')).statusCode).toBe(401);
  });

  it('the center admin creates and updates agencies; a department admin may not', async () => {
    expect((await (await t.as('scj.admin')).post('/api/v1/agencies', newAgency('mh-sjj'))).statusCode).toBe(403);
    const admin = await t.as('admin.sun');
    const created = await admin.post('/api/v1/agencies', newAgency('mh-sjj'));
    expect(created.statusCode).toBe(201);
    expect((await admin.post('/api/v1/agencies', newAgency('mh-sjj'))).json().code).toBe('AGENCY_EXISTS');
    const sub = await admin.post('/api/v1/agencies', newAgency('mh-sjj-zx', { name: '闵行区大数据中心', uscc: agencyUscc('MB0000025'), parentId: 'mh-sjj' }));
    expect(sub.statusCode).toBe(201);
    const renamed = await admin.patch('/api/v1/agencies/mh-sjj', { name: '闵行区数据管理局', phone: '021-64120000' });
    expect(renamed.json()).toMatchObject({ name: '闵行区数据管理局', phone: '021-64120000' });
  });

  it('refuses a parent that would make a cycle, bad codes and unknown parents', async () => {
    const admin = await t.as('admin.sun');
    expect((await admin.patch('/api/v1/agencies/mh-sjj', { parentId: 'mh-sjj-zx' })).json().code).toBe('AGENCY_CYCLE');
    expect((await admin.patch('/api/v1/agencies/mh', { parentId: 'mh-sjj' })).json().code).toBe('AGENCY_CYCLE');
    expect((await admin.patch('/api/v1/agencies/mh-sjj', {})).statusCode).toBe(400);
    expect((await admin.patch('/api/v1/agencies/nope', { name: '不存在的机构' })).statusCode).toBe(404);
    const valid = agencyUscc('MB0000041');
    const wrongCheck = valid.slice(0, 17) + (valid[17] === 'A' ? 'B' : 'A');
    expect((await admin.post('/api/v1/agencies', newAgency('mh-x', { uscc: wrongCheck }))).json().code).toBe('INVALID_USCC');
    expect((await admin.post('/api/v1/agencies', newAgency('mh-x', { uscc: agencyUscc('MB0000033'), regionCode: '990000' }))).json().code).toBe('INVALID_REGION_CODE');
    expect((await admin.post('/api/v1/agencies', newAgency('mh-x', { uscc: agencyUscc('MB0000033'), parentId: 'nope' }))).statusCode).toBe(404);
  });
});

describe('staff accounts and role grants', () => {
  let newStaffId: string;

  it('a department admin creates staff in their own agency and gets a one-time password', async () => {
    const res = await (await t.as('scj.admin')).post('/api/v1/admin/staff', { login: 'scj.newbie', name: '新同事', agencyId: 'mh-scjgj' });
    expect(res.statusCode).toBe(201);
    const { staff, temporaryPassword } = res.json();
    newStaffId = staff.id;
    expect(temporaryPassword).toMatch(/^\S{14}$/);
    await expect(verifyStaffPassword(t.db, { login: 'scj.newbie', password: temporaryPassword })).resolves.toMatchObject({ login: 'scj.newbie' });
    expect((await (await t.as('scj.admin')).post('/api/v1/admin/staff', { login: 'scj.newbie', name: '重名', agencyId: 'mh-scjgj' })).json().code).toBe('DUPLICATE_ACCOUNT');
  });

  it("a department admin of the market regulator gets 403 on the health commission's staff", async () => {
    const scjAdmin = await t.as('scj.admin');
    expect((await scjAdmin.post('/api/v1/admin/staff', { login: 'wjw.newbie', name: '越权', agencyId: 'mh-wjw' })).statusCode).toBe(403);
    expect((await scjAdmin.get('/api/v1/admin/staff?agencyId=mh-wjw')).statusCode).toBe(403);
    const wjwReviewer = await t.db.selectFrom('users').select('id').where('login', '=', 'wjw.reviewer').executeTakeFirstOrThrow();
    expect((await scjAdmin.post(`/api/v1/admin/staff/${wjwReviewer.id}/active`, { active: false })).statusCode).toBe(403);
    expect((await scjAdmin.post(`/api/v1/admin/staff/${wjwReviewer.id}/reset-password`)).statusCode).toBe(403);
    const listed = (await scjAdmin.get('/api/v1/admin/staff')).json().items as { agencyId: string; phone: string | null }[];
    expect(new Set(listed.map((s) => s.agencyId))).toEqual(new Set(['mh-scjgj']));
    expect((await (await t.as('scj.reviewer')).get('/api/v1/admin/staff')).statusCode).toBe(403);
  });

  it('the center admin sees and manages staff of every agency', async () => {
    const listed = (await (await t.as('admin.sun')).get('/api/v1/admin/staff')).json().items as { agencyId: string }[];
    expect(listed.some((s) => s.agencyId === 'mh-wjw') && listed.some((s) => s.agencyId === 'mh-scjgj')).toBe(true);
  });

  it('grants roles only inside the admin scope and only the roles a department admin may give', async () => {
    const scjAdmin = await t.as('scj.admin');
    const granted = await scjAdmin.post(`/api/v1/admin/staff/${newStaffId}/roles`, { role: 'reviewer', agencyId: 'mh-scjgj' });
    expect(granted.json().roles).toEqual([{ role: 'reviewer', agencyId: 'mh-scjgj' }]);
    expect((await scjAdmin.post(`/api/v1/admin/staff/${newStaffId}/roles`, { role: 'reviewer', agencyId: 'mh-wjw' })).statusCode).toBe(403);
    expect((await scjAdmin.post(`/api/v1/admin/staff/${newStaffId}/roles`, { role: 'center_admin', agencyId: 'mh-scjgj' })).json().code).toBe('ROLE_NOT_GRANTABLE');
    const center = await t.as('admin.sun');
    expect((await center.post(`/api/v1/admin/staff/${newStaffId}/roles`, { role: 'window_clerk', agencyId: 'mh-zwb' })).statusCode).toBe(200);
    const revoked = await scjAdmin.post(`/api/v1/admin/staff/${newStaffId}/roles/revoke`, { role: 'reviewer', agencyId: 'mh-scjgj' });
    expect(revoked.json().roles).toEqual([{ role: 'window_clerk', agencyId: 'mh-zwb' }]);
    expect((await scjAdmin.post(`/api/v1/admin/staff/${newStaffId}/roles/revoke`, { role: 'reviewer', agencyId: 'mh-scjgj' })).statusCode).toBe(404);
  });

  it('disabling ends the sessions at once; a reset password replaces the old one', async () => {
    const newbie = await loginAs(t, 'scj.newbie');
    expect((await newbie.get('/api/v1/me')).json().authenticated).toBe(true);
    const scjAdmin = await t.as('scj.admin');
    expect((await scjAdmin.post(`/api/v1/admin/staff/${newStaffId}/active`, { active: false })).json()).toEqual({ id: newStaffId, active: false });
    expect((await newbie.get('/api/v1/me')).json().authenticated).toBe(false);
    await scjAdmin.post(`/api/v1/admin/staff/${newStaffId}/active`, { active: true });
    const reset = (await scjAdmin.post(`/api/v1/admin/staff/${newStaffId}/reset-password`)).json();
    await expect(verifyStaffPassword(t.db, { login: 'scj.newbie', password: reset.temporaryPassword })).resolves.toBeTruthy();
    const audit = await t.db.selectFrom('audit_events').select('action').where('target_id', '=', newStaffId).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['identity.staff_created', 'identity.role_granted', 'identity.role_revoked', 'identity.staff_disabled', 'identity.staff_enabled', 'identity.password_reset']));
  });
});

describe('residents at the window (综窗)', () => {
  it('a window clerk looks a resident up by ID number and sees their data masked', async () => {
    const res = await (await t.as('clerk.zhou')).post('/api/v1/residents/lookup', { idCard: ID.zhangwei });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '张*', idCard: '3101**********003X', phone: '138****0001', masked: true });
    expect(res.body).not.toContain(ID.zhangwei);
    expect(res.body).not.toContain('13816620001');
    const audit = await t.db.selectFrom('audit_events').select('detail').where('action', '=', 'identity.resident_lookup').executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.detail)).not.toContain(ID.zhangwei);
  });

  it('refuses invalid ID numbers, unknown residents and staff without the clerk role', async () => {
    const clerk = await t.as('clerk.zhou');
    expect((await clerk.post('/api/v1/residents/lookup', { idCard: '31011219850312003Y' })).json().code).toBe('INVALID_ID_CARD');
    expect((await clerk.post('/api/v1/residents/lookup', { idCard: idCard('19700101', '901') })).statusCode).toBe(404);
    expect((await (await t.as('scj.reviewer')).post('/api/v1/residents/lookup', { idCard: ID.zhangwei })).statusCode).toBe(403);
    expect((await (await t.as('zhangwei')).post('/api/v1/residents/lookup', { idCard: ID.zhangwei })).statusCode).toBe(403);
  });

  it('a window clerk registers a person on the spot; duplicates are refused', async () => {
    const clerk = await t.as('clerk.wu');
    const id = idCard('19880808', '222');
    const res = await clerk.post('/api/v1/residents', { idCard: id, name: '孙小梅', phone: '13512345678' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: '孙*梅', phone: '135****5678', masked: true });
    expect((await clerk.post('/api/v1/residents', { idCard: id, name: '孙小梅', phone: '13512345679' })).json()).toMatchObject({ code: 'DUPLICATE_ACCOUNT', field: 'idCard' });
    expect((await clerk.post('/api/v1/residents', { idCard: idCard('19880808', '333'), name: '钱', phone: '13512345678' })).json()).toMatchObject({ code: 'DUPLICATE_ACCOUNT', field: 'phone' });
    expect((await (await t.as('scj.admin')).post('/api/v1/residents', { idCard: idCard('19880808', '444'), name: '李', phone: '13512340000' })).statusCode).toBe(403);
  });
});

describe('API documentation', () => {
  it('lists the identity endpoints in the OpenAPI document but not the provider protocol routes', async () => {
    const doc = (await t.anon.get('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/auth/act-as', '/api/v1/enterprise/authorizations', '/api/v1/admin/staff', '/api/v1/residents/lookup', '/api/v1/agencies/tree']));
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/oidc'))).toBe(false);
  });
});
