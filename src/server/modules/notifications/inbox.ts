import type { Db } from '../../platform/db/database.js';
import { requireLogin, type Actor } from '../../platform/auth/actor.js';
import { notFound } from '../../platform/errors/app-error.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { CATEGORIES, CATEGORY_NAMES, CHANNELS, type Category, type Channel } from './tables.js';
import * as repo from './repository.js';

/** The logged-in user's message centre (消息中心): their own messages, so nothing is masked. */

export async function listInbox(db: Db, actor: Actor, opts: { unreadOnly: boolean; page: number; pageSize: number }) {
  requireLogin(actor);
  const [rows, counts] = await Promise.all([
    repo.findInboxPage(db, actor.userId, { unreadOnly: opts.unreadOnly, limit: opts.pageSize, offset: (opts.page - 1) * opts.pageSize }),
    repo.countInbox(db, actor.userId),
  ]);
  return {
    items: rows.map((m) => ({
      id: m.id,
      template: m.template_key,
      category: m.category,
      title: m.title,
      body: m.body,
      link: m.link,
      createdAt: m.created_at.toISOString(),
      readAt: m.read_at ? new Date(m.read_at).toISOString() : null,
    })),
    page: opts.page,
    pageSize: opts.pageSize,
    total: opts.unreadOnly ? counts.unread : counts.total,
    unread: counts.unread,
  };
}

export async function unreadCount(db: Db, actor: Actor) {
  requireLogin(actor);
  return { unread: (await repo.countInbox(db, actor.userId)).unread };
}

/** Someone else's message answers 404, not 403: its existence is nobody else's business. */
export async function markRead(db: Db, actor: Actor, id: string) {
  requireLogin(actor);
  await db.transaction().execute(async (tx) => {
    if (!(await repo.markRead(tx, actor.userId, id))) throw notFound('消息');
    await recordAudit(tx, actor, { action: 'message.read', targetType: 'message', targetId: id });
  });
  return unreadCount(db, actor);
}

export async function markAllRead(db: Db, actor: Actor) {
  requireLogin(actor);
  await db.transaction().execute(async (tx) => {
    const n = await repo.markAllRead(tx, actor.userId);
    await recordAudit(tx, actor, { action: 'message.read_all', targetType: 'user', targetId: actor.userId, detail: { marked: n } });
  });
  return { unread: 0 };
}

function describePreferences(mutedChannels: string[], mutedCategories: string[]) {
  return {
    mutedChannels: mutedChannels as Channel[],
    mutedCategories: mutedCategories as Category[],
    channels: CHANNELS.map((c) => ({ key: c, name: c === 'sms' ? '短信' : '站内信' })),
    categories: CATEGORIES.map((c) => ({ key: c, name: CATEGORY_NAMES[c] })),
    note: '验证码、补正告知、办理结果等必要消息不受退订影响，始终发送。',
  };
}

export async function getPreferences(db: Db, actor: Actor) {
  requireLogin(actor);
  const p = await repo.findPreferences(db, actor.userId);
  return describePreferences(p?.muted_channels ?? [], p?.muted_categories ?? []);
}

/** Turns off non-essential messages by channel and/or category (退订); essential ones are sent regardless. */
export async function setPreferences(db: Db, actor: Actor, input: { mutedChannels: Channel[]; mutedCategories: Category[] }) {
  requireLogin(actor);
  const channels = [...new Set(input.mutedChannels)];
  const categories = [...new Set(input.mutedCategories)];
  await db.transaction().execute(async (tx) => {
    await repo.upsertPreferences(tx, actor.userId, channels, categories);
    await recordAudit(tx, actor, { action: 'message.preferences_set', targetType: 'user', targetId: actor.userId, detail: { mutedChannels: channels, mutedCategories: categories } });
  });
  return describePreferences(channels, categories);
}
