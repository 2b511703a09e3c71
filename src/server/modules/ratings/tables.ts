import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type RatingChannel = 'pc' | 'mobile' | 'qr' | 'hall_tablet' | 'hall_terminal' | 'phone' | 'sms';
export type RatingKind = 'case' | 'visit';
export type PushStatus = 'pending' | 'pushed' | 'failed';

export interface RatingConfigTable {
  id: Generated<number>;
  bad_levels: number[];
  region_code: string;
  invitation_valid_days: number;
  visit_rating_minutes: number;
  visit_token_minutes: number;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface RatingInvitationsTable {
  id: Generated<string>;
  kind: 'case' | 'visit';
  case_id: string | null;
  case_no: string | null;
  visit_id: string | null;
  item_id: string | null;
  item_name: string | null;
  item_kind: string | null;
  agency_id: string | null;
  applicant_user_id: string | null;
  hall_id: string | null;
  window_id: string | null;
  staff_user_id: string | null;
  occurred_at: Timestamp;
  expires_at: Timestamp;
  token_hash: string | null;
  counted_rating_id: string | null;
  created_at: Generated<Date>;
}

export interface RatingsTable {
  id: Generated<string>;
  invitation_id: string | null;
  kind: RatingKind;
  case_id: string | null;
  case_no: string | null;
  visit_id: string | null;
  item_id: string | null;
  item_name: string | null;
  item_kind: string | null;
  case_completed_at: Timestamp | null;
  agency_id: string | null;
  hall_id: string | null;
  window_id: string | null;
  staff_user_id: string | null;
  level: number;
  is_bad: boolean;
  comment: string | null;
  channel: RatingChannel;
  rater_user_id: string | null;
  real_name: boolean;
  region_code: string;
  rating_seq: number;
  counted: boolean;
  excluded_reason: string | null;
  appeal_upheld: Generated<boolean>;
  push_status: Generated<PushStatus>;
  push_attempts: Generated<number>;
  pushed_at: Date | null;
  city_ref: string | null;
  push_error: string | null;
  rated_at: Generated<Date>;
}

/** 评价日汇总: per Shanghai day of rating, agency and item; maintained by triggers (migration 0401). */
export interface RatingDailyFiguresTable {
  day: string; agency_id: string | null; item_id: string | null; item_name: string | null;
  counted: number; level_sum: number; bad: number; bad_real_name: number; repeats: number;
}

/** 办件评价率日汇总: per Shanghai day of completion and agency, 查询类 excluded; maintained by triggers. */
export interface RatingCaseDailyFiguresTable { day: string; agency_id: string | null; completed: number; rated: number; rated_pushed: number }

declare module '../../platform/db/types.js' {
  interface Database {
    rating_daily_figures: RatingDailyFiguresTable;
    rating_case_daily_figures: RatingCaseDailyFiguresTable;
    rating_config: RatingConfigTable;
    rating_invitations: RatingInvitationsTable;
    ratings: RatingsTable;
  }
}
