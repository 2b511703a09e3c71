import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export const CHANNELS = ['inbox', 'sms'] as const;
/** inbox 站内信 (the user's message centre) / sms 短信. */
export type Channel = (typeof CHANNELS)[number];

export const CATEGORIES = ['account', 'case', 'deadline', 'rating', 'workorder'] as const;
export type Category = (typeof CATEGORIES)[number];
/** Chinese names of the categories, shown on the preferences page. */
export const CATEGORY_NAMES: Record<Category, string> = {
  account: '账号安全',
  case: '办件进度',
  deadline: '办理时限与催办',
  rating: '评价邀请',
  workorder: '工单',
};

export type MessageStatus = 'queued' | 'sent' | 'failed' | 'skipped';

export interface MessageTemplatesTable {
  key: string;
  channel: Channel;
  category: Category;
  title: string;
  body: string;
  variables: string[];
  essential: boolean;
  description: string;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface MessagesTable {
  id: Generated<string>;
  template_key: string;
  channel: Channel;
  category: Category;
  essential: boolean;
  user_id: string | null;
  phone: string | null;
  title: string;
  body: string;
  link: string | null;
  status: MessageStatus;
  attempts: Generated<number>;
  last_error: string | null;
  provider: string | null;
  provider_message_id: string | null;
  dedupe_key: string | null;
  created_at: Generated<Date>;
  last_attempt_at: Timestamp | null;
  sent_at: Timestamp | null;
  read_at: Timestamp | null;
}

export interface NotificationPreferencesTable {
  user_id: string;
  muted_channels: string[];
  muted_categories: string[];
  updated_at: Timestamp;
}

declare module '../../platform/db/types.js' {
  interface Database {
    message_templates: MessageTemplatesTable;
    messages: MessagesTable;
    notification_preferences: NotificationPreferencesTable;
  }
}
