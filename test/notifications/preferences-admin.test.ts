import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../harness.js';
import { notify } from '../../src/server/modules/notifications/service.js';
import { setSmsProvider } from '../../src/server/modules/notifications/sms.js';
import { caseVars, FakeSmsProvider, messagesOf, userIdOf } from './fixtures.js';

let t: TestPlatform;
let sms: FakeSmsProvider;
beforeAll(async () => {
  t = await createTestPlatform();
  sms = new FakeSmsProvider();
  setSmsProvider(sms);
});
afterAll(() => t.close());

describe('unsubscribe', () => {
  it('stops non-essential messages of a muted category but always sends essential ones', async () => {
    const me = await t.as('zhangwei');
    const userId = await userIdOf(t, 'zhangwei');
    const put = await me.put('/api/v1/messages/preferences', { mutedChannels: [], mutedCategories: ['rating', 'case'] });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ mutedChannels: [], mutedCategories: ['rating', 'case'] });

    await notify(t.db, { template: 'rating.invitation', vars: caseVars({ url: 'https://example.gov/r/1' }), userId });
    await notify(t.db, { template: 'case.accepted', vars: caseVars({ deadline: '2026-10-22T15:59:59.999Z' }), userId });
    await notify(t.db, { template: 'case.corrections_requested', vars: caseVars({ notice: '缺身份证', dueAt: '2026-10-20T15:59:59.999Z' }), userId });
    await t.drain();

    const rows = await messagesOf(t, { userId });
    const statusOf = (template: string) => rows.filter((r) => r.template_key === template).map((r) => `${r.channel}:${r.status}`).sort();
    expect(statusOf('rating.invitation')).toEqual(['inbox:skipped', 'sms:skipped']);
    expect(statusOf('case.accepted')).toEqual(['inbox:skipped', 'sms:skipped']);
    expect(statusOf('case.corrections_requested')).toEqual(['inbox:sent', 'sms:sent']);
    expect(rows.find((r) => r.template_key === 'rating.invitation')!.last_error).toBe('接收人已退订该类消息');
    expect(sms.to('13816620001')).toHaveLength(1);
    const inbox = (await me.get('/api/v1/messages')).json();
    expect(inbox.items.map((i: { template: string }) => i.template)).toEqual(['case.corrections_requested']);
  });

  it('turns off a whole channel for non-essential messages', async () => {
    const me = await t.as('wangfang');
    const userId = await userIdOf(t, 'wangfang');
    await me.put('/api/v1/messages/preferences', { mutedChannels: ['sms'], mutedCategories: [] });
    await notify(t.db, { template: 'case.submitted', vars: caseVars(), userId });
    await notify(t.db, { template: 'case.completed', vars: caseVars({ outcome: '准予许可' }), userId });
    await t.drain();
    const rows = await messagesOf(t, { userId });
    expect(rows.filter((r) => r.template_key === 'case.submitted').map((r) => `${r.channel}:${r.status}`).sort()).toEqual(['inbox:sent', 'sms:skipped']);
    expect(rows.filter((r) => r.template_key === 'case.completed').map((r) => `${r.channel}:${r.status}`).sort()).toEqual(['inbox:sent', 'sms:sent']);
    expect((await me.get('/api/v1/messages/preferences')).json()).toMatchObject({ mutedChannels: ['sms'], categories: expect.arrayContaining([{ key: 'rating', name: '评价邀请' }]) });
  });

  it('rejects unknown channels and categories', async () => {
    const me = await t.as('liuyang');
    const res = await me.put('/api/v1/messages/preferences', { mutedChannels: ['email'], mutedCategories: [] });
    expect(res.statusCode).toBe(400);
    expect((await me.put('/api/v1/messages/preferences', { mutedChannels: [], mutedCategories: ['account'], all: true })).statusCode).toBe(400);
  });
});

describe('inbox privacy', () => {
  it('shows each user only their own messages; another’s message answers 404', async () => {
    const lina = await userIdOf(t, 'lina');
    await notify(t.db, { template: 'case.submitted', vars: caseVars(), userId: lina, channels: ['inbox'] });
    const [m] = await messagesOf(t, { userId: lina });
    const other = await t.as('chenjie');
    expect((await other.get('/api/v1/messages')).json().items.find((i: { id: string }) => i.id === m.id)).toBeUndefined();
    expect((await other.post(`/api/v1/messages/${m.id}/read`)).statusCode).toBe(404);
    expect((await t.db.selectFrom('messages').select('read_at').where('id', '=', m.id).executeTakeFirstOrThrow()).read_at).toBeNull();
    const owner = await t.as('lina');
    expect((await owner.post('/api/v1/messages/read-all')).json()).toEqual({ unread: 0 });
  });

  it('requires a login', async () => {
    for (const url of ['/api/v1/messages', '/api/v1/messages/unread-count', '/api/v1/messages/preferences']) {
      expect((await t.anon.get(url)).statusCode, url).toBe(401);
    }
    expect((await t.anon.post('/api/v1/messages/read-all')).statusCode).toBe(401);
    expect((await (await t.as('lina')).post('/api/v1/messages/not-a-uuid/read')).statusCode).toBe(400);
  });
});

describe('templates and delivery log', () => {
  it('lets the center admin edit a template, which changes the next message, and audits it', async () => {
    const admin = await t.as('admin.sun');
    const list = await admin.get('/api/v1/messages/templates');
    expect(list.statusCode).toBe(200);
    const keys = new Set(list.json().items.map((i: { key: string }) => i.key));
    for (const k of ['identity.otp', 'case.submitted', 'case.accepted', 'case.not_accepted', 'case.corrections_requested', 'case.resubmitted', 'case.correction_timeout', 'case.task_assigned', 'case.completed', 'case.deadline_warning', 'case.overdue', 'case.urged', 'rating.invitation', 'workorder.assigned', 'workorder.deadline_warning', 'workorder.escalated', 'workorder.callback']) {
      expect(keys.has(k), k).toBe(true);
    }
    const res = await admin.put('/api/v1/messages/templates/case.urged/inbox', { title: '催办', body: '办件{{caseNo}}被催办：{{message}}' });
    expect(res.statusCode).toBe(200);
    const userId = await userIdOf(t, 'scj.reviewer');
    await notify(t.db, { template: 'case.urged', vars: { caseNo: 'C9', itemName: 'x', message: '申请人来电询问进度' }, userId, channels: ['inbox'] });
    const [m] = await messagesOf(t, { userId, template: 'case.urged' });
    expect(m.body).toBe('办件C9被催办：申请人来电询问进度');
    const audit = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'message.template_updated').execute();
    expect(audit[0]).toMatchObject({ target_id: 'case.urged/inbox' });
  });

  it('refuses a template that uses an undeclared variable', async () => {
    const admin = await t.as('admin.sun');
    const res = await admin.put('/api/v1/messages/templates/case.urged/sms', { title: '催办', body: '请处理{{caseNumber}}' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'TEMPLATE_VARIABLE_UNKNOWN', field: 'body' });
    expect((await admin.put('/api/v1/messages/templates/case.nothing/sms', { title: 'x', body: 'y' })).statusCode).toBe(404);
  });

  it('limits template and log access to the center admin (edit) and supervisor (read)', async () => {
    const sup = await t.as('sup.zheng');
    expect((await sup.get('/api/v1/messages/templates')).statusCode).toBe(200);
    expect((await sup.get('/api/v1/messages/deliveries')).statusCode).toBe(200);
    expect((await sup.put('/api/v1/messages/templates/case.urged/inbox', { title: 'x', body: 'y' })).statusCode).toBe(403);
    for (const login of ['scj.admin', 'clerk.zhou', 'zhangwei']) {
      const r = await t.as(login);
      expect((await r.get('/api/v1/messages/templates')).statusCode, login).toBe(403);
      expect((await r.get('/api/v1/messages/deliveries')).statusCode, login).toBe(403);
      expect((await r.put('/api/v1/messages/templates/case.urged/inbox', { title: 'x', body: 'y' })).statusCode, login).toBe(403);
    }
  });

  it('shows the delivery log masked, hides verification codes and filters', async () => {
    await notify(t.db, { template: 'identity.otp', vars: { code: '907711', minutes: 5 }, phone: '13900000077' });
    await t.drain();
    const admin = await t.as('admin.sun');
    const res = await admin.get('/api/v1/messages/deliveries?phone=13900000077&status=sent');
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json();
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({ template: 'identity.otp', phone: '139****0077', status: 'sent', attempts: 1, provider: 'fake' });
    expect(JSON.stringify(items)).not.toContain('907711');
    expect(JSON.stringify(items)).not.toContain('13900000077');
    const skipped = (await admin.get('/api/v1/messages/deliveries?status=skipped&pageSize=100')).json();
    expect(skipped.items.length).toBeGreaterThan(0);
    expect(skipped.items.every((i: { status: string }) => i.status === 'skipped')).toBe(true);
    expect((await admin.get('/api/v1/messages/deliveries?status=lost')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/messages/deliveries?from=yesterday')).statusCode).toBe(400);
  });
});
