import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { DEMO_STAFF_PASSWORD } from '../../src/server/demo/accounts.js';
import { loginLimits } from '../../src/server/modules/identity/oidc/interactions.js';
import { Browser, openLoginPage } from './browser.js';

let t: TestPlatform;
let base: string;
beforeAll(async () => {
  t = await createTestPlatform({ listen: true });
  base = t.config.publicUrl;
});
afterAll(() => t.close());
beforeEach(() => {
  for (const limiter of Object.values(loginLimits)) (limiter as unknown as { hits: Map<string, unknown> }).hits.clear();
});

const userRow = (login: string) => t.db.selectFrom('users').select(['id', 'failed_logins', 'locked_until']).where('login', '=', login).executeTakeFirstOrThrow();

/** Sends a login code in demo mode and reads it from the console line, as a tester at the demo would. */
async function sendCode(b: Browser, action: string, phone: string) {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const res = await b.fetch(action, { form: { phone } });
  const printed = log.mock.calls.map((c) => String(c[0])).join('\n');
  log.mockRestore();
  return { res, code: printed.match(/login code for [\d*]+: (\d{6})/)?.[1] };
}

describe('staff password login', () => {
  it('locks the account for 15 minutes after ten wrong passwords, refusing even the right one', async () => {
    const b = new Browser();
    const page = await openLoginPage(b, base, 'staff');
    for (let i = 1; i <= 9; i++) {
      const res = await b.fetch(page.password, { form: { login: 'wjw.reviewer', password: `wrong-${i}` } });
      expect(res.status).toBe(401);
    }
    const tenth = await b.fetch(page.password, { form: { login: 'wjw.reviewer', password: 'wrong-10' } });
    expect(tenth.status).toBe(423);
    expect(await tenth.text()).toContain('账号已锁定');
    const locked = await userRow('wjw.reviewer');
    expect(locked.locked_until!.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(locked.locked_until!.getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    const right = await b.fetch(page.password, { form: { login: 'wjw.reviewer', password: DEMO_STAFF_PASSWORD } });
    expect(right.status).toBe(423);
    const audit = await t.db.selectFrom('audit_events').select('action').where('target_id', '=', locked.id).execute();
    expect(audit.filter((a) => a.action === 'identity.login_failed')).toHaveLength(9);
    expect(audit.filter((a) => a.action === 'identity.account_locked')).toHaveLength(1);
  });

  it('lets the right password in once the lock has run out, and clears the failure count', async () => {
    await t.db.updateTable('users').set({ locked_until: new Date(Date.now() - 1000), failed_logins: 3 }).where('login', '=', 'wjw.reviewer').execute();
    const b = new Browser();
    const page = await openLoginPage(b, base, 'staff');
    const ok = await b.fetch(page.password, { form: { login: 'wjw.reviewer', password: DEMO_STAFF_PASSWORD } });
    expect(ok.status).toBe(303);
    expect((await userRow('wjw.reviewer')).failed_logins).toBe(0);
  });

  it('answers an unknown login exactly like a wrong password', async () => {
    const b = new Browser();
    const page = await openLoginPage(b, base, 'staff');
    const res = await b.fetch(page.password, { form: { login: 'no.such.person', password: 'x' } });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('账号或密码错误');
  });

  it('rate-limits login attempts per IP address with 429', async () => {
    const b = new Browser();
    const page = await openLoginPage(b, base, 'staff');
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await b.fetch(page.password, { form: { login: `ghost.${i}`, password: 'x' } })).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it('rate-limits attempts on one account across addresses before the lock is reached again', async () => {
    for (let i = 0; i < 15; i++) loginLimits.perAccount.hit('login:rsj.reviewer');
    const b = new Browser();
    const page = await openLoginPage(b, base, 'staff');
    const res = await b.fetch(page.password, { form: { login: 'rsj.reviewer', password: DEMO_STAFF_PASSWORD } });
    expect(res.status).toBe(429);
  });
});

describe('phone one-time code', () => {
  it('stores only a hash of the code, valid for five minutes', async () => {
    const b = new Browser();
    const page = await openLoginPage(b, base, 'person');
    const { res, code } = await sendCode(b, page.otpSend, '13916620002');
    expect(res.status).toBe(200);
    const row = await t.db.selectFrom('otp_challenges').selectAll().where('phone', '=', '13916620002').executeTakeFirstOrThrow();
    expect(row.code_hash).toMatch(/^\$argon2id\$/);
    expect(row.code_hash).not.toContain(code!);
    // created_at is the transaction's clock, expires_at the service's: equal within a second.
    expect(Math.abs(row.expires_at.getTime() - row.created_at.getTime() - 5 * 60_000)).toBeLessThan(1000);
  });

  it('refuses a new code within a minute of the last one', async () => {
    const b = new Browser();
    const page = await openLoginPage(b, base, 'person');
    const again = await b.fetch(page.otpSend, { form: { phone: '13916620002' } });
    expect(again.status).toBe(429);
  });

  it('voids the code after five wrong attempts, so even the right code then fails', async () => {
    const b = new Browser();
    const page = await openLoginPage(b, base, 'person');
    const { code } = await sendCode(b, page.otpSend, '18621620005');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await b.fetch(page.otpVerify, { form: { phone: '18621620005', code: wrong } })).status).toBe(401);
    const right = await b.fetch(page.otpVerify, { form: { phone: '18621620005', code: code! } });
    expect(right.status).toBe(401);
    expect(await right.text()).toContain('验证码已失效');
  });

  it('refuses an expired code', async () => {
    const b = new Browser();
    const page = await openLoginPage(b, base, 'person');
    const { code } = await sendCode(b, page.otpSend, '15021620004');
    await t.db.updateTable('otp_challenges').set({ expires_at: new Date(Date.now() - 1) }).where('phone', '=', '15021620004').execute();
    expect((await b.fetch(page.otpVerify, { form: { phone: '15021620004', code: code! } })).status).toBe(401);
  });

  it('answers an unregistered phone like a registered one and sends nothing', async () => {
    const b = new Browser();
    const page = await openLoginPage(b, base, 'person');
    const { res, code } = await sendCode(b, page.otpSend, '13300000001');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('如该手机号已登记，验证码已发送');
    expect(code).toBeUndefined();
    expect(await t.db.selectFrom('otp_challenges').select('id').where('phone', '=', '13300000001').execute()).toHaveLength(0);
  });

  it('rejects a malformed phone number with a clear message', async () => {
    const b = new Browser();
    const page = await openLoginPage(b, base, 'person');
    const res = await b.fetch(page.otpSend, { form: { phone: '12345' } });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('手机号码应为11位数字');
  });
});
