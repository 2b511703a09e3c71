-- Ratings (好差评): invitations per completed case (一事一评) and per window visit (一次一评), the ratings themselves,
-- their push status to the city rating system, and the rating rules (which levels are 差评).

CREATE TABLE rating_config (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  bad_levels smallint[] NOT NULL DEFAULT '{4,5}',
  region_code varchar(6) NOT NULL DEFAULT '310112',
  invitation_valid_days int NOT NULL DEFAULT 30 CHECK (invitation_valid_days > 0),
  visit_rating_minutes int NOT NULL DEFAULT 30 CHECK (visit_rating_minutes > 0),
  visit_token_minutes int NOT NULL DEFAULT 1440 CHECK (visit_token_minutes > 0),
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO rating_config (id) VALUES (1);
COMMENT ON TABLE rating_config IS '好差评规则配置（单行）Rating rules, one row';
COMMENT ON COLUMN rating_config.id IS '固定为1 Always 1';
COMMENT ON COLUMN rating_config.bad_levels IS '属于差评的评价等级（上海：4 不满意、5 非常不满意）Levels that count as bad ratings';
COMMENT ON COLUMN rating_config.region_code IS '评价所属行政区划 Region code stamped on ratings';
COMMENT ON COLUMN rating_config.invitation_valid_days IS '办件评价邀请有效天数 Days a case rating invitation stays open';
COMMENT ON COLUMN rating_config.visit_rating_minutes IS '窗口评价器可对结束后多少分钟内的到窗服务匿名评价 Minutes after a visit the kiosk may rate it without a token';
COMMENT ON COLUMN rating_config.visit_token_minutes IS '到窗服务评价令牌有效分钟数 Lifetime of a visit rating token';
COMMENT ON COLUMN rating_config.updated_by IS '最后修改人 Last changed by';
COMMENT ON COLUMN rating_config.updated_at IS '最后修改时间 Last changed at';

CREATE TABLE rating_invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('case', 'visit')),
  case_id text,
  case_no text,
  visit_id text,
  item_id text,
  item_name text,
  item_kind text,
  agency_id text,
  applicant_user_id uuid,
  hall_id text,
  window_id text,
  staff_user_id uuid,
  occurred_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  token_hash text,
  counted_rating_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'case' AND case_id IS NOT NULL) OR (kind = 'visit' AND visit_id IS NOT NULL))
);
CREATE UNIQUE INDEX rating_invitations_case ON rating_invitations (case_id) WHERE kind = 'case';
CREATE UNIQUE INDEX rating_invitations_visit ON rating_invitations (visit_id) WHERE kind = 'visit';
CREATE INDEX rating_invitations_applicant ON rating_invitations (applicant_user_id, occurred_at DESC);
CREATE INDEX rating_invitations_window ON rating_invitations (window_id, occurred_at DESC) WHERE kind = 'visit';
-- 办件评价率 scans completed cases by day and agency, and looks up whether a counted rating exists.
CREATE INDEX rating_invitations_completed ON rating_invitations (occurred_at, agency_id) INCLUDE (item_kind, counted_rating_id) WHERE kind = 'case';
COMMENT ON TABLE rating_invitations IS '评价邀请：每个办结办件一条（一事一评），每次到窗服务一条（一次一评）Rating invitations, one per completed case and one per window visit';
COMMENT ON COLUMN rating_invitations.id IS '主键 Primary key';
COMMENT ON COLUMN rating_invitations.kind IS '类型：case 办件评价 / visit 到窗服务评价 Kind';
COMMENT ON COLUMN rating_invitations.case_id IS '办件ID Case id';
COMMENT ON COLUMN rating_invitations.case_no IS '办件编号 Case number';
COMMENT ON COLUMN rating_invitations.visit_id IS '到窗服务（叫号）ID Window visit id';
COMMENT ON COLUMN rating_invitations.item_id IS '事项ID Item id';
COMMENT ON COLUMN rating_invitations.item_name IS '事项名称 Item name';
COMMENT ON COLUMN rating_invitations.item_kind IS '事项类别：application 依申请 / public_service 公共服务 / query 查询类 Item kind';
COMMENT ON COLUMN rating_invitations.agency_id IS '办理机构（被评价单位）Agency being rated';
COMMENT ON COLUMN rating_invitations.applicant_user_id IS '被邀请的申请人账号 Invited applicant';
COMMENT ON COLUMN rating_invitations.hall_id IS '大厅 Hall';
COMMENT ON COLUMN rating_invitations.window_id IS '窗口 Window';
COMMENT ON COLUMN rating_invitations.staff_user_id IS '被评价的工作人员 Staff member rated';
COMMENT ON COLUMN rating_invitations.occurred_at IS '办结时间或到窗服务结束时间 When the case completed or the visit ended';
COMMENT ON COLUMN rating_invitations.expires_at IS '邀请截止时间 Invitation closes at';
COMMENT ON COLUMN rating_invitations.token_hash IS '到窗服务评价令牌的 SHA-256 SHA-256 of the visit rating token';
COMMENT ON COLUMN rating_invitations.counted_rating_id IS '计入统计的那条评价（一事一评）The rating that counts';
COMMENT ON COLUMN rating_invitations.created_at IS '创建时间 Created at';

CREATE TABLE ratings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  invitation_id uuid REFERENCES rating_invitations(id),
  kind text NOT NULL CHECK (kind IN ('case', 'visit')),
  case_id text,
  case_no text,
  visit_id text,
  item_id text,
  item_name text,
  item_kind text,
  case_completed_at timestamptz,
  agency_id text,
  hall_id text,
  window_id text,
  staff_user_id uuid,
  level smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
  is_bad boolean NOT NULL,
  comment text,
  channel text NOT NULL CHECK (channel IN ('pc', 'mobile', 'qr', 'hall_tablet', 'hall_terminal', 'phone', 'sms')),
  rater_user_id uuid,
  real_name boolean NOT NULL,
  region_code varchar(6) NOT NULL,
  rating_seq int NOT NULL DEFAULT 1,
  counted boolean NOT NULL,
  excluded_reason text,
  appeal_upheld boolean NOT NULL DEFAULT false,
  push_status text NOT NULL DEFAULT 'pending' CHECK (push_status IN ('pending', 'pushed', 'failed')),
  push_attempts int NOT NULL DEFAULT 0,
  pushed_at timestamptz,
  city_ref text,
  push_error text,
  rated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ratings_case ON ratings (case_id, rated_at) WHERE case_id IS NOT NULL;
CREATE INDEX ratings_rated_at ON ratings (rated_at, agency_id) INCLUDE (level, is_bad, counted, appeal_upheld, push_status, real_name, item_id);
-- 办件评价率's numerator without joining the invitations: counted case ratings by the case's completion time.
CREATE INDEX ratings_case_coverage ON ratings (case_completed_at, agency_id) INCLUDE (push_status, item_kind) WHERE counted AND kind = 'case';
CREATE INDEX ratings_window ON ratings (window_id, rated_at DESC) WHERE window_id IS NOT NULL;
CREATE INDEX ratings_push_pending ON ratings (rated_at) WHERE push_status <> 'pushed';
COMMENT ON TABLE ratings IS '好差评评价记录（GB/T 39734 字段）Ratings with the fields of GB/T 39734';
COMMENT ON COLUMN ratings.id IS '主键 Primary key';
COMMENT ON COLUMN ratings.invitation_id IS '对应的评价邀请 Invitation answered';
COMMENT ON COLUMN ratings.kind IS '类型：case 办件评价 / visit 到窗服务评价 Kind';
COMMENT ON COLUMN ratings.case_id IS '办件ID（办件评价）Case id';
COMMENT ON COLUMN ratings.case_no IS '办件编号 Case number';
COMMENT ON COLUMN ratings.visit_id IS '到窗服务ID Visit id';
COMMENT ON COLUMN ratings.item_id IS '事项ID Item id';
COMMENT ON COLUMN ratings.item_name IS '事项名称 Item name';
COMMENT ON COLUMN ratings.item_kind IS '事项类别（查询类不计入办件评价率）Item kind, copied from the invitation';
COMMENT ON COLUMN ratings.case_completed_at IS '办件办结时间（办件评价率按办结时间统计）When the rated case completed';
COMMENT ON COLUMN ratings.agency_id IS '被评价单位 Agency rated';
COMMENT ON COLUMN ratings.hall_id IS '大厅 Hall';
COMMENT ON COLUMN ratings.window_id IS '窗口 Window';
COMMENT ON COLUMN ratings.staff_user_id IS '被评价的工作人员 Staff member rated';
COMMENT ON COLUMN ratings.level IS '满意度（GB/T 39046）：1 非常满意 2 满意 3 基本满意 4 不满意 5 非常不满意 Satisfaction level';
COMMENT ON COLUMN ratings.is_bad IS '是否差评（按评价时的规则配置）Bad rating under the rules at rating time';
COMMENT ON COLUMN ratings.comment IS '文字评价 Comment';
COMMENT ON COLUMN ratings.channel IS '评价渠道：pc PC端 / mobile 移动服务端 / qr 二维码 / hall_tablet 政务大厅平板电脑 / hall_terminal 政务大厅其他终端 / phone 电话 / sms 短信 Channel';
COMMENT ON COLUMN ratings.rater_user_id IS '评价人账号（匿名为空）Rater account, null when anonymous';
COMMENT ON COLUMN ratings.real_name IS '是否实名评价 Real-name rating';
COMMENT ON COLUMN ratings.region_code IS '行政区划 Region code';
COMMENT ON COLUMN ratings.rating_seq IS '评价次数（同一办件或服务的第几次评价）Rating count for the same case or visit';
COMMENT ON COLUMN ratings.counted IS '是否计入统计（一事一评：重复评价不计）Counts in figures';
COMMENT ON COLUMN ratings.excluded_reason IS '不计入统计的原因：repeat 同一办件的重复评价 Why it does not count';
COMMENT ON COLUMN ratings.appeal_upheld IS '申诉复核成立（恶意或不实差评），不再计为差评 Appeal upheld: no longer a bad rating';
COMMENT ON COLUMN ratings.push_status IS '推送市好差评系统状态：pending 待推送 / pushed 已推送 / failed 推送失败 Push status';
COMMENT ON COLUMN ratings.push_attempts IS '推送尝试次数 Push attempts';
COMMENT ON COLUMN ratings.pushed_at IS '推送成功时间 Pushed at';
COMMENT ON COLUMN ratings.city_ref IS '市系统回执编号 City system reference';
COMMENT ON COLUMN ratings.push_error IS '最近一次推送错误 Last push error';
COMMENT ON COLUMN ratings.rated_at IS '评价时间 Rated at';
