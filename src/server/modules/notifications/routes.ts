import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as s from './schemas.js';
import { getPreferences, listInbox, markAllRead, markRead, setPreferences, unreadCount } from './inbox.js';
import { listDeliveries, listTemplates, updateTemplate } from './service-admin.js';

const TAGS = ['notifications'];
const security = [{ bearer: [] }];

export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.ctx.db;

  app.get('/messages', {
    schema: { tags: TAGS, summary: '我的消息（站内信），新消息在前', security, querystring: s.InboxQuery, response: { 200: s.InboxResponse } },
  }, async (req) => listInbox(db, req.actor, { unreadOnly: req.query.unread === 'true', page: req.query.page, pageSize: req.query.pageSize }));

  app.get('/messages/unread-count', { schema: { tags: TAGS, summary: '我的未读消息数', security, response: { 200: s.UnreadResponse } } }, async (req) => unreadCount(db, req.actor));

  app.post('/messages/read-all', { schema: { tags: TAGS, summary: '全部标为已读', security, response: { 200: s.UnreadResponse } } }, async (req) => markAllRead(db, req.actor));

  app.post('/messages/:id/read', {
    schema: { tags: TAGS, summary: '标为已读', security, params: s.MessageParams, response: { 200: s.UnreadResponse } },
  }, async (req) => markRead(db, req.actor, req.params.id));

  app.get('/messages/preferences', { schema: { tags: TAGS, summary: '我的消息订阅设置', security, response: { 200: s.PreferencesResponse } } }, async (req) => getPreferences(db, req.actor));

  app.put('/messages/preferences', {
    schema: { tags: TAGS, summary: '退订非必要消息（按渠道或类别）；必要消息始终发送', security, body: s.PreferencesBody, response: { 200: s.PreferencesResponse } },
  }, async (req) => setPreferences(db, req.actor, req.body));

  app.get('/messages/templates', { schema: { tags: TAGS, summary: '消息模板列表（中心管理员、督查）', security, response: { 200: s.TemplatesResponse } } }, async (req) => listTemplates(db, req.actor));

  app.put('/messages/templates/:key/:channel', {
    schema: { tags: TAGS, summary: '修改消息模板的标题与正文（中心管理员）', security, params: s.TemplateParams, body: s.TemplateBody, response: { 200: s.TemplateView } },
  }, async (req) => updateTemplate(db, req.actor, req.params.key, req.params.channel, req.body));

  app.get('/messages/deliveries', {
    schema: { tags: TAGS, summary: '消息投递记录（脱敏；中心管理员、督查）', security, querystring: s.DeliveriesQuery },
  }, async (req) => listDeliveries(db, req.actor, req.query));
};
