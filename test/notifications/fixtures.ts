import type { SmsProvider } from '../../src/server/modules/notifications/sms.js';
import type { TestPlatform } from '../harness.js';

/** Records every SMS instead of sending it; `failNext(n)` makes the next n sends throw like a gateway outage. */
export class FakeSmsProvider implements SmsProvider {
  readonly name = 'fake';
  sent: { phone: string; text: string }[] = [];
  private failures = 0;

  failNext(n: number) {
    this.failures = n;
  }

  async send(phone: string, text: string) {
    if (this.failures > 0) {
      this.failures--;
      throw new Error('网关返回 503');
    }
    this.sent.push({ phone, text });
    return { providerMessageId: `fake-${this.sent.length}` };
  }

  to(phone: string) {
    return this.sent.filter((s) => s.phone === phone);
  }
}

export async function userIdOf(t: TestPlatform, login: string): Promise<string> {
  const u = await t.db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow();
  return u.id;
}

export const messagesOf = (t: TestPlatform, where: { template?: string; phone?: string; userId?: string }) => {
  let q = t.db.selectFrom('messages').selectAll();
  if (where.template) q = q.where('template_key', '=', where.template);
  if (where.phone) q = q.where('phone', '=', where.phone);
  if (where.userId) q = q.where('user_id', '=', where.userId);
  return q.orderBy('created_at').execute();
};

/** Makes jobs waiting out their back-off due now, as if the time had passed. */
export const skipBackoff = (t: TestPlatform) => t.db.updateTable('jobs').set({ run_at: new Date(Date.now() - 1000) }).where('state', '=', 'pending').execute();

/** Vars for the case templates, as the cases module would pass them. */
export const caseVars = (over: Record<string, unknown> = {}) => ({ itemName: '食品经营许可（新办）', caseNo: '3101122026100800012', ...over });
