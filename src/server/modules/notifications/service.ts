import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { enqueue } from '../../platform/jobs/queue.js';
import { renderTemplate } from './render.js';
import { notificationSettings } from './settings.js';
import type { Channel, MessagesTable } from './tables.js';
import * as repo from './repository.js';

export const DELIVER_SMS_QUEUE = 'notifications.deliver_sms';

export interface NotifyMessage {
  /** Template key, e.g. 'case.accepted'. */
  template: string;
  vars: Record<string, unknown>;
  /** The recipient's account: needed for the inbox; for SMS its phone on file is used when `phone` is not given. */
  userId?: string | null;
  phone?: string | null;
  /** Defaults to every channel the template has. */
  channels?: Channel[];
  /** Defaults to the template's flag. Essential messages ignore the recipient's unsubscribe choices. */
  essential?: boolean;
  /** At most one message per (dedupeKey, channel), ever: e.g. `case:<id>:accepted`. */
  dedupeKey?: string;
  /** In-app link shown with the inbox message, e.g. `/my/cases/<id>`. */
  link?: string | null;
}

/** A text message cannot follow an in-app path: `/rate/w1?…` becomes `https://portal…/rate/w1?…`. */
function absoluteLinks(vars: Record<string, unknown>): Record<string, unknown> {
  const base = notificationSettings().publicUrl.replace(/\/+$/, '');
  return Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, typeof v === 'string' && /^\/[^/]/.test(v) ? `${base}${v}` : v]));
}

/**
 * Queues a message (统一消息) in the caller's transaction — the transactional outbox: the message exists exactly
 * when the business change commits. Inbox messages are delivered by that commit; each SMS gets a delivery job
 * that applies the rate limits and retries with back-off.
 */
export async function notify(db: Executor, msg: NotifyMessage): Promise<void> {
  const templates = await repo.findTemplatesOfKey(db, msg.template);
  if (templates.length === 0) throw new AppError('MESSAGE_TEMPLATE_MISSING', { detail: `消息模板 ${msg.template} 不存在` });
  const channels = msg.channels ?? templates.map((t) => t.channel);
  const prefs = msg.userId ? await repo.findPreferences(db, msg.userId) : undefined;
  const now = new Date();
  const rows: Insertable<MessagesTable>[] = [];
  for (const channel of new Set(channels)) {
    const tpl = templates.find((t) => t.channel === channel);
    if (!tpl) throw new AppError('MESSAGE_TEMPLATE_MISSING', { detail: `消息模板 ${msg.template} 没有${channel === 'sms' ? '短信' : '站内信'}版本` });
    // Without an account there is no inbox; without a phone or account there is nowhere to text.
    if (channel === 'inbox' && !msg.userId) continue;
    if (channel === 'sms' && !msg.phone && !msg.userId) continue;
    const essential = msg.essential ?? tpl.essential;
    const muted = !essential && !!prefs && (prefs.muted_channels.includes(channel) || prefs.muted_categories.includes(tpl.category));
    rows.push({
      template_key: tpl.key,
      channel,
      category: tpl.category,
      essential,
      user_id: msg.userId ?? null,
      phone: msg.phone ?? null,
      title: renderTemplate(tpl.title, msg.vars),
      body: renderTemplate(tpl.body, channel === 'sms' ? absoluteLinks(msg.vars) : msg.vars),
      link: msg.link ?? null,
      status: muted ? 'skipped' : channel === 'inbox' ? 'sent' : 'queued',
      last_error: muted ? '接收人已退订该类消息' : null,
      sent_at: !muted && channel === 'inbox' ? now : null,
      dedupe_key: msg.dedupeKey ?? null,
    });
  }
  if (rows.length === 0) return;
  const inserted = await repo.insertMessages(db, rows);
  const sms = inserted.filter((m) => m.channel === 'sms' && m.status === 'queued');
  await enqueue(db, ...sms.map((m) => ({ queue: DELIVER_SMS_QUEUE, payload: { messageId: m.id }, dedupeKey: m.id, maxAttempts: notificationSettings().maxAttempts })));
}
