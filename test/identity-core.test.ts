import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from './harness.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

describe('identity core', () => {
  it('demo login gives a bearer session whose /me shows the own data unmasked', async () => {
    const me = await (await t.as('zhangwei')).get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ authenticated: true, kind: 'person', name: '张伟', idCard: '31011219850312003X', idCardMasked: '3101**********003X' });
  });

  it('staff sessions carry their agency-scoped roles', async () => {
    const me = (await (await t.as('scj.reviewer')).get('/api/v1/me')).json();
    expect(me.roles).toEqual([{ role: 'reviewer', agencyId: 'mh-scjgj' }]);
  });

  it('acting for an enterprise needs to be its legal representative or authorised', async () => {
    const ok = await t.anon.post('/api/v1/auth/dev-login', { login: 'lina', enterpriseUscc: '91310112MA1GB3K724' });
    expect(ok.statusCode).toBe(200);
    const refused = await t.anon.post('/api/v1/auth/dev-login', { login: 'zhangwei', enterpriseUscc: '91310112MA1GB3K724' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('AUTHORIZATION_NOT_VALID');
  });

  it('a cookie session must send the CSRF token on writes', async () => {
    const login = await t.anon.post('/api/v1/auth/dev-login', { login: 'zhangwei' });
    const cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]));
    const cookie = `tb_session=${cookies.tb_session}; tb_csrf=${cookies.tb_csrf}`;
    const without = await t.anon.post('/api/v1/auth/logout', {}, { cookie });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('CSRF_FAILED');
    const withToken = await t.anon.post('/api/v1/auth/logout', {}, { cookie, 'x-csrf-token': cookies.tb_csrf });
    expect(withToken.statusCode).toBe(200);
  });
});
