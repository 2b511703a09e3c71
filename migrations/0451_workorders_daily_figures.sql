-- Daily figures of the work orders (工单日汇总) for the indicators, and storage settings for the 12345 import.
-- The summary is kept exact by statement-level triggers: every INSERT / UPDATE / DELETE on work_orders adds its
-- signed delta per (Shanghai day of creation, agency, source, current status, appeal upheld) in the same
-- transaction; a 12345 chunk of thousands of tickets costs one grouped upsert, and an update that changes no figure
-- (warned_at, contacted_at, …) touches nothing. Rows whose counts went back to 0 are kept; the queries skip them.

CREATE TABLE work_order_daily_figures (
  day date NOT NULL,
  agency_id text,
  source text NOT NULL,
  status text NOT NULL,
  appeal_upheld boolean NOT NULL,
  orders int NOT NULL DEFAULT 0,
  resolved int NOT NULL DEFAULT 0,
  resolved_on_time int NOT NULL DEFAULT 0,
  real_name int NOT NULL DEFAULT 0,
  real_name_called_back int NOT NULL DEFAULT 0,
  CONSTRAINT work_order_daily_figures_key UNIQUE NULLS NOT DISTINCT (day, agency_id, source, status, appeal_upheld)
);
COMMENT ON TABLE work_order_daily_figures IS '工单日汇总（按创建日、承办单位、来源、当前状态；由触发器在同一事务中维护）Work orders per Shanghai day of creation, agency, source and current status, kept by triggers';
COMMENT ON COLUMN work_order_daily_figures.day IS '工单创建日（上海时间）Shanghai day the orders were opened';
COMMENT ON COLUMN work_order_daily_figures.agency_id IS '承办单位（待派单为空）Handling agency, null while waiting for dispatch';
COMMENT ON COLUMN work_order_daily_figures.source IS '来源 Source';
COMMENT ON COLUMN work_order_daily_figures.status IS '当前状态 Current status';
COMMENT ON COLUMN work_order_daily_figures.appeal_upheld IS '是否申诉复核成立而办结 Closed because an appeal was upheld';
COMMENT ON COLUMN work_order_daily_figures.orders IS '工单数 Orders';
COMMENT ON COLUMN work_order_daily_figures.resolved IS '整改或解释说明后办结的工单数 Orders closed as resolved';
COMMENT ON COLUMN work_order_daily_figures.resolved_on_time IS '其中按期办结数 Of which closed by their due date';
COMMENT ON COLUMN work_order_daily_figures.real_name IS '实名工单数 Real-name orders';
COMMENT ON COLUMN work_order_daily_figures.real_name_called_back IS '实名且已记录回访结果的工单数 Real-name orders with a callback recorded';

CREATE FUNCTION work_orders_sync_daily_figures() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  -- The rows of the statement with a sign: +1 for new rows, -1 for old ones (an update is both).
  signed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT n.*, 1 AS sign FROM new_rows n'
    WHEN 'DELETE' THEN 'SELECT o.*, -1 AS sign FROM old_rows o'
    ELSE 'SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o' END;
BEGIN
  -- ORDER BY the key: concurrent transactions lock summary rows in the same order, so they cannot deadlock.
  EXECUTE format($q$
    INSERT INTO work_order_daily_figures AS f (day, agency_id, source, status, appeal_upheld, orders, resolved, resolved_on_time, real_name, real_name_called_back)
    SELECT (created_at AT TIME ZONE 'Asia/Shanghai')::date, agency_id, source, status, closure IS NOT DISTINCT FROM 'appeal_upheld',
      sum(sign), sum(CASE WHEN closure = 'resolved' THEN sign ELSE 0 END),
      sum(CASE WHEN closure = 'resolved' AND closed_on_time THEN sign ELSE 0 END),
      sum(CASE WHEN real_name THEN sign ELSE 0 END), sum(CASE WHEN real_name AND callback_at IS NOT NULL THEN sign ELSE 0 END)
    FROM (%s) s GROUP BY 1, 2, 3, 4, 5
    HAVING sum(sign) <> 0 OR sum(CASE WHEN closure = 'resolved' THEN sign ELSE 0 END) <> 0
      OR sum(CASE WHEN closure = 'resolved' AND closed_on_time THEN sign ELSE 0 END) <> 0
      OR sum(CASE WHEN real_name THEN sign ELSE 0 END) <> 0 OR sum(CASE WHEN real_name AND callback_at IS NOT NULL THEN sign ELSE 0 END) <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT work_order_daily_figures_key DO UPDATE SET orders = f.orders + excluded.orders,
      resolved = f.resolved + excluded.resolved, resolved_on_time = f.resolved_on_time + excluded.resolved_on_time,
      real_name = f.real_name + excluded.real_name, real_name_called_back = f.real_name_called_back + excluded.real_name_called_back$q$, signed);
  RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION work_orders_sync_daily_figures() IS '工单变更时同步工单日汇总 Keeps the daily work-order figures in step with work_orders';

CREATE TRIGGER work_orders_figures_insert AFTER INSERT ON work_orders REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION work_orders_sync_daily_figures();
CREATE TRIGGER work_orders_figures_update AFTER UPDATE ON work_orders REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION work_orders_sync_daily_figures();
CREATE TRIGGER work_orders_figures_delete AFTER DELETE ON work_orders REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION work_orders_sync_daily_figures();

INSERT INTO work_order_daily_figures (day, agency_id, source, status, appeal_upheld, orders, resolved, resolved_on_time, real_name, real_name_called_back)
SELECT (created_at AT TIME ZONE 'Asia/Shanghai')::date, agency_id, source, status, closure IS NOT DISTINCT FROM 'appeal_upheld', count(*),
  count(*) FILTER (WHERE closure = 'resolved'), count(*) FILTER (WHERE closure = 'resolved' AND closed_on_time),
  count(*) FILTER (WHERE real_name), count(*) FILTER (WHERE real_name AND callback_at IS NOT NULL)
FROM work_orders GROUP BY 1, 2, 3, 4, 5;

-- 超期工单's "closed late in the range": only late closures are indexed, and the index covers the agency.
CREATE INDEX work_orders_closed_late ON work_orders (closed_at, agency_id) WHERE status = 'closed' AND closed_on_time = false;

-- Import chunks are written once, read once and emptied: compressing them costs more than it saves.
ALTER TABLE work_order_import_chunks ALTER COLUMN rows SET STORAGE EXTERNAL;

-- The source of an order is one of the five fixed rule rows: a CHECK enforces the same set without a per-row
-- foreign-key trigger, which cost about an eighth of a 12345 import.
ALTER TABLE work_orders DROP CONSTRAINT work_orders_source_fkey,
  ADD CONSTRAINT work_orders_source_check CHECK (source IN ('bad_rating', 'suggestion', 'cannot_get_done', 'hotline', 'manual'));
