-- Work orders (任务中枢): bad ratings, 办不成事 reports, 12345 tickets and supervisor tasks, with their stage
-- deadlines in working days (configuration), history, and 12345 batch imports.

CREATE TABLE work_order_rules (
  source text PRIMARY KEY CHECK (source IN ('bad_rating', 'suggestion', 'cannot_get_done', 'hotline', 'manual')),
  label text NOT NULL,
  contact_days int NOT NULL CHECK (contact_days >= 0),
  sign_days int NOT NULL CHECK (sign_days >= 0),
  verify_days int NOT NULL CHECK (verify_days >= 0),
  rectify_days int NOT NULL CHECK (rectify_days >= 0),
  callback_days int NOT NULL CHECK (callback_days >= 0),
  warn_hours int NOT NULL DEFAULT 4 CHECK (warn_hours >= 0),
  return_allowed boolean NOT NULL,
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Shanghai "1、5、15": contact within 1 working day (差评: the same day), ordinary issues 5, complex 15 (via 延期).
INSERT INTO work_order_rules (source, label, contact_days, sign_days, verify_days, rectify_days, callback_days, warn_hours, return_allowed) VALUES
  ('bad_rating', '差评', 0, 0, 1, 5, 1, 4, false),
  ('suggestion', '意见建议（差评无法派单）', 1, 1, 1, 5, 1, 4, true),
  ('cannot_get_done', '办不成事', 1, 1, 1, 5, 1, 4, true),
  ('hotline', '12345热线', 1, 1, 1, 5, 1, 4, true),
  ('manual', '督办任务', 1, 1, 2, 5, 1, 4, true);
COMMENT ON TABLE work_order_rules IS '工单规则：各来源的阶段时限（工作日）与是否允许退单 Work-order rules per source: stage limits in working days';
COMMENT ON COLUMN work_order_rules.source IS '来源：bad_rating 差评 / suggestion 意见建议 / cannot_get_done 办不成事 / hotline 12345 / manual 督办任务 Source';
COMMENT ON COLUMN work_order_rules.label IS '来源名称 Label';
COMMENT ON COLUMN work_order_rules.contact_days IS '先行联系时限（工作日，0=当日）Days to first contact the person, 0 = same day';
COMMENT ON COLUMN work_order_rules.sign_days IS '签收时限（工作日）Days to sign for the order';
COMMENT ON COLUMN work_order_rules.verify_days IS '核实时限（工作日）Days to verify';
COMMENT ON COLUMN work_order_rules.rectify_days IS '整改或解释说明时限（工作日）Days to rectify or explain';
COMMENT ON COLUMN work_order_rules.callback_days IS '回访时限（工作日）Days to call back';
COMMENT ON COLUMN work_order_rules.warn_hours IS '到期前多少小时预警 Warn this many hours before a stage is due';
COMMENT ON COLUMN work_order_rules.return_allowed IS '是否允许退单（带文字差评不得退单）Whether the unit may return the order';
COMMENT ON COLUMN work_order_rules.updated_by IS '最后修改人 Last changed by';
COMMENT ON COLUMN work_order_rules.updated_at IS '最后修改时间 Last changed at';

CREATE TABLE hotline_category_limits (
  category text PRIMARY KEY,
  label text NOT NULL,
  days int NOT NULL CHECK (days > 0),
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO hotline_category_limits (category, label, days) VALUES
  ('consult', '咨询', 1), ('suggestion', '建议', 1), ('supervise', '热线督办', 3), ('recheck', '回访复核', 3),
  ('help', '求助', 5), ('complaint', '投诉', 5), ('complex', '复杂事项（经批准）', 15);
COMMENT ON TABLE hotline_category_limits IS '12345工单按诉求类型的办理时限（工作日，自收到工单起算）12345 limits per category in working days';
COMMENT ON COLUMN hotline_category_limits.category IS '诉求类型代码 Category code';
COMMENT ON COLUMN hotline_category_limits.label IS '诉求类型名称 Category label';
COMMENT ON COLUMN hotline_category_limits.days IS '办理时限（工作日）Limit in working days';
COMMENT ON COLUMN hotline_category_limits.updated_by IS '最后修改人 Last changed by';
COMMENT ON COLUMN hotline_category_limits.updated_at IS '最后修改时间 Last changed at';

CREATE SEQUENCE work_order_no_seq;
COMMENT ON SEQUENCE work_order_no_seq IS '工单编号流水 Work-order number sequence';

CREATE TABLE work_orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_no text NOT NULL UNIQUE,
  source text NOT NULL REFERENCES work_order_rules(source),
  status text NOT NULL CHECK (status IN ('pending_dispatch', 'pending_sign', 'verifying', 'rectifying', 'explaining', 'callback', 'appealing', 'closed')),
  agency_id text,
  title text NOT NULL,
  content text NOT NULL,
  category text,
  ticket_no text UNIQUE,
  called_at timestamptz,
  rating_id uuid,
  rating_level smallint,
  case_id text,
  case_no text,
  item_name text,
  place text,
  contact_name text,
  contact_phone text,
  real_name boolean NOT NULL DEFAULT false,
  indicator_key text,
  stage_seq int NOT NULL DEFAULT 1,
  stage_started_at timestamptz NOT NULL DEFAULT now(),
  stage_due_at timestamptz,
  warned_at timestamptz,
  escalated_at timestamptz,
  contact_due_at timestamptz,
  contacted_at timestamptz,
  due_at timestamptz,
  finding text,
  resolution text,
  callback_outcome text CHECK (callback_outcome IN ('satisfied', 'basically_satisfied', 'unsatisfied')),
  callback_resolved boolean,
  callback_at timestamptz,
  reopen_count int NOT NULL DEFAULT 0,
  appeal_reason text,
  appeal_from_status text,
  appeal_decision text CHECK (appeal_decision IN ('upheld', 'rejected')),
  handler_user_id uuid,
  closed_at timestamptz,
  closed_on_time boolean,
  closure text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX work_orders_open ON work_orders (agency_id, status, stage_due_at) WHERE status <> 'closed';
CREATE INDEX work_orders_created ON work_orders (created_at, agency_id) INCLUDE (source, status, closure, real_name, closed_on_time, callback_at);
CREATE INDEX work_orders_open_due ON work_orders (stage_due_at) INCLUDE (agency_id) WHERE status <> 'closed';
CREATE INDEX work_orders_closed ON work_orders (closed_at) WHERE status = 'closed';
CREATE UNIQUE INDEX work_orders_rating ON work_orders (rating_id) WHERE rating_id IS NOT NULL;
COMMENT ON TABLE work_orders IS '工单（任务中枢）：差评、办不成事、12345、督办任务 Work orders';
COMMENT ON COLUMN work_orders.id IS '主键 Primary key';
COMMENT ON COLUMN work_orders.order_no IS '工单编号 Work-order number';
COMMENT ON COLUMN work_orders.source IS '来源（见 work_order_rules）Source';
COMMENT ON COLUMN work_orders.status IS '状态：pending_dispatch 待派单 / pending_sign 待签收 / verifying 核实 / rectifying 整改 / explaining 解释说明 / callback 回访 / appealing 申诉复核 / closed 办结 Status';
COMMENT ON COLUMN work_orders.agency_id IS '承办单位 Handling agency';
COMMENT ON COLUMN work_orders.title IS '标题 Title';
COMMENT ON COLUMN work_orders.content IS '诉求内容 What the person reported';
COMMENT ON COLUMN work_orders.category IS '12345诉求类型（见 hotline_category_limits）12345 category';
COMMENT ON COLUMN work_orders.ticket_no IS '12345工单编号（导入时按此更新）12345 ticket number';
COMMENT ON COLUMN work_orders.called_at IS '来电/受理时间 Call time';
COMMENT ON COLUMN work_orders.rating_id IS '来源差评 Rating that opened the order';
COMMENT ON COLUMN work_orders.rating_level IS '来源差评等级 Level of that rating';
COMMENT ON COLUMN work_orders.case_id IS '关联办件ID Case id';
COMMENT ON COLUMN work_orders.case_no IS '关联办件编号 Case number';
COMMENT ON COLUMN work_orders.item_name IS '事项名称 Item name';
COMMENT ON COLUMN work_orders.place IS '办事地点 Place';
COMMENT ON COLUMN work_orders.contact_name IS '诉求人姓名（仅承办人可查看原文）Contact name';
COMMENT ON COLUMN work_orders.contact_phone IS '诉求人电话（仅承办人经审计查看原文）Contact phone';
COMMENT ON COLUMN work_orders.real_name IS '是否实名 Real-name';
COMMENT ON COLUMN work_orders.indicator_key IS '由指标派生的督办任务所对应的指标 Indicator a task was derived from';
COMMENT ON COLUMN work_orders.stage_seq IS '阶段序号（每次进入新阶段加一，用于定时任务去重）Stage sequence';
COMMENT ON COLUMN work_orders.stage_started_at IS '当前阶段开始时间 Stage started at';
COMMENT ON COLUMN work_orders.stage_due_at IS '当前阶段截止时间 Stage due at';
COMMENT ON COLUMN work_orders.warned_at IS '当前阶段已预警时间 When the current stage was warned';
COMMENT ON COLUMN work_orders.escalated_at IS '当前阶段超期上报督查时间 When the current stage was escalated';
COMMENT ON COLUMN work_orders.contact_due_at IS '先行联系截止时间 First-contact deadline';
COMMENT ON COLUMN work_orders.contacted_at IS '先行联系时间 First contacted at';
COMMENT ON COLUMN work_orders.due_at IS '整体办结期限 Overall due date';
COMMENT ON COLUMN work_orders.finding IS '核实情况 Verification finding';
COMMENT ON COLUMN work_orders.resolution IS '整改或解释说明内容 Rectification or explanation';
COMMENT ON COLUMN work_orders.callback_outcome IS '回访满意度：satisfied 满意 / basically_satisfied 基本满意 / unsatisfied 不满意 Callback outcome';
COMMENT ON COLUMN work_orders.callback_resolved IS '回访时诉求是否解决 Resolved per callback';
COMMENT ON COLUMN work_orders.callback_at IS '回访时间 Callback at';
COMMENT ON COLUMN work_orders.reopen_count IS '重办次数 Times reopened';
COMMENT ON COLUMN work_orders.appeal_reason IS '申诉理由（恶意、不实评价）Appeal reason';
COMMENT ON COLUMN work_orders.appeal_from_status IS '申诉前状态 Status before the appeal';
COMMENT ON COLUMN work_orders.appeal_decision IS '申诉复核结论：upheld 成立 / rejected 驳回 Appeal decision';
COMMENT ON COLUMN work_orders.handler_user_id IS '签收人 Who signed for the order';
COMMENT ON COLUMN work_orders.closed_at IS '办结时间 Closed at';
COMMENT ON COLUMN work_orders.closed_on_time IS '是否按期办结 Closed by the due date';
COMMENT ON COLUMN work_orders.closure IS '办结方式：resolved 办结 / appeal_upheld 申诉成立 Closure kind';
COMMENT ON COLUMN work_orders.created_by IS '创建人（自动生成为空）Creator, null when automatic';
COMMENT ON COLUMN work_orders.created_at IS '创建时间 Created at';
COMMENT ON COLUMN work_orders.updated_at IS '更新时间 Updated at';

CREATE TABLE work_order_steps (
  id bigserial PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES work_orders(id),
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  actor_id uuid,
  actor_name text NOT NULL,
  note text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX work_order_steps_order ON work_order_steps (order_id, id);
COMMENT ON TABLE work_order_steps IS '工单流转记录 Work-order history';
COMMENT ON COLUMN work_order_steps.id IS '主键 Primary key';
COMMENT ON COLUMN work_order_steps.order_id IS '工单 Work order';
COMMENT ON COLUMN work_order_steps.action IS '动作：create/dispatch/sign/verify/contact/finish/callback/appeal/decide/return/close Action';
COMMENT ON COLUMN work_order_steps.from_status IS '原状态 Status before';
COMMENT ON COLUMN work_order_steps.to_status IS '新状态 Status after';
COMMENT ON COLUMN work_order_steps.actor_id IS '操作人 Actor';
COMMENT ON COLUMN work_order_steps.actor_name IS '操作人名称 Actor name';
COMMENT ON COLUMN work_order_steps.note IS '说明 Note';
COMMENT ON COLUMN work_order_steps.at IS '时间 When';

CREATE TABLE work_order_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  file_name text NOT NULL,
  format text NOT NULL CHECK (format IN ('csv', 'json')),
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
  total int NOT NULL,
  valid int NOT NULL,
  processed int NOT NULL DEFAULT 0,
  inserted int NOT NULL DEFAULT 0,
  updated int NOT NULL DEFAULT 0,
  errors jsonb NOT NULL DEFAULT '[]',
  error_count int NOT NULL DEFAULT 0,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
COMMENT ON TABLE work_order_imports IS '12345工单批量导入批次 12345 ticket import batches';
COMMENT ON COLUMN work_order_imports.id IS '主键 Primary key';
COMMENT ON COLUMN work_order_imports.file_name IS '文件名 File name';
COMMENT ON COLUMN work_order_imports.format IS '格式 csv/json Format';
COMMENT ON COLUMN work_order_imports.status IS '状态：running 导入中 / done 完成 / failed 失败 Status';
COMMENT ON COLUMN work_order_imports.total IS '数据行数 Rows in the file';
COMMENT ON COLUMN work_order_imports.valid IS '校验通过行数 Valid rows';
COMMENT ON COLUMN work_order_imports.processed IS '已处理行数（进度）Rows processed so far';
COMMENT ON COLUMN work_order_imports.inserted IS '新增工单数 Orders created';
COMMENT ON COLUMN work_order_imports.updated IS '更新工单数（同一工单编号）Orders updated';
COMMENT ON COLUMN work_order_imports.errors IS '行级错误（最多保存1000条）Row-level errors, first 1000';
COMMENT ON COLUMN work_order_imports.error_count IS '错误行数 Rows with errors';
COMMENT ON COLUMN work_order_imports.created_by IS '导入人 Imported by';
COMMENT ON COLUMN work_order_imports.created_at IS '开始时间 Started at';
COMMENT ON COLUMN work_order_imports.finished_at IS '完成时间 Finished at';

CREATE TABLE work_order_import_chunks (
  import_id uuid NOT NULL REFERENCES work_order_imports(id),
  seq int NOT NULL,
  rows jsonb NOT NULL,
  done boolean NOT NULL DEFAULT false,
  PRIMARY KEY (import_id, seq)
);
COMMENT ON TABLE work_order_import_chunks IS '待写入的已校验导入行（分块，便于断点续导）Validated import rows waiting to be written, in chunks';
COMMENT ON COLUMN work_order_import_chunks.import_id IS '导入批次 Import batch';
COMMENT ON COLUMN work_order_import_chunks.seq IS '块序号 Chunk number';
COMMENT ON COLUMN work_order_import_chunks.rows IS '已校验的行 Validated rows';
COMMENT ON COLUMN work_order_import_chunks.done IS '是否已写入 Written';
