import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { assertMayActForItem } from '../../src/server/modules/identity/authorizations.js';
import { actorForToken } from '../../src/server/modules/identity/sessions.js';
import { basicCode, dayFromToday, HONGQIAO, ID, loginAs, MINWEI } from './factories.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

const URL = '/api/v1/enterprise/authorizations';
const FOOD_LICENCE = basicCode('00123');

async function grant(body: Record<string, unknown>) {
  const lina = await loginAs(t, 'lina', MINWEI);
  return lina.post(URL, { itemCodes: null, validUntil: dayFromToday(30), ...body });
}

describe('授权代办', () => {
  it('the legal representative authorises a person by ID number for some items; the agent is shown masked', async () => {
    const res = await grant({ agent: { idCard: ID.wangfang }, itemCodes: [FOOD_LICENCE] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ agent: { name: '王*', idCard: '3101**********0025', phone: '137****0003' }, itemCodes: [FOOD_LICENCE], status: 'active', validUntil: dayFromToday(30) });
  });

  it('the agent then acts for the enterprise, only for the authorised items, and the audit records for whom', async () => {
    const wangfang = await loginAs(t, 'wangfang', MINWEI);
    const me = (await wangfang.get('/api/v1/me')).json();
    expect(me.actingFor).toMatchObject({ uscc: MINWEI, authorizationId: expect.any(String) });
    const again = await wangfang.post('/api/v1/auth/act-as', { enterpriseUscc: MINWEI });
    expect(again.statusCode).toBe(200);
    const audit = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'identity.act_as').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.acting_for_id).toBe(me.actingFor.id);
    expect(audit.detail).toMatchObject({ authorizationId: me.actingFor.authorizationId });
    const actor = { kind: 'enterprise' as const, userId: me.id, displayName: '王*', grants: [], enterpriseId: me.actingFor.id, authorizationId: me.actingFor.authorizationId };
    await expect(assertMayActForItem(t.db, actor, FOOD_LICENCE)).resolves.toBeUndefined();
    await expect(assertMayActForItem(t.db, actor, basicCode('00999'))).rejects.toMatchObject({ code: 'AUTHORIZATION_NOT_VALID' });
  });

  it('refuses a second live authorisation for the same person', async () => {
    const res = await grant({ agent: { phone: '13761620003' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('AUTHORIZATION_EXISTS');
  });

  it('revocation stops sessions acting under it at once', async () => {
    const wangfang = await loginAs(t, 'wangfang', MINWEI);
    expect((await wangfang.get('/api/v1/me')).json().authenticated).toBe(true);
    const lina = await loginAs(t, 'lina', MINWEI);
    const [live] = (await lina.get(URL)).json().items;
    expect((await lina.post(`${URL}/${live.id}/revoke`)).statusCode).toBe(200);
    expect((await wangfang.get('/api/v1/me')).json()).toEqual({ authenticated: false });
    const relogin = await t.anon.post('/api/v1/auth/dev-login', { login: 'wangfang', enterpriseUscc: MINWEI });
    expect(relogin.statusCode).toBe(403);
    expect((await lina.post(`${URL}/${live.id}/revoke`)).json().code).toBe('AUTHORIZATION_NOT_ACTIVE');
    expect((await lina.get(URL)).json().items[0].status).toBe('revoked');
  });

  it('expiry stops sessions acting under it at once', async () => {
    expect((await grant({ agent: { idCard: ID.liuyang }, validUntil: dayFromToday(0) })).statusCode).toBe(201);
    const res = await t.anon.post('/api/v1/auth/dev-login', { login: 'liuyang', enterpriseUscc: MINWEI });
    const token = res.json().token as string;
    expect(await actorForToken(t.db, token)).toMatchObject({ kind: 'enterprise' });
    await t.db.updateTable('enterprise_authorizations').set({ valid_until: new Date(Date.now() - 1000) }).where('valid_until', '>', new Date()).execute();
    expect(await actorForToken(t.db, token)).toBeNull();
  });

  it('only the legal representative acting for the enterprise manages authorisations', async () => {
    const asSelf = await loginAs(t, 'lina');
    expect((await asSelf.post(URL, { agent: { idCard: ID.zhangwei }, itemCodes: null, validUntil: dayFromToday(5) })).json().code).toBe('LEGAL_REPRESENTATIVE_ONLY');
    const otherRep = await loginAs(t, 'chenjie', HONGQIAO);
    expect((await otherRep.get(URL)).json().items).toEqual([]);
    const lina = await loginAs(t, 'lina', MINWEI);
    const [first] = (await lina.get(URL)).json().items;
    expect((await otherRep.post(`${URL}/${first.id}/revoke`)).statusCode).toBe(404);
  });

  it('rejects bad input with stable codes', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ agent: { idCard: ID.zhangwei }, validUntil: dayFromToday(-1) }, 400, 'VALIDATION_FAILED'],
      [{ agent: { idCard: ID.zhangwei }, validUntil: '2026-02-30' }, 400, 'INVALID_DATE'],
      [{ agent: { idCard: ID.zhangwei }, validUntil: dayFromToday(6 * 366) }, 400, 'VALIDATION_FAILED'],
      [{ agent: { idCard: ID.zhangwei }, itemCodes: ['123'] }, 400, 'INVALID_ITEM_CODE'],
      [{ agent: { idCard: ID.zhangwei }, itemCodes: [] }, 400, 'VALIDATION_FAILED'],
      [{ agent: { idCard: '310104197809210026' } }, 400, 'INVALID_ID_CARD'],
      [{ agent: { idCard: ID.zhangwei, phone: '13816620001' } }, 400, 'VALIDATION_FAILED'],
      [{ agent: { phone: '13300000009' } }, 404, 'NOT_FOUND'],
      [{ agent: { phone: '13916620002' } }, 400, 'VALIDATION_FAILED'],
      [{ agent: { idCard: ID.zhangwei }, extra: 1 }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await grant(body);
      expect([res.statusCode, res.json().code], JSON.stringify(body)).toEqual([status, code]);
    }
  });
});

describe('switching who one acts as', () => {
  it('a legal representative switches between self and enterprise; others cannot switch to it', async () => {
    const lina = await loginAs(t, 'lina');
    expect((await lina.post('/api/v1/auth/act-as', { enterpriseUscc: MINWEI })).json().actingFor).toMatchObject({ uscc: MINWEI, authorizationId: null });
    expect((await lina.get('/api/v1/me')).json().actingFor.uscc).toBe(MINWEI);
    expect((await lina.post('/api/v1/auth/act-as', { enterpriseUscc: null })).json().actingFor).toBeNull();
    const zhangwei = await loginAs(t, 'zhangwei');
    expect((await zhangwei.post('/api/v1/auth/act-as', { enterpriseUscc: MINWEI })).statusCode).toBe(403);
    const staff = await loginAs(t, 'clerk.zhou');
    expect((await staff.post('/api/v1/auth/act-as', { enterpriseUscc: null })).statusCode).toBe(403);
  });
});
