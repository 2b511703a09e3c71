import { z } from 'zod';
import { CATEGORIES, CHANNELS } from './tables.js';

const Channel = z.enum(CHANNELS).describe('inbox 站内信 / sms 短信');
const Category = z.enum(CATEGORIES).describe('account 账号安全 / case 办件进度 / deadline 时限与催办 / rating 评价邀请 / workorder 工单');
const Page = z.coerce.number().int().min(1).max(10_000).default(1).describe('页码');
const PageSize = z.coerce.number().int().min(1).max(100).default(20).describe('每页条数');

export const InboxQuery = z.object({
  unread: z.enum(['true', 'false']).default('false').describe('只看未读'),
  page: Page,
  pageSize: PageSize,
});

export const MessageParams = z.object({ id: z.uuid().describe('消息ID') });
export const UnreadResponse = z.object({ unread: z.number().int() });

export const InboxResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      template: z.string(),
      category: z.string(),
      title: z.string(),
      body: z.string(),
      link: z.string().nullable(),
      createdAt: z.string(),
      readAt: z.string().nullable(),
    }),
  ),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  unread: z.number(),
});

export const PreferencesBody = z.strictObject({
  mutedChannels: z.array(Channel).max(CHANNELS.length).describe('关闭的渠道（仅影响非必要消息）'),
  mutedCategories: z.array(Category).max(CATEGORIES.length).describe('关闭的类别（仅影响非必要消息）'),
});

export const PreferencesResponse = z.object({
  mutedChannels: z.array(z.string()),
  mutedCategories: z.array(z.string()),
  channels: z.array(z.object({ key: z.string(), name: z.string() })),
  categories: z.array(z.object({ key: z.string(), name: z.string() })),
  note: z.string(),
});

export const TemplateParams = z.object({
  key: z.string().regex(/^[a-z][a-z_]*\.[a-z][a-z_]*$/).describe('模板键，如 case.accepted'),
  channel: Channel,
});

export const TemplateBody = z.strictObject({
  title: z.string().trim().min(1).max(60).describe('标题'),
  body: z.string().trim().min(1).max(500).describe('正文，可用 {{变量}}'),
});

export const TemplateView = z.object({
  key: z.string(),
  channel: z.string(),
  category: z.string(),
  title: z.string(),
  body: z.string(),
  variables: z.array(z.string()),
  essential: z.boolean(),
  description: z.string(),
  updatedAt: z.string(),
});
export const TemplatesResponse = z.object({ items: z.array(TemplateView) });

export const DeliveriesQuery = z.object({
  status: z.enum(['queued', 'sent', 'failed', 'skipped']).optional().describe('投递状态'),
  channel: Channel.optional(),
  template: z.string().max(60).optional().describe('模板键'),
  phone: z.string().regex(/^1\d{10}$/).optional().describe('完整手机号（精确查找；结果中仍脱敏）'),
  userId: z.uuid().optional().describe('接收人账号'),
  from: z.iso.datetime({ offset: true }).optional().describe('创建时间起（含）'),
  to: z.iso.datetime({ offset: true }).optional().describe('创建时间止（不含）'),
  page: Page,
  pageSize: PageSize,
});
