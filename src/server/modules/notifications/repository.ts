import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { Channel, MessagesTable, MessageStatus } from './tables.js';
import './tables.js';

export const findTemplatesOfKey = (db: Executor, key: string) => db.selectFrom('message_templates').selectAll().where('key', '=', key).execute();
export const findAllTemplates = (db: Executor) => db.selectFrom('message_templates').selectAll().orderBy('key').orderBy('channel').execute();
export const findTemplate = (db: Executor, key: string, channel: Channel) =>
  db.selectFrom('message_templates').selectAll().where('key', '=', key).where('channel', '=', channel).executeTakeFirst();

export const updateTemplate = (db: Executor, key: string, channel: Channel, patch: { title: string; body: string; updated_by: string | null }) =>
  db.updateTable('message_templates').set({ ...patch, updated_at: new Date() }).where('key', '=', key).where('channel', '=', channel).returningAll().executeTakeFirstOrThrow();

/** Inserts messages; a (dedupe key, channel) already present is skipped, so a repeated notify sends nothing twice. */
export const insertMessages = (db: Executor, rows: Insertable<MessagesTable>[]) =>
  db
    .insertInto('messages')
    .values(rows)
    .onConflict((oc) => oc.expression(sql`dedupe_key, channel`).where('dedupe_key', 'is not', null).doNothing())
    .returning(['id', 'channel', 'status'])
    .execute();

export const findPreferences = (db: Executor, userId: string) => db.selectFrom('notification_preferences').selectAll().where('user_id', '=', userId).executeTakeFirst();

export const upsertPreferences = (db: Executor, userId: string, mutedChannels: string[], mutedCategories: string[]) =>
  db
    .insertInto('notification_preferences')
    .values({ user_id: userId, muted_channels: mutedChannels, muted_categories: mutedCategories })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ muted_channels: mutedChannels, muted_categories: mutedCategories, updated_at: new Date() }))
    .execute();

// ── delivery ────────────────────────────────────────────────────────────────────────────────────────────────

export const findMessage = (db: Executor, id: string) => db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
export const lockMessage = (db: Executor, id: string) => db.selectFrom('messages').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** Serialises the rate-limit check of one phone number across all server copies, for this transaction. */
export const lockPhone = (db: Executor, phone: string) => sql`SELECT pg_advisory_xact_lock(hashtext(${`sms:${phone}`}))`.execute(db);

/**
 * SMS of one kind (essential or not) to a phone since a time: those sent, and those another worker is sending
 * right now (an attempt started within the last two minutes), so two parallel deliveries cannot both slip under.
 */
export async function countSmsSince(db: Executor, phone: string, essential: boolean, since: Date, exceptId: string): Promise<number> {
  const r = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('channel', '=', 'sms')
    .where('phone', '=', phone)
    .where('essential', '=', essential)
    .where('id', '<>', exceptId)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'sent'), eb('sent_at', '>=', since)]),
        eb.and([eb('status', '=', 'queued'), eb('last_attempt_at', '>=', new Date(Date.now() - 120_000))]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export const startAttempt = (db: Executor, id: string, phone: string) =>
  db.updateTable('messages').set((eb) => ({ attempts: eb('attempts', '+', 1), last_attempt_at: new Date(), phone })).where('id', '=', id).returning('attempts').executeTakeFirstOrThrow();

export const finishMessage = (
  db: Executor,
  id: string,
  patch: { status: MessageStatus; last_error?: string | null; provider?: string | null; provider_message_id?: string | null; sent_at?: Date | null },
) => {
  // One-time codes must not outlive their delivery in readable form: once the message is settled, its text is erased.
  const erase = patch.status !== 'queued' ? { body: sql<string>`CASE WHEN template_key = ANY(${EPHEMERAL_TEMPLATES}) THEN ${ERASED_BODY} ELSE body END` } : {};
  return db.updateTable('messages').set({ ...patch, ...erase }).where('id', '=', id).execute();
};

/** Templates whose rendered text is a secret (login codes). */
export const EPHEMERAL_TEMPLATES = ['identity.otp'];
export const ERASED_BODY = '（验证码短信：内容已在发送后清除）';

// ── inbox ───────────────────────────────────────────────────────────────────────────────────────────────────

const inbox = (db: Executor, userId: string) => db.selectFrom('messages').where('user_id', '=', userId).where('channel', '=', 'inbox').where('status', '=', 'sent');

export const findInboxPage = (db: Executor, userId: string, opts: { unreadOnly: boolean; limit: number; offset: number }) => {
  let q = inbox(db, userId).select(['id', 'template_key', 'category', 'title', 'body', 'link', 'created_at', 'read_at']);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit).offset(opts.offset).execute();
};

export async function countInbox(db: Executor, userId: string): Promise<{ total: number; unread: number }> {
  const r = await inbox(db, userId)
    .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('id').filterWhere('read_at', 'is', null).as('unread')])
    .executeTakeFirstOrThrow();
  return { total: Number(r.total), unread: Number(r.unread) };
}

export const markRead = (db: Executor, userId: string, id: string) =>
  inbox(db, userId).select('id').where('id', '=', id).executeTakeFirst().then(async (found) => {
    if (!found) return false;
    await db.updateTable('messages').set({ read_at: new Date() }).where('id', '=', id).where('read_at', 'is', null).execute();
    return true;
  });

export async function markAllRead(db: Executor, userId: string): Promise<number> {
  const r = await db
    .updateTable('messages')
    .set({ read_at: new Date() })
    .where('user_id', '=', userId)
    .where('channel', '=', 'inbox')
    .where('status', '=', 'sent')
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

// ── delivery log ────────────────────────────────────────────────────────────────────────────────────────────

export interface DeliveryFilter {
  status?: MessageStatus;
  channel?: Channel;
  template?: string;
  phone?: string;
  userId?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

export async function findDeliveries(db: Executor, f: DeliveryFilter) {
  let q = db.selectFrom('messages');
  if (f.status) q = q.where('status', '=', f.status);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.template) q = q.where('template_key', '=', f.template);
  if (f.phone) q = q.where('phone', '=', f.phone);
  if (f.userId) q = q.where('user_id', '=', f.userId);
  if (f.from) q = q.where('created_at', '>=', f.from);
  if (f.to) q = q.where('created_at', '<', f.to);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
