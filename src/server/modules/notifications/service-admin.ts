import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/auth/actor.js';
import { notFound } from '../../platform/errors/app-error.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { maskPhone, maskText } from '../../platform/privacy/mask.js';
import { checkPlaceholders } from './render.js';
import { notificationsPolicy } from './policy.js';
import type { Channel, MessageStatus } from './tables.js';
import * as repo from './repository.js';

type TemplateRow = Awaited<ReturnType<typeof repo.findAllTemplates>>[number];
const templateView = (t: TemplateRow) => ({
  key: t.key,
  channel: t.channel,
  category: t.category,
  title: t.title,
  body: t.body,
  variables: t.variables,
  essential: t.essential,
  description: t.description,
  updatedAt: new Date(t.updated_at).toISOString(),
});

export async function listTemplates(db: Db, actor: Actor) {
  notificationsPolicy.require(actor, 'template.view');
  return { items: (await repo.findAllTemplates(db)).map(templateView) };
}

/**
 * Edits the wording of a template. The key, channel, category, variables and essential flag stay as the code that
 * sends it expects; only title and body change, and the body may use only the declared variables.
 */
export async function updateTemplate(db: Db, actor: Actor, key: string, channel: Channel, input: { title: string; body: string }) {
  notificationsPolicy.require(actor, 'template.edit');
  return db.transaction().execute(async (tx) => {
    const before = await repo.findTemplate(tx, key, channel);
    if (!before) throw notFound('消息模板');
    checkPlaceholders(input.title, before.variables, 'title');
    checkPlaceholders(input.body, before.variables, 'body');
    const after = await repo.updateTemplate(tx, key, channel, { title: input.title, body: input.body, updated_by: actor.userId });
    await recordAudit(tx, actor, {
      action: 'message.template_updated',
      targetType: 'message_template',
      targetId: `${key}/${channel}`,
      detail: { before: { title: before.title, body: before.body }, after: { title: after.title, body: after.body } },
    });
    return templateView(after);
  });
}

export interface DeliveryQuery {
  status?: MessageStatus;
  channel?: Channel;
  template?: string;
  phone?: string;
  userId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/**
 * The delivery log (投递记录) for the admin: phones masked, personal numbers in the text masked, and the text of
 * verification codes not shown at all — whoever reads the log must not be able to log in as the recipient.
 */
export async function listDeliveries(db: Db, actor: Actor, q: DeliveryQuery) {
  notificationsPolicy.require(actor, 'delivery.view');
  const { rows, total } = await repo.findDeliveries(db, {
    ...q,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    items: rows.map((m) => ({
      id: m.id,
      template: m.template_key,
      channel: m.channel,
      category: m.category,
      essential: m.essential,
      userId: m.user_id,
      phone: maskPhone(m.phone),
      title: m.title,
      body: m.category === 'account' ? '（验证码类消息不显示内容）' : maskText(m.body),
      status: m.status,
      attempts: m.attempts,
      lastError: m.last_error,
      provider: m.provider,
      providerMessageId: m.provider_message_id,
      createdAt: m.created_at.toISOString(),
      sentAt: m.sent_at ? new Date(m.sent_at).toISOString() : null,
    })),
    page: q.page,
    pageSize: q.pageSize,
    total,
  };
}
