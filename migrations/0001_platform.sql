-- Platform tables: audit trail (tamper-evident, SM3 chained) and the job queue (outbox, timers, retries).

CREATE TABLE audit_events (
  id bigserial PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_id text,
  actor_name text NOT NULL,
  acting_for_id text,
  action text NOT NULL,
  target_type text NOT NULL,
  target_id text,
  agency_id text,
  detail jsonb NOT NULL DEFAULT '{}',
  ip text,
  seq bigint UNIQUE,
  prev_hash text,
  hash text
);
CREATE INDEX audit_events_target ON audit_events (target_type, target_id);
CREATE INDEX audit_events_unsealed ON audit_events (id) WHERE seq IS NULL;
COMMENT ON TABLE audit_events IS '审计日志：每次写操作一条，按 seq 以 SM3 哈希链接，防篡改 Audit trail of every write, SM3 hash-chained';
COMMENT ON COLUMN audit_events.id IS '主键（写入顺序）Primary key';
COMMENT ON COLUMN audit_events.occurred_at IS '发生时间 When the act happened';
COMMENT ON COLUMN audit_events.actor_id IS '操作人用户ID（系统任务为空）Acting user id, null for system jobs';
COMMENT ON COLUMN audit_events.actor_name IS '操作人名称（已脱敏）Actor display name, masked';
COMMENT ON COLUMN audit_events.acting_for_id IS '代办对象（企业或被代理人）ID Who the actor acted for (授权代办)';
COMMENT ON COLUMN audit_events.action IS '动作代码，如 case.accept Action code';
COMMENT ON COLUMN audit_events.target_type IS '对象类型，如 case Target type';
COMMENT ON COLUMN audit_events.target_id IS '对象ID Target id';
COMMENT ON COLUMN audit_events.agency_id IS '所属机构 Agency the target belongs to';
COMMENT ON COLUMN audit_events.detail IS '变更详情（个人信息已脱敏）Detail, personal data masked';
COMMENT ON COLUMN audit_events.ip IS '来源IP Client IP';
COMMENT ON COLUMN audit_events.seq IS '链序号，封存时分配 Chain sequence, assigned when sealed';
COMMENT ON COLUMN audit_events.prev_hash IS '前一条记录的哈希 Hash of the previous sealed record';
COMMENT ON COLUMN audit_events.hash IS '本条 SM3 哈希 = SM3(prev_hash || 规范化内容) SM3 over previous hash and canonical content';

CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  queue text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  run_at timestamptz NOT NULL DEFAULT now(),
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'done', 'failed', 'cancelled')),
  attempts int NOT NULL DEFAULT 0,
  max_attempts int NOT NULL DEFAULT 8,
  dedupe_key text,
  locked_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX jobs_due ON jobs (run_at) WHERE state IN ('pending', 'running');
CREATE UNIQUE INDEX jobs_dedupe ON jobs (queue, dedupe_key) WHERE dedupe_key IS NOT NULL AND state IN ('pending', 'running');
COMMENT ON TABLE jobs IS '后台任务队列：事务性发件箱、定时器与重试 Background job queue: outbox, timers, retries';
COMMENT ON COLUMN jobs.id IS '主键 Primary key';
COMMENT ON COLUMN jobs.queue IS '任务类型（处理器名）Job kind (handler name)';
COMMENT ON COLUMN jobs.payload IS '任务参数 Job payload';
COMMENT ON COLUMN jobs.run_at IS '最早执行时间（定时器到期时间）Earliest run time';
COMMENT ON COLUMN jobs.state IS '状态：pending/running/done/failed/cancelled State';
COMMENT ON COLUMN jobs.attempts IS '已尝试次数 Attempts so far';
COMMENT ON COLUMN jobs.max_attempts IS '最多尝试次数 Attempts before failing for good';
COMMENT ON COLUMN jobs.dedupe_key IS '去重键：同一队列中未完成任务唯一 Unique among unfinished jobs of the queue';
COMMENT ON COLUMN jobs.locked_until IS '执行租约到期时间，进程崩溃后到期可被重新领取 Lease; expired leases are picked up again';
COMMENT ON COLUMN jobs.last_error IS '最近一次错误 Last error';
COMMENT ON COLUMN jobs.created_at IS '创建时间 Created at';
COMMENT ON COLUMN jobs.finished_at IS '完成时间 Finished at';

CREATE TABLE idempotency_keys (
  scope text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);
COMMENT ON TABLE idempotency_keys IS '幂等键：重复提交返回同一结果 Idempotency keys: a repeat returns the first result';
COMMENT ON COLUMN idempotency_keys.scope IS '作用域（操作+用户）Scope (operation and user)';
COMMENT ON COLUMN idempotency_keys.key IS '客户端提供的幂等键 Client-supplied key';
COMMENT ON COLUMN idempotency_keys.request_hash IS '请求内容摘要，防止同键不同内容 Request digest';
COMMENT ON COLUMN idempotency_keys.response IS '首次处理的结果 Result of the first request';
COMMENT ON COLUMN idempotency_keys.created_at IS '创建时间 Created at';
