import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { notify } from '../../src/server/modules/notifications/service.js';
import { renderTemplate } from '../../src/server/modules/notifications/render.js';
import { createSmsProvider, LogSmsProvider, setSmsProvider } from '../../src/server/modules/notifications/sms.js';
import { configureNotifications, loadNotificationSettings } from '../../src/server/modules/notifications/settings.js';
import { caseVars, FakeSmsProvider, messagesOf, skipBackoff, userIdOf } from './fixtures.js';

let t: TestPlatform;
let sms: FakeSmsProvider;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());
afterEach(() => configureNotifications(loadNotificationSettings()));

function freshSms() {
  sms = new FakeSmsProvider();
  setSmsProvider(sms);
  return sms;
}

describe('template rendering', () => {
  it('fills placeholders, formats instants in Shanghai time and leaves missing variables empty', () => {
    expect(renderTemplate('办件{{caseNo}}于{{ at }}受理{{missing}}。', { caseNo: 'A1', at: new Date('2026-10-08T01:05:00Z') })).toBe('办件A1于2026-10-08 09:05受理。');
  });

  it('reads ISO instants in Shanghai time and a deadline at the end of a day as the day alone', () => {
    expect(renderTemplate('{{a}}|{{b}}|{{c}}', { a: '2026-10-08T01:05:00.000Z', b: '2026-10-22T15:59:59.999Z', c: '2026-10-22' })).toBe('2026-10-08 09:05|2026-10-22|2026-10-22');
  });

  it('makes in-app links absolute in texts only', async () => {
    configureNotifications({ publicUrl: 'https://ywtb.mh.example.gov.cn/' });
    const userId = await userIdOf(t, 'zhangwei');
    await notify(t.db, { template: 'rating.invitation', vars: { itemName: '窗口服务', url: '/rate/w1?visit=v1' }, userId, phone: '13900000099' });
    const rows = await messagesOf(t, { phone: '13900000099' });
    expect(rows.find((r) => r.channel === 'sms')!.body).toBe('感谢您办理“窗口服务”，欢迎对本次服务评价：https://ywtb.mh.example.gov.cn/rate/w1?visit=v1');
  });

  it('never expands placeholders inside a value', () => {
    expect(renderTemplate('您好，{{name}}', { name: '{{code}}', code: '123456' })).toBe('您好，{{code}}');
  });

  it('renders the seeded 补正告知 as the applicant reads it', async () => {
    const userId = await userIdOf(t, 'zhangwei');
    freshSms();
    await notify(t.db, { template: 'case.corrections_requested', vars: caseVars({ notice: '营业执照复印件不清晰', dueAt: '2026-10-20T15:59:59.999Z' }), userId, channels: ['inbox'] });
    const [m] = await messagesOf(t, { template: 'case.corrections_requested', userId });
    expect(m.title).toBe('补正告知');
    expect(m.body).toBe('您申请的“食品经营许可（新办）”（办件编号3101122026100800012）需补正：营业执照复印件不清晰。请于2026-10-20前补正，逾期未补正的将终止办理。');
  });
});

describe('inbox', () => {
  it('delivers to the recipient’s inbox when the caller commits, with unread count and mark-read', async () => {
    const userId = await userIdOf(t, 'wangfang');
    const me = await t.as('wangfang');
    await notify(t.db, { template: 'case.accepted', vars: caseVars({ deadline: '2026-10-22T15:59:59.999Z' }), userId, channels: ['inbox'], link: '/my/cases/1' });
    const list = await me.get('/api/v1/messages');
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body).toMatchObject({ total: 1, unread: 1 });
    expect(body.items[0]).toMatchObject({ title: '申请已受理', link: '/my/cases/1', readAt: null });
    expect(body.items[0].body).toContain('已受理，承诺于2026-10-22前办结');
    expect((await me.get('/api/v1/messages/unread-count')).json()).toEqual({ unread: 1 });
    const read = await me.post(`/api/v1/messages/${body.items[0].id}/read`);
    expect(read.json()).toEqual({ unread: 0 });
    expect((await me.get('/api/v1/messages?unread=true')).json()).toMatchObject({ total: 0, items: [] });
  });

  it('writes nothing when the caller’s transaction rolls back (outbox)', async () => {
    const userId = await userIdOf(t, 'liuyang');
    const jobs = () => t.db.selectFrom('jobs').select('id').where('queue', '=', 'notifications.deliver_sms').execute();
    const jobsBefore = (await jobs()).length;
    await expect(
      t.db.transaction().execute(async (tx) => {
        await notify(tx, { template: 'case.submitted', vars: caseVars(), userId });
        throw new Error('business change failed');
      }),
    ).rejects.toThrow('business change failed');
    expect(await messagesOf(t, { userId })).toHaveLength(0);
    expect(await jobs()).toHaveLength(jobsBefore);
  });

  it('sends a message only once per dedupe key and channel', async () => {
    const userId = await userIdOf(t, 'chenjie');
    freshSms();
    for (let i = 0; i < 3; i++) await notify(t.db, { template: 'case.submitted', vars: caseVars(), userId, dedupeKey: 'case:42:submitted' });
    await t.drain();
    expect((await messagesOf(t, { userId })).map((m) => m.channel).sort()).toEqual(['inbox', 'sms']);
    expect(sms.to('15021620004')).toHaveLength(1);
  });

  it('fails loudly on an unknown template so the mistake is found in development', async () => {
    await expect(notify(t.db, { template: 'case.nonexistent', vars: {}, phone: '13900000000' })).rejects.toMatchObject({ code: 'MESSAGE_TEMPLATE_MISSING' });
    await expect(notify(t.db, { template: 'identity.otp', vars: {}, phone: '13900000000', channels: ['inbox'] })).rejects.toMatchObject({ code: 'MESSAGE_TEMPLATE_MISSING' });
  });
});

describe('SMS', () => {
  it('sends through the provider with the signature and records the delivery', async () => {
    freshSms();
    await notify(t.db, { template: 'identity.otp', vars: { code: '482913', minutes: 5 }, phone: '13900000001' });
    const [queued] = await messagesOf(t, { phone: '13900000001' });
    expect(queued).toMatchObject({ status: 'queued', essential: true, attempts: 0 });
    await t.drain();
    expect(sms.to('13900000001')).toEqual([{ phone: '13900000001', text: '【闵行一网通办】您的验证码为482913，5分钟内有效。工作人员不会向您索取验证码，请勿泄露。' }]);
    const [sent] = await messagesOf(t, { phone: '13900000001' });
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, provider: 'fake', provider_message_id: 'fake-1', last_error: null });
  });

  it('texts the account’s phone on file when only the user is given', async () => {
    freshSms();
    const userId = await userIdOf(t, 'lina');
    await notify(t.db, { template: 'case.completed', vars: caseVars({ outcome: '准予许可' }), userId, channels: ['sms'] });
    await t.drain();
    expect(sms.to('13916620002')).toHaveLength(1);
    expect(sms.to('13916620002')[0].text).toContain('办理结果：准予许可');
  });

  it('retries after a provider failure and records the error until it succeeds', async () => {
    freshSms().failNext(2);
    await notify(t.db, { template: 'case.submitted', vars: caseVars(), phone: '13900000002', channels: ['sms'] });
    await t.drain();
    let [m] = await messagesOf(t, { phone: '13900000002' });
    expect(m).toMatchObject({ status: 'queued', attempts: 1, last_error: '网关返回 503' });
    await skipBackoff(t);
    await t.drain();
    await skipBackoff(t);
    await t.drain();
    [m] = await messagesOf(t, { phone: '13900000002' });
    expect(m).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
    expect(sms.to('13900000002')).toHaveLength(1);
  });

  it('marks the message failed after the last attempt', async () => {
    configureNotifications({ maxAttempts: 2 });
    freshSms().failNext(5);
    await notify(t.db, { template: 'case.submitted', vars: caseVars(), phone: '13900000003', channels: ['sms'] });
    await t.drain();
    await skipBackoff(t);
    await t.drain();
    const [m] = await messagesOf(t, { phone: '13900000003' });
    expect(m).toMatchObject({ status: 'failed', attempts: 2, last_error: '网关返回 503' });
    expect(sms.sent).toHaveLength(0);
  });
});

describe('rate limits', () => {
  it('caps non-essential SMS per phone per hour, and essential messages have their own allowance', async () => {
    configureNotifications({ smsPerHour: 3, essentialSmsPerHour: 2 });
    freshSms();
    const phone = '13900000004';
    for (let i = 0; i < 5; i++) await notify(t.db, { template: 'case.submitted', vars: caseVars({ caseNo: `N${i}` }), phone, channels: ['sms'] });
    await t.drain();
    for (let i = 0; i < 3; i++) await notify(t.db, { template: 'identity.otp', vars: { code: `11111${i}`, minutes: 5 }, phone });
    await t.drain();
    const rows = await messagesOf(t, { phone });
    const count = (template: string, status: string) => rows.filter((r) => r.template_key === template && r.status === status).length;
    expect(count('case.submitted', 'sent')).toBe(3);
    expect(count('case.submitted', 'skipped')).toBe(2);
    expect(rows.find((r) => r.status === 'skipped')!.last_error).toContain('每小时最多 3 条');
    // The progress notices used up their allowance, yet the login codes still went out (up to their own limit).
    expect(count('identity.otp', 'sent')).toBe(2);
    expect(count('identity.otp', 'skipped')).toBe(1);
    expect(sms.to(phone)).toHaveLength(5);
  });

  it('applies the daily cap as well', async () => {
    configureNotifications({ smsPerHour: 100, smsPerDay: 2 });
    freshSms();
    for (let i = 0; i < 3; i++) await notify(t.db, { template: 'case.submitted', vars: caseVars(), phone: '13900000005', channels: ['sms'] });
    await t.drain();
    expect(sms.to('13900000005')).toHaveLength(2);
    expect((await messagesOf(t, { phone: '13900000005' })).filter((m) => m.status === 'skipped')[0].last_error).toContain('每天最多 2 条');
  });
});

describe('default log provider', () => {
  const text = '【闵行一网通办】您的验证码为482913，5分钟内有效。';

  it('logs the masked phone and, in demo mode, the full text so the code can be used', async () => {
    const lines: string[] = [];
    await new LogSmsProvider({ demo: true, log: (m) => lines.push(m) }).send('13816620001', text);
    expect(lines).toEqual([`[短信] 发送至 138****0001：${text}`]);
  });

  it('hides codes and numbers in the log outside demo mode', async () => {
    const lines: string[] = [];
    await new LogSmsProvider({ demo: false, log: (m) => lines.push(m) }).send('13816620001', text);
    expect(lines[0]).toContain('138****0001');
    expect(lines[0]).not.toContain('482913');
  });

  it('refuses an SMS_PROVIDER name nobody registered', () => {
    expect(() => createSmsProvider('carrier-x', { demo: false, log: () => undefined, env: {} })).toThrow(/not a registered SMS provider/);
  });
});

describe('one-time codes', () => {
  it('erases the text of a login-code SMS once it is delivered, so the code is not kept readable', async () => {
    const fake = freshSms();
    await notify(t.db, { template: 'identity.otp', vars: { code: '482913' }, phone: '13900000123', channels: ['sms'], essential: true });
    await t.drain();
    expect(fake.sent.at(-1)?.text).toContain('482913');
    const rows = await messagesOf(t, { phone: '13900000123' });
    expect(rows[0].status).toBe('sent');
    expect(rows[0].body).not.toContain('482913');
  });
});
