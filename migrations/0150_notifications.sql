-- Notifications (统一消息, M21 first slice): templates, one message row per channel (in-app inbox or SMS) with its
-- delivery status, and each user's choice to turn off non-essential messages.

CREATE TABLE message_templates (
  key text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('inbox', 'sms')),
  category text NOT NULL CHECK (category IN ('account', 'case', 'deadline', 'rating', 'workorder')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 60),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 500),
  variables text[] NOT NULL DEFAULT '{}',
  essential boolean NOT NULL DEFAULT false,
  description text NOT NULL,
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (key, channel)
);
COMMENT ON TABLE message_templates IS '消息模板：每个消息类型在每个渠道的标题与正文 Message templates per kind and channel';
COMMENT ON COLUMN message_templates.key IS '模板键，如 case.accepted Template key';
COMMENT ON COLUMN message_templates.channel IS '渠道：inbox 站内信 / sms 短信 Channel';
COMMENT ON COLUMN message_templates.category IS '类别（用户可按类别退订非必要消息）：account/case/deadline/rating/workorder Category';
COMMENT ON COLUMN message_templates.title IS '标题（站内信显示；短信不发送标题）Title';
COMMENT ON COLUMN message_templates.body IS '正文，{{变量}} 为占位符 Body with {{var}} placeholders';
COMMENT ON COLUMN message_templates.variables IS '允许使用的变量名 Variables the body may use';
COMMENT ON COLUMN message_templates.essential IS '必要消息（验证码、补正告知、办理结果等），不可退订 Essential: always sent';
COMMENT ON COLUMN message_templates.description IS '用途说明（何时发送、发给谁）What it is for';
COMMENT ON COLUMN message_templates.updated_by IS '最后修改人 Last edited by';
COMMENT ON COLUMN message_templates.updated_at IS '最后修改时间 Last updated at';

CREATE TABLE messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  template_key text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('inbox', 'sms')),
  category text NOT NULL,
  essential boolean NOT NULL,
  user_id uuid REFERENCES users(id),
  phone varchar(20),
  title text NOT NULL,
  body text NOT NULL,
  link text,
  status text NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'skipped')),
  attempts int NOT NULL DEFAULT 0,
  last_error text,
  provider text,
  provider_message_id text,
  dedupe_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_attempt_at timestamptz,
  sent_at timestamptz,
  read_at timestamptz,
  CHECK (channel <> 'inbox' OR user_id IS NOT NULL)
);
CREATE INDEX messages_inbox ON messages (user_id, created_at DESC) WHERE channel = 'inbox' AND status = 'sent';
CREATE INDEX messages_unread ON messages (user_id) WHERE channel = 'inbox' AND status = 'sent' AND read_at IS NULL;
CREATE INDEX messages_sms_rate ON messages (phone, last_attempt_at) WHERE channel = 'sms';
CREATE INDEX messages_log ON messages (created_at DESC);
CREATE UNIQUE INDEX messages_dedupe ON messages (dedupe_key, channel) WHERE dedupe_key IS NOT NULL;
COMMENT ON TABLE messages IS '消息：每条消息每个渠道一行，含投递状态（站内信即收件箱）Messages, one row per channel, with delivery status';
COMMENT ON COLUMN messages.id IS '主键 Primary key';
COMMENT ON COLUMN messages.template_key IS '所用模板 Template used';
COMMENT ON COLUMN messages.channel IS '渠道：inbox 站内信 / sms 短信 Channel';
COMMENT ON COLUMN messages.category IS '类别 Category';
COMMENT ON COLUMN messages.essential IS '是否必要消息（不受退订影响）Essential';
COMMENT ON COLUMN messages.user_id IS '接收人账号（站内信必填）Recipient account';
COMMENT ON COLUMN messages.phone IS '接收手机号（短信；未指定时投递时取账号手机号）Recipient phone';
COMMENT ON COLUMN messages.title IS '渲染后的标题 Rendered title';
COMMENT ON COLUMN messages.body IS '渲染后的正文 Rendered body';
COMMENT ON COLUMN messages.link IS '站内链接，如办件详情页 In-app link';
COMMENT ON COLUMN messages.status IS '状态：queued 待发送 / sent 已发送 / failed 发送失败 / skipped 未发送（已退订、超频或无手机号）Status';
COMMENT ON COLUMN messages.attempts IS '已尝试发送次数 Delivery attempts';
COMMENT ON COLUMN messages.last_error IS '最近一次失败或跳过的原因 Last error or reason skipped';
COMMENT ON COLUMN messages.provider IS '短信服务商 SMS provider used';
COMMENT ON COLUMN messages.provider_message_id IS '服务商返回的消息编号 Provider message id';
COMMENT ON COLUMN messages.dedupe_key IS '去重键：同一键同一渠道只发一次 Dedupe key';
COMMENT ON COLUMN messages.created_at IS '创建时间 Created at';
COMMENT ON COLUMN messages.last_attempt_at IS '最近一次尝试时间（用于频次限制）Last attempt at, used by the rate limit';
COMMENT ON COLUMN messages.sent_at IS '发送成功时间 Sent at';
COMMENT ON COLUMN messages.read_at IS '站内信阅读时间 Read at (inbox)';

CREATE TABLE notification_preferences (
  user_id uuid PRIMARY KEY REFERENCES users(id),
  muted_channels text[] NOT NULL DEFAULT '{}',
  muted_categories text[] NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE notification_preferences IS '用户消息订阅设置（仅影响非必要消息）Users'' choices to turn off non-essential messages';
COMMENT ON COLUMN notification_preferences.user_id IS '用户账号 User';
COMMENT ON COLUMN notification_preferences.muted_channels IS '关闭的渠道（inbox/sms）Channels turned off';
COMMENT ON COLUMN notification_preferences.muted_categories IS '关闭的类别 Categories turned off';
COMMENT ON COLUMN notification_preferences.updated_at IS '最后修改时间 Last updated at';

INSERT INTO message_templates (key, channel, category, title, body, variables, essential, description) VALUES
('identity.otp', 'sms', 'account', '登录验证码', '您的验证码为{{code}}，{{minutes}}分钟内有效。工作人员不会向您索取验证码，请勿泄露。', '{code,minutes}', true, '手机验证码登录，发给申请人'),
('case.submitted', 'inbox', 'case', '申请已提交', '您申请的“{{itemName}}”已提交，办件编号{{caseNo}}。我们将尽快受理，请留意办理进度。', '{caseNo,itemName,deadline,reason,notice,dueAt,outcome,nodeName,message}', false, '申请提交后发给申请人'),
('case.submitted', 'sms', 'case', '申请已提交', '您申请的“{{itemName}}”已提交，办件编号{{caseNo}}，请留意办理进度。', '{caseNo,itemName,deadline,reason,notice,dueAt,outcome,nodeName,message}', false, '申请提交后发给申请人'),
('case.accepted', 'inbox', 'case', '申请已受理', '您申请的“{{itemName}}”（办件编号{{caseNo}}）已受理，承诺于{{deadline}}前办结。', '{caseNo,itemName,deadline,reason,notice,dueAt,outcome,nodeName,message}', false, '受理后发给申请人'),
('case.accepted', 'sms', 'case', '申请已受理', '您申请的“{{itemName}}”（办件编号{{caseNo}}）已受理，承诺于{{deadline}}前办结。', '{caseNo,itemName,deadline,reason,notice,dueAt,outcome,nodeName,message}', false, '受理后发给申请人'),
('case.not_accepted', 'inbox', 'case', '申请不予受理', '您申请的“{{itemName}}”（办件编号{{caseNo}}）不予受理，原因：{{reason}}。如有疑问请咨询办理部门。', '{caseNo,itemName,deadline,reason,notice,dueAt,outcome,nodeName,message}', true, '不予受理决定，发给申请人（办理结果）'),
('case.not_accepted', 'sms', 'case', '申请不予受理', '您申请的“{{itemName}}”（办件编号{{caseNo}}）不予受理，原因：{{reason}}。', '{caseNo,itemName,deadline,reason,notice,dueAt,outcome,nodeName,message}', true, '不予受理决定，发给申请人（办理结果）'),
('case.corrections_requested', 'inbox', 'case', '补正告知', '您申请的“{{itemName}}”（办件编号{{caseNo}}）需补正：{{notice}}。请于{{dueAt}}前补正，逾期未补正的将终止办理。', '{caseNo,itemName,deadline,reason,notice,dueAt,outcome,nodeName,message}', true, '一次性补正告知，发给申请人'),
('case.corrections_requested', 'sms', 'case', '补正告知', '您申请的“{{itemName}}”（办件编号{{caseNo}}）需补正材料，请于{{dueAt}}前登录一网通办查看补正告知并补正。', '{caseNo,itemName,deadline,reason,notice,dueAt,outcome,nodeName,message}', true, '一次性补正告知，发给申请人'),
('case.resubmitted', 'inbox', 'case', '申请人已补正', '办件{{caseNo}}“{{itemName}}”的申请人已补正并重新提交，请继续办理。', '{caseNo,itemName,deadline,reason,notice,dueAt,outcome,nodeName,message}', false, '申请人补正后发给提出补正的工作人员'),
('case.correction_timeout', 'inbox', 'case', '补正超期，办理终止', '您申请的“{{itemName}}”（办件编号{{caseNo}}）未在规定期限内补正，已按规定终止办理。如仍需办理，请重新申请。', '{caseNo,itemName,deadline,reason,notice,dueAt,outcome,nodeName,message}', true, '补正超时终止，发给申请人（办理结果）'),
('case.correction_timeout', 'sms', 'case', '补正超期，办理终止', '您申请的“{{itemName}}”（办件编号{{caseNo}}）未按期补正，已终止办理，如需办理请重新申请。', '{caseNo,itemName,deadline,reason,notice,dueAt,outcome,nodeName,message}', true, '补正超时终止，发给申请人（办理结果）'),
('case.completed', 'inbox', 'case', '办件已办结', '您申请的“{{itemName}}”（办件编号{{caseNo}}）已办结，办理结果：{{outcome}}。', '{caseNo,itemName,deadline,reason,notice,dueAt,outcome,nodeName,message}', true, '办结后发给申请人（办理结果）'),
('case.completed', 'sms', 'case', '办件已办结', '您申请的“{{itemName}}”（办件编号{{caseNo}}）已办结，办理结果：{{outcome}}，请登录一网通办查看。', '{caseNo,itemName,deadline,reason,notice,dueAt,outcome,nodeName,message}', true, '办结后发给申请人（办理结果）'),
('case.task_assigned', 'inbox', 'deadline', '新的待办', '您有新的待办：办件{{caseNo}}（{{nodeName}}），请及时签收办理。', '{caseNo,itemName,deadline,reason,notice,dueAt,outcome,nodeName,message}', false, '办件流转到人时发给经办人'),
('case.deadline_warning', 'inbox', 'deadline', '办件即将到期（黄灯）', '办件{{caseNo}}“{{itemName}}”将于{{deadline}}到期，请抓紧办理。', '{caseNo,itemName,deadline,reason,notice,dueAt,outcome,nodeName,message}', false, '时限黄灯预警，发给经办人'),
('case.deadline_warning', 'sms', 'deadline', '办件即将到期（黄灯）', '办件{{caseNo}}“{{itemName}}”将于{{deadline}}到期，请抓紧办理。', '{caseNo,itemName,deadline,reason,notice,dueAt,outcome,nodeName,message}', false, '时限黄灯预警，发给经办人'),
('case.overdue', 'inbox', 'deadline', '办件已超期（红灯）', '办件{{caseNo}}“{{itemName}}”已超过办理时限（{{deadline}}），请立即办理并说明超期原因。', '{caseNo,itemName,deadline,reason,notice,dueAt,outcome,nodeName,message}', true, '时限红灯（超期）告警，发给经办人'),
('case.overdue', 'sms', 'deadline', '办件已超期（红灯）', '办件{{caseNo}}“{{itemName}}”已超期（时限{{deadline}}），请立即办理。', '{caseNo,itemName,deadline,reason,notice,dueAt,outcome,nodeName,message}', true, '时限红灯（超期）告警，发给经办人'),
('case.urged', 'inbox', 'deadline', '催办提醒', '办件{{caseNo}}“{{itemName}}”已被催办，请尽快处理。{{message}}', '{caseNo,itemName,deadline,reason,notice,dueAt,outcome,nodeName,message}', false, '催办，发给当前经办人'),
('case.urged', 'sms', 'deadline', '催办提醒', '办件{{caseNo}}“{{itemName}}”已被催办，请尽快处理。', '{caseNo,itemName,deadline,reason,notice,dueAt,outcome,nodeName,message}', false, '催办，发给当前经办人'),
('rating.invitation', 'inbox', 'rating', '邀请您评价', '感谢您办理“{{itemName}}”，欢迎对本次服务作出评价，您的意见是我们改进工作的依据。', '{itemName,caseNo,url}', false, '好差评评价邀请（一事一评、一次一评），发给申请人'),
('rating.invitation', 'sms', 'rating', '邀请您评价', '感谢您办理“{{itemName}}”，欢迎对本次服务评价：{{url}}', '{itemName,caseNo,url}', false, '好差评评价邀请（一事一评、一次一评），发给申请人'),
('workorder.assigned', 'inbox', 'workorder', '新工单待签收', '您单位有新的{{source}}工单{{orderNo}}待签收：{{subject}}。请于{{dueDate}}前处理。', '{orderNo,subject,stage,dueDate,agencyName,source,outcome}', false, '工单派发，发给承办单位人员'),
('workorder.assigned', 'sms', 'workorder', '新工单待签收', '您单位有新的{{source}}工单{{orderNo}}待签收，请于{{dueDate}}前处理。', '{orderNo,subject,stage,dueDate,agencyName,source,outcome}', false, '工单派发，发给承办单位人员'),
('workorder.deadline_warning', 'inbox', 'workorder', '工单即将到期', '工单{{orderNo}}“{{subject}}”（{{stage}}）将于{{dueDate}}到期，请抓紧处理。', '{orderNo,subject,stage,dueDate,agencyName,source,outcome}', false, '工单时限预警，发给承办人'),
('workorder.deadline_warning', 'sms', 'workorder', '工单即将到期', '工单{{orderNo}}将于{{dueDate}}到期，请抓紧处理。', '{orderNo,subject,stage,dueDate,agencyName,source,outcome}', false, '工单时限预警，发给承办人'),
('workorder.escalated', 'inbox', 'workorder', '工单逾期升级', '工单{{orderNo}}“{{subject}}”（{{stage}}）已逾期，已升级督办，请关注。', '{orderNo,subject,stage,dueDate,agencyName,source,outcome}', true, '工单逾期升级，发给督查人员'),
('workorder.escalated', 'sms', 'workorder', '工单逾期升级', '工单{{orderNo}}已逾期，已升级督办，请关注。', '{orderNo,subject,stage,dueDate,agencyName,source,outcome}', true, '工单逾期升级，发给督查人员'),
('workorder.callback', 'inbox', 'workorder', '诉求办理结果', '您反映的“{{subject}}”（工单编号{{orderNo}}）已办理：{{outcome}}。工作人员将与您电话回访，如有意见可致电12345。', '{orderNo,subject,stage,dueDate,agencyName,source,outcome}', false, '工单办理完毕、回访前发给反映人'),
('workorder.callback', 'sms', 'workorder', '诉求办理结果', '您反映的问题（工单编号{{orderNo}}）已办理完毕，工作人员将与您电话回访，请保持电话畅通。', '{orderNo,subject,stage,dueDate,agencyName,source,outcome}', false, '工单办理完毕、回访前发给反映人');
