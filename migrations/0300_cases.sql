-- Cases (统一受办 / 办件): process definitions, applications and cases, their steps (GB/T 39046 表6), materials,
-- clock pauses, 补正 notices, on-site visits, the per-region-per-day case number counter and the 电子档案 archive.

CREATE TABLE process_definitions (
  key text NOT NULL,
  version int NOT NULL,
  name text NOT NULL,
  definition jsonb NOT NULL,
  digest text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (key, version)
);
COMMENT ON TABLE process_definitions IS '流程定义（声明式、带版本；办件始终使用其启动时的版本）Versioned declarative process definitions';
COMMENT ON COLUMN process_definitions.key IS '流程键，如 standard Process key';
COMMENT ON COLUMN process_definitions.version IS '版本号（同一键递增）Version number';
COMMENT ON COLUMN process_definitions.name IS '流程名称 Process name';
COMMENT ON COLUMN process_definitions.definition IS '流程定义 JSON（节点、处理人、动作）Definition document';
COMMENT ON COLUMN process_definitions.digest IS '定义内容 SHA-256，用于判断是否需要新版本 Digest of the definition';
COMMENT ON COLUMN process_definitions.created_at IS '创建时间 Created at';

CREATE TABLE case_counters (
  region_code varchar(6) NOT NULL,
  day date NOT NULL,
  last_seq int NOT NULL,
  PRIMARY KEY (region_code, day)
);
COMMENT ON TABLE case_counters IS '办件编号计数器（每区划每日一行，在提交事务内递增）Case number counter per region and day';
COMMENT ON COLUMN case_counters.region_code IS '行政区划代码 Region code';
COMMENT ON COLUMN case_counters.day IS '日期（上海时区）Day in Asia/Shanghai';
COMMENT ON COLUMN case_counters.last_seq IS '当日已用最大序号 Last sequence used that day';

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_no varchar(32) UNIQUE,
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'in_progress', 'correction', 'suspended', 'completed', 'delivered', 'not_accepted', 'correction_timeout')),
  outcome text CHECK (outcome IN ('approved', 'denied')),
  item_id text NOT NULL,
  item_version_id text NOT NULL,
  item_name text NOT NULL,
  item_basic_code varchar(50) NOT NULL,
  situation_code varchar(50),
  agency_id text NOT NULL,
  region_code varchar(6) NOT NULL,
  process_key text,
  process_version int,
  applicant_user_id uuid,
  enterprise_id uuid,
  authorization_id uuid,
  applicant_name text NOT NULL,
  applicant_id_no varchar(32),
  applicant_phone varchar(20),
  created_by_user_id uuid NOT NULL,
  channel text NOT NULL CHECK (channel IN ('pc', 'mobile', 'kiosk', 'window')),
  terminal_id text,
  window_id text,
  hall_id text,
  online_accepted boolean NOT NULL DEFAULT false,
  immediate boolean NOT NULL DEFAULT false,
  legal_limit_days int,
  legal_limit_unit text CHECK (legal_limit_unit IN ('working', 'natural')),
  committed_limit_days int,
  committed_limit_unit text CHECK (committed_limit_unit IN ('working', 'natural')),
  extended_days int NOT NULL DEFAULT 0,
  form_data jsonb NOT NULL DEFAULT '{}',
  submitted_at timestamptz,
  accepted_at timestamptz,
  deadline_at timestamptz,
  warn_at timestamptz,
  warned_yellow_at timestamptz,
  warned_red_at timestamptz,
  paused_at timestamptz,
  decided_at timestamptz,
  completed_at timestamptz,
  result jsonb,
  delivery jsonb,
  delivered_at timestamptz,
  closed_reason text,
  extra_signers jsonb NOT NULL DEFAULT '{}',
  appointment_id uuid,
  parent_case_id uuid REFERENCES cases(id),
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status = 'draft' OR case_no IS NOT NULL),
  CHECK (channel <> 'kiosk' OR status = 'draft' OR terminal_id IS NOT NULL)
);
CREATE INDEX cases_applicant ON cases (applicant_user_id, created_at DESC);
CREATE INDEX cases_enterprise ON cases (enterprise_id, created_at DESC) WHERE enterprise_id IS NOT NULL;
CREATE INDEX cases_agency_status ON cases (agency_id, status, deadline_at);
CREATE INDEX cases_overdue ON cases (deadline_at) WHERE status IN ('in_progress', 'submitted');
COMMENT ON TABLE cases IS '办件（含草稿）：申请、受理、办理、办结、送达的全过程主记录 Cases, drafts included';
COMMENT ON COLUMN cases.id IS '主键 Primary key';
COMMENT ON COLUMN cases.case_no IS '办件编号：区划代码-日期-序号，提交时分配 Case number, assigned on submission';
COMMENT ON COLUMN cases.status IS '状态：draft 草稿/submitted 待受理/in_progress 办理中/correction 补正中/suspended 特别程序暂停/completed 已办结/delivered 已送达/not_accepted 不予受理/correction_timeout 补正超时 Status';
COMMENT ON COLUMN cases.outcome IS '决定结果：approved 准予/denied 不予 Decision';
COMMENT ON COLUMN cases.item_id IS '事项ID Item id';
COMMENT ON COLUMN cases.item_version_id IS '事项版本ID（办件按申请时的指南办理）Item version applied for';
COMMENT ON COLUMN cases.item_name IS '事项名称（申请时快照）Item name at application';
COMMENT ON COLUMN cases.item_basic_code IS '事项基本编码 Basic item code';
COMMENT ON COLUMN cases.situation_code IS '业务办理项编码（33位）Handling-situation code';
COMMENT ON COLUMN cases.agency_id IS '实施机构（办件所属部门）Implementing agency';
COMMENT ON COLUMN cases.region_code IS '行政区划代码 Region code';
COMMENT ON COLUMN cases.process_key IS '流程定义键 Process definition key';
COMMENT ON COLUMN cases.process_version IS '流程定义版本（提交时固定）Process version the case started with';
COMMENT ON COLUMN cases.applicant_user_id IS '申请人用户ID（自然人或经办人）Applicant user id';
COMMENT ON COLUMN cases.enterprise_id IS '申请企业ID（法人办事时）Enterprise applying';
COMMENT ON COLUMN cases.authorization_id IS '授权代办记录ID Authorisation used by an agent';
COMMENT ON COLUMN cases.applicant_name IS '申请人名称（个人姓名或企业名称）Applicant name';
COMMENT ON COLUMN cases.applicant_id_no IS '申请人证件号（身份证号或统一社会信用代码）Applicant identifier';
COMMENT ON COLUMN cases.applicant_phone IS '申请人联系电话 Applicant phone';
COMMENT ON COLUMN cases.created_by_user_id IS '录入人（窗口代录时为窗口人员）Who entered the application';
COMMENT ON COLUMN cases.channel IS '申请渠道：pc/mobile/kiosk/window Channel';
COMMENT ON COLUMN cases.terminal_id IS '自助终端编号（kiosk 渠道）Kiosk terminal id';
COMMENT ON COLUMN cases.window_id IS '受理窗口编号（window 渠道）Window id';
COMMENT ON COLUMN cases.hall_id IS '政务服务大厅编号 Hall id';
COMMENT ON COLUMN cases.online_accepted IS '是否网上受理 Accepted online';
COMMENT ON COLUMN cases.immediate IS '是否即办件 Immediate (same-day) item';
COMMENT ON COLUMN cases.legal_limit_days IS '法定办结时限（受理时快照）Legal limit at acceptance';
COMMENT ON COLUMN cases.legal_limit_unit IS '法定时限单位 working/natural Legal limit unit';
COMMENT ON COLUMN cases.committed_limit_days IS '承诺办结时限（受理时快照）Committed limit at acceptance';
COMMENT ON COLUMN cases.committed_limit_unit IS '承诺时限单位 working/natural Committed limit unit';
COMMENT ON COLUMN cases.extended_days IS '特别程序延长天数合计 Days added by 延长审批';
COMMENT ON COLUMN cases.form_data IS '申请表数据（含个人信息，按 x-pii 脱敏展示）Form data';
COMMENT ON COLUMN cases.submitted_at IS '提交时间 Submitted at';
COMMENT ON COLUMN cases.accepted_at IS '受理时间 Accepted at';
COMMENT ON COLUMN cases.deadline_at IS '办结期限（承诺时限，随暂停顺延）Deadline, shifted by pauses';
COMMENT ON COLUMN cases.warn_at IS '黄灯预警时间 When the yellow warning is due';
COMMENT ON COLUMN cases.warned_yellow_at IS '黄灯预警已发出时间 Yellow warning sent at';
COMMENT ON COLUMN cases.warned_red_at IS '红灯（超期）提醒已发出时间 Overdue warning sent at';
COMMENT ON COLUMN cases.paused_at IS '计时暂停开始时间（补正或特别程序）Clock paused since';
COMMENT ON COLUMN cases.decided_at IS '准予/不予决定时间 Decided at';
COMMENT ON COLUMN cases.completed_at IS '办结时间 Completed at';
COMMENT ON COLUMN cases.result IS '办结结果：证照名称、编号、有效期、发证单位 Result';
COMMENT ON COLUMN cases.delivery IS '送达方式：自取或快递及运单号 Delivery';
COMMENT ON COLUMN cases.delivered_at IS '送达时间 Delivered at';
COMMENT ON COLUMN cases.closed_reason IS '不予受理或补正超时的原因 Reason a case closed without result';
COMMENT ON COLUMN cases.extra_signers IS '加签人员（按节点），重新进入会签节点时保留 Signers added per node';
COMMENT ON COLUMN cases.appointment_id IS '关联的网上预约ID（预留）Linked appointment';
COMMENT ON COLUMN cases.parent_case_id IS '一件事主办件ID（预留）Parent case of a 一件事 bundle';
COMMENT ON COLUMN cases.version IS '乐观锁版本号 Optimistic lock version';
COMMENT ON COLUMN cases.created_at IS '创建时间 Created at';
COMMENT ON COLUMN cases.updated_at IS '更新时间 Updated at';

CREATE TABLE case_steps (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases(id),
  seq int NOT NULL,
  node_id text NOT NULL,
  node_name text NOT NULL,
  node_kind text NOT NULL,
  activation int NOT NULL DEFAULT 0,
  branch text,
  agency_id text,
  role text,
  assignee_user_id uuid,
  claimed_by_user_id uuid,
  state text NOT NULL CHECK (state IN ('pending', 'done', 'cancelled')),
  action text,
  action_label text,
  opinion text,
  actor_user_id uuid,
  actor_name text,
  started_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  UNIQUE (case_id, seq)
);
CREATE INDEX case_steps_pending_pool ON case_steps (agency_id, role) WHERE state = 'pending';
CREATE INDEX case_steps_pending_user ON case_steps (assignee_user_id) WHERE state = 'pending';
CREATE INDEX case_steps_pending_claim ON case_steps (claimed_by_user_id) WHERE state = 'pending';
COMMENT ON TABLE case_steps IS '办理环节（GB/T 39046 表6）：待办任务与已办记录，含催办、转办等过程动作 Case steps: open tasks and done records';
COMMENT ON COLUMN case_steps.id IS '主键 Primary key';
COMMENT ON COLUMN case_steps.case_id IS '办件ID Case';
COMMENT ON COLUMN case_steps.seq IS '环节序号（办件内递增，用于环节顺序）Step order within the case';
COMMENT ON COLUMN case_steps.node_id IS '流程节点ID Process node id';
COMMENT ON COLUMN case_steps.node_name IS '环节名称 Step name';
COMMENT ON COLUMN case_steps.node_kind IS '节点类型：task/countersign/anysign/parallel/auto/end Node kind';
COMMENT ON COLUMN case_steps.activation IS '节点激活序号（退回后重新进入为新一次激活）Activation number of the node';
COMMENT ON COLUMN case_steps.branch IS '并联分支或会签人标识 Parallel branch / signer key';
COMMENT ON COLUMN case_steps.agency_id IS '办理机构（任务池）Agency of the task pool';
COMMENT ON COLUMN case_steps.role IS '办理角色（任务池）Role of the task pool';
COMMENT ON COLUMN case_steps.assignee_user_id IS '指定处理人 Named assignee';
COMMENT ON COLUMN case_steps.claimed_by_user_id IS '签收人 Who claimed the pool task';
COMMENT ON COLUMN case_steps.state IS '状态：pending 待办(1)/done 已办(2)/cancelled 已取消 State';
COMMENT ON COLUMN case_steps.action IS '业务动作代码，如 accept/pass/send_back Action code';
COMMENT ON COLUMN case_steps.action_label IS '业务动作中文：受理/通过/退回/补正等 Action label';
COMMENT ON COLUMN case_steps.opinion IS '处理意见 Opinion';
COMMENT ON COLUMN case_steps.actor_user_id IS '处理人用户ID Actor';
COMMENT ON COLUMN case_steps.actor_name IS '处理人姓名 Actor name';
COMMENT ON COLUMN case_steps.started_at IS '开始时间 Started at';
COMMENT ON COLUMN case_steps.ended_at IS '结束时间 Ended at';

CREATE TABLE case_materials (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases(id),
  material_id text NOT NULL,
  name text NOT NULL,
  method text NOT NULL CHECK (method IN ('online_upload', 'paper_at_window', 'e_licence', 'data_check', 'exempt')),
  upload_ids text[] NOT NULL DEFAULT '{}',
  files jsonb NOT NULL DEFAULT '[]',
  e_licence_no text,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, material_id),
  CHECK (method <> 'e_licence' OR e_licence_no IS NOT NULL)
);
COMMENT ON TABLE case_materials IS '办件材料：每项材料一行，记录收取方式与电子证照派生件编号 Case materials, one row per guide material';
COMMENT ON COLUMN case_materials.id IS '主键 Primary key';
COMMENT ON COLUMN case_materials.case_id IS '办件ID Case';
COMMENT ON COLUMN case_materials.material_id IS '指南中的材料ID Guide material id';
COMMENT ON COLUMN case_materials.name IS '材料名称 Material name';
COMMENT ON COLUMN case_materials.method IS '收取方式：online_upload 上传/paper_at_window 窗口纸质/e_licence 电子证照引用/data_check 数据核验/exempt 免提交 Collection method';
COMMENT ON COLUMN case_materials.upload_ids IS '上传文件ID Upload ids';
COMMENT ON COLUMN case_materials.files IS '文件清单（名称、大小、SHA-256、SM3）File list with digests';
COMMENT ON COLUMN case_materials.e_licence_no IS '电子证照派生件编号 E-licence derived copy number';
COMMENT ON COLUMN case_materials.note IS '说明 Note';
COMMENT ON COLUMN case_materials.created_at IS '创建时间 Created at';

CREATE TABLE case_pauses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases(id),
  kind text NOT NULL CHECK (kind IN ('correction', 'special_pause', 'extension')),
  reason text NOT NULL,
  days int,
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  shifted_days int,
  created_by_user_id uuid
);
CREATE INDEX case_pauses_case ON case_pauses (case_id);
COMMENT ON TABLE case_pauses IS '计时暂停与延长（补正、特别程序）Clock pauses and extensions';
COMMENT ON COLUMN case_pauses.id IS '主键 Primary key';
COMMENT ON COLUMN case_pauses.case_id IS '办件ID Case';
COMMENT ON COLUMN case_pauses.kind IS '类型：correction 补正/special_pause 特别程序暂停/extension 延长审批 Kind';
COMMENT ON COLUMN case_pauses.reason IS '原因 Reason';
COMMENT ON COLUMN case_pauses.days IS '延长天数（extension）Days added';
COMMENT ON COLUMN case_pauses.started_at IS '开始时间 Started at';
COMMENT ON COLUMN case_pauses.ended_at IS '结束时间 Ended at';
COMMENT ON COLUMN case_pauses.shifted_days IS '期限顺延的天数（按时限单位）Days the deadline moved';
COMMENT ON COLUMN case_pauses.created_by_user_id IS '发起人 Who started it';

CREATE TABLE case_corrections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases(id),
  node_id text NOT NULL,
  items jsonb NOT NULL,
  notice text NOT NULL,
  requested_by_user_id uuid NOT NULL,
  requested_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  resubmitted_at timestamptz,
  timed_out_at timestamptz
);
CREATE INDEX case_corrections_case ON case_corrections (case_id);
COMMENT ON TABLE case_corrections IS '一次性补正告知 One-time correction notices';
COMMENT ON COLUMN case_corrections.id IS '主键 Primary key';
COMMENT ON COLUMN case_corrections.case_id IS '办件ID Case';
COMMENT ON COLUMN case_corrections.node_id IS '发起补正的环节 Node that asked for it';
COMMENT ON COLUMN case_corrections.items IS '需补正的全部事项（材料或字段及问题）Every missing or wrong item';
COMMENT ON COLUMN case_corrections.notice IS '补正告知书正文 Notice text';
COMMENT ON COLUMN case_corrections.requested_by_user_id IS '发起人 Requested by';
COMMENT ON COLUMN case_corrections.requested_at IS '告知时间 Requested at';
COMMENT ON COLUMN case_corrections.due_at IS '补正期限，逾期按补正超时办结 Due; after it the case closes as 补正超时';
COMMENT ON COLUMN case_corrections.resubmitted_at IS '申请人补正提交时间 Resubmitted at';
COMMENT ON COLUMN case_corrections.timed_out_at IS '补正超时关闭时间 Timed out at';

CREATE TABLE case_visits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid REFERENCES cases(id),
  applicant_user_id uuid,
  applicant_name text,
  purpose text NOT NULL CHECK (purpose IN ('submit', 'correction', 'verify_original', 'payment', 'pickup', 'consult')),
  hall_id text NOT NULL,
  window_id text NOT NULL,
  staff_user_id uuid NOT NULL,
  started_at timestamptz NOT NULL,
  ended_at timestamptz
);
CREATE INDEX case_visits_case ON case_visits (case_id);
COMMENT ON TABLE case_visits IS '到现场办理记录（跑动次数），窗口服务开始与结束时间 On-site visits';
COMMENT ON COLUMN case_visits.id IS '主键 Primary key';
COMMENT ON COLUMN case_visits.case_id IS '办件ID（咨询等可为空）Case, if any';
COMMENT ON COLUMN case_visits.applicant_user_id IS '申请人用户ID Applicant user';
COMMENT ON COLUMN case_visits.applicant_name IS '申请人姓名 Applicant name';
COMMENT ON COLUMN case_visits.purpose IS '目的：submit 提交/correction 补正/verify_original 核验原件/payment 缴费/pickup 领证/consult 咨询 Purpose';
COMMENT ON COLUMN case_visits.hall_id IS '大厅编号 Hall id';
COMMENT ON COLUMN case_visits.window_id IS '窗口编号 Window id';
COMMENT ON COLUMN case_visits.staff_user_id IS '窗口人员 Staff';
COMMENT ON COLUMN case_visits.started_at IS '服务开始时间 Service start';
COMMENT ON COLUMN case_visits.ended_at IS '服务结束时间 Service end';

CREATE TABLE case_archives (
  case_id uuid PRIMARY KEY REFERENCES cases(id),
  case_no varchar(32) NOT NULL,
  content jsonb NOT NULL,
  manifest_sm3 char(64) NOT NULL,
  archived_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE case_archives IS '电子档案：办结时归档的只读办件、环节与材料摘要 Read-only archive of completed cases';
COMMENT ON COLUMN case_archives.case_id IS '办件ID Case';
COMMENT ON COLUMN case_archives.case_no IS '办件编号 Case number';
COMMENT ON COLUMN case_archives.content IS '归档内容：办件、环节、材料及其摘要 Archived content';
COMMENT ON COLUMN case_archives.manifest_sm3 IS '归档清单 SM3 摘要 SM3 digest of the manifest';
COMMENT ON COLUMN case_archives.archived_at IS '归档时间 Archived at';

-- The archive is read-only: refuse any change after it is written.
CREATE FUNCTION case_archives_read_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_archives is read-only';
END $$;
CREATE TRIGGER case_archives_no_update BEFORE UPDATE OR DELETE ON case_archives FOR EACH ROW EXECUTE FUNCTION case_archives_read_only();
