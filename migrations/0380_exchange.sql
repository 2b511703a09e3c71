-- Exchange (数据交换): case records in the national exchange shape (GB/T 39046 tables 5–8) pushed to the city's
-- unified acceptance platform (统一受理平台), with the times and acknowledgements the city's quality checks use.

CREATE TABLE exchange_records (
  id bigserial PRIMARY KEY,
  source_key text NOT NULL UNIQUE,
  source_event text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('apply', 'accept', 'step', 'special', 'finish')),
  case_id text NOT NULL,
  case_no text NOT NULL,
  agency_id text,
  handling_code varchar(50),
  seq int,
  step_code text NOT NULL,
  business_time timestamptz NOT NULL,
  business_time_inferred boolean NOT NULL DEFAULT false,
  body jsonb NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'acked', 'rejected', 'failed')),
  attempts int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_attempt_at timestamptz,
  uploaded_at timestamptz,
  ack_code text,
  error_code text,
  error_message text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, seq)
);
CREATE INDEX exchange_records_due ON exchange_records (next_attempt_at) WHERE state IN ('pending', 'sending');
CREATE INDEX exchange_records_business_time ON exchange_records (business_time);
COMMENT ON TABLE exchange_records IS '推送至市统一受理平台的办件交换记录（受理/环节/特别程序/办结）Case records pushed to the city platform';
COMMENT ON COLUMN exchange_records.id IS '主键（推送记录号）Primary key, the record id sent to the city';
COMMENT ON COLUMN exchange_records.source_key IS '来源事件去重键（事件+办件+环节）Dedupe key of the source event';
COMMENT ON COLUMN exchange_records.source_event IS '来源领域事件名，如 case.accepted Source domain event';
COMMENT ON COLUMN exchange_records.kind IS '记录类型：apply 申报 / accept 受理 / step 环节 / special 特别程序 / finish 办结 Record kind';
COMMENT ON COLUMN exchange_records.case_id IS '办件标识 Case id';
COMMENT ON COLUMN exchange_records.case_no IS '办件编号（申办流水号）Case number';
COMMENT ON COLUMN exchange_records.agency_id IS '实施部门 Implementing agency';
COMMENT ON COLUMN exchange_records.handling_code IS '业务办理项编码（33位）Handling item code';
COMMENT ON COLUMN exchange_records.seq IS '本办件内的推送顺序号（环节序号），首次推送时分配 Order number within the case, given at the first push';
COMMENT ON COLUMN exchange_records.step_code IS '环节代码 Step code';
COMMENT ON COLUMN exchange_records.business_time IS '业务发生时间 When the business event happened';
COMMENT ON COLUMN exchange_records.business_time_inferred IS '事件未带业务时间、以接收时间代替 Business time missing from the event, receipt time used';
COMMENT ON COLUMN exchange_records.body IS '国家标准交换格式的记录内容（时间为 YYYYMMDDThhmmss）Record in the national exchange shape';
COMMENT ON COLUMN exchange_records.state IS '状态：pending 待推送 / sending 推送中 / acked 已确认 / rejected 被拒 / failed 重试耗尽 Push state';
COMMENT ON COLUMN exchange_records.attempts IS '推送次数 Push attempts';
COMMENT ON COLUMN exchange_records.next_attempt_at IS '下次推送时间（退避）Next attempt, after back-off';
COMMENT ON COLUMN exchange_records.last_attempt_at IS '最近一次推送时间 Last attempt at';
COMMENT ON COLUMN exchange_records.uploaded_at IS '上传时间（平台应答的那次推送）Upload time, of the attempt the platform answered';
COMMENT ON COLUMN exchange_records.ack_code IS '平台确认码 Acknowledgement code from the platform';
COMMENT ON COLUMN exchange_records.error_code IS '平台或网络错误码 Error code from the platform or network';
COMMENT ON COLUMN exchange_records.error_message IS '错误说明 Error message';
COMMENT ON COLUMN exchange_records.created_at IS '记录生成时间 Created at';
