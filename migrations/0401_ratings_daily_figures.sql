-- Daily figures of the ratings (好差评日汇总), so the indicators over a year read a few thousand summary rows instead
-- of every rating. Kept exact by statement-level triggers: every INSERT / UPDATE / DELETE on the ratings and the
-- invitations adds its signed per-day delta in the same transaction (one grouped upsert per statement, so a bulk
-- write costs one statement too, and an update that changes no figure — e.g. push_attempts — touches nothing).
-- Days are Shanghai days. Rows whose counts went back to 0 are kept (harmless; the queries skip them).

CREATE TABLE rating_daily_figures (
  day date NOT NULL,
  agency_id text,
  item_id text,
  item_name text,
  counted int NOT NULL DEFAULT 0,
  level_sum bigint NOT NULL DEFAULT 0,
  bad int NOT NULL DEFAULT 0,
  bad_real_name int NOT NULL DEFAULT 0,
  repeats int NOT NULL DEFAULT 0,
  CONSTRAINT rating_daily_figures_key UNIQUE NULLS NOT DISTINCT (day, agency_id, item_id, item_name)
);
COMMENT ON TABLE rating_daily_figures IS '评价日汇总（按评价日、单位、事项；由触发器在同一事务中维护）Ratings per Shanghai day of rating, agency and item, kept by triggers';
COMMENT ON COLUMN rating_daily_figures.day IS '评价日（上海时间）Shanghai day the ratings were given';
COMMENT ON COLUMN rating_daily_figures.agency_id IS '被评价单位 Agency rated';
COMMENT ON COLUMN rating_daily_figures.item_id IS '事项ID（到窗服务评价可为空）Item id, null for visits without a case';
COMMENT ON COLUMN rating_daily_figures.item_name IS '事项名称 Item name';
COMMENT ON COLUMN rating_daily_figures.counted IS '计入统计的评价数 Counted ratings';
COMMENT ON COLUMN rating_daily_figures.level_sum IS '计入统计的评价等级之和 Sum of the levels of counted ratings';
COMMENT ON COLUMN rating_daily_figures.bad IS '计入统计的差评数（申诉成立的除外）Counted bad ratings, appeals upheld excluded';
COMMENT ON COLUMN rating_daily_figures.bad_real_name IS '其中实名差评数 Of which real-name';
COMMENT ON COLUMN rating_daily_figures.repeats IS '不计入统计的重复评价数 Repeat ratings, not counted';

CREATE TABLE rating_case_daily_figures (
  day date NOT NULL,
  agency_id text,
  completed int NOT NULL DEFAULT 0,
  rated int NOT NULL DEFAULT 0,
  rated_pushed int NOT NULL DEFAULT 0,
  CONSTRAINT rating_case_daily_figures_key UNIQUE NULLS NOT DISTINCT (day, agency_id)
);
COMMENT ON TABLE rating_case_daily_figures IS '办件评价率日汇总（按办结日、单位；查询类事项除外；由触发器维护）Case rating coverage per Shanghai day of completion and agency, query items excluded';
COMMENT ON COLUMN rating_case_daily_figures.day IS '办结日（上海时间）Shanghai day the cases completed';
COMMENT ON COLUMN rating_case_daily_figures.agency_id IS '办理单位 Agency';
COMMENT ON COLUMN rating_case_daily_figures.completed IS '办结办件数（评价邀请数）Completed cases (case invitations)';
COMMENT ON COLUMN rating_case_daily_figures.rated IS '已有计入统计评价的办件数 Cases with their counted rating';
COMMENT ON COLUMN rating_case_daily_figures.rated_pushed IS '其中评价已被市好差评系统确认的办件数 Of which acknowledged by the city system';

CREATE FUNCTION ratings_sync_daily_figures() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  -- The rows of the statement with a sign: +1 for new rows, -1 for old ones (an update is both).
  signed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT n.*, 1 AS sign FROM new_rows n'
    WHEN 'DELETE' THEN 'SELECT o.*, -1 AS sign FROM old_rows o'
    ELSE 'SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o' END;
BEGIN
  -- ORDER BY the key: concurrent transactions lock summary rows in the same order, so they cannot deadlock.
  EXECUTE format($q$
    INSERT INTO rating_daily_figures AS f (day, agency_id, item_id, item_name, counted, level_sum, bad, bad_real_name, repeats)
    SELECT (rated_at AT TIME ZONE 'Asia/Shanghai')::date, agency_id, item_id, item_name,
      sum(CASE WHEN counted THEN sign ELSE 0 END), sum(CASE WHEN counted THEN sign * level ELSE 0 END),
      sum(CASE WHEN counted AND is_bad AND NOT appeal_upheld THEN sign ELSE 0 END),
      sum(CASE WHEN counted AND is_bad AND NOT appeal_upheld AND real_name THEN sign ELSE 0 END),
      sum(CASE WHEN counted THEN 0 ELSE sign END)
    FROM (%s) s GROUP BY 1, 2, 3, 4
    HAVING sum(CASE WHEN counted THEN sign ELSE 0 END) <> 0 OR sum(CASE WHEN counted THEN sign * level ELSE 0 END) <> 0
      OR sum(CASE WHEN counted AND is_bad AND NOT appeal_upheld THEN sign ELSE 0 END) <> 0
      OR sum(CASE WHEN counted AND is_bad AND NOT appeal_upheld AND real_name THEN sign ELSE 0 END) <> 0
      OR sum(CASE WHEN counted THEN 0 ELSE sign END) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT rating_daily_figures_key DO UPDATE SET counted = f.counted + excluded.counted,
      level_sum = f.level_sum + excluded.level_sum, bad = f.bad + excluded.bad,
      bad_real_name = f.bad_real_name + excluded.bad_real_name, repeats = f.repeats + excluded.repeats$q$, signed);
  EXECUTE format($q$
    INSERT INTO rating_case_daily_figures AS f (day, agency_id, rated, rated_pushed)
    SELECT (case_completed_at AT TIME ZONE 'Asia/Shanghai')::date, agency_id, sum(sign), sum(CASE WHEN push_status = 'pushed' THEN sign ELSE 0 END)
    FROM (%s) s WHERE counted AND kind = 'case' AND case_completed_at IS NOT NULL AND item_kind IS DISTINCT FROM 'query'
    GROUP BY 1, 2 HAVING sum(sign) <> 0 OR sum(CASE WHEN push_status = 'pushed' THEN sign ELSE 0 END) <> 0
    ORDER BY 1, 2
    ON CONFLICT ON CONSTRAINT rating_case_daily_figures_key DO UPDATE SET rated = f.rated + excluded.rated,
      rated_pushed = f.rated_pushed + excluded.rated_pushed$q$, signed);
  RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION ratings_sync_daily_figures() IS '评价变更时同步评价日汇总 Keeps the daily rating figures in step with ratings';

CREATE FUNCTION rating_invitations_sync_daily_figures() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  -- The rows of the statement with a sign: +1 for new rows, -1 for old ones (an update is both).
  signed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT n.*, 1 AS sign FROM new_rows n'
    WHEN 'DELETE' THEN 'SELECT o.*, -1 AS sign FROM old_rows o'
    ELSE 'SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o' END;
BEGIN
  EXECUTE format($q$
    INSERT INTO rating_case_daily_figures AS f (day, agency_id, completed)
    SELECT (occurred_at AT TIME ZONE 'Asia/Shanghai')::date, agency_id, sum(sign)
    FROM (%s) s WHERE kind = 'case' AND item_kind IS DISTINCT FROM 'query'
    GROUP BY 1, 2 HAVING sum(sign) <> 0 ORDER BY 1, 2
    ON CONFLICT ON CONSTRAINT rating_case_daily_figures_key DO UPDATE SET completed = f.completed + excluded.completed$q$, signed);
  RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION rating_invitations_sync_daily_figures() IS '办件评价邀请变更时同步办件评价率日汇总 Keeps the completed-case counts in step with the invitations';

CREATE TRIGGER ratings_figures_insert AFTER INSERT ON ratings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ratings_sync_daily_figures();
CREATE TRIGGER ratings_figures_update AFTER UPDATE ON ratings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ratings_sync_daily_figures();
CREATE TRIGGER ratings_figures_delete AFTER DELETE ON ratings REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ratings_sync_daily_figures();
CREATE TRIGGER rating_invitations_figures_insert AFTER INSERT ON rating_invitations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rating_invitations_sync_daily_figures();
CREATE TRIGGER rating_invitations_figures_update AFTER UPDATE ON rating_invitations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rating_invitations_sync_daily_figures();
CREATE TRIGGER rating_invitations_figures_delete AFTER DELETE ON rating_invitations REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rating_invitations_sync_daily_figures();

-- Existing rows (a database migrated with data already in it): the same figures computed once.
INSERT INTO rating_daily_figures (day, agency_id, item_id, item_name, counted, level_sum, bad, bad_real_name, repeats)
SELECT (rated_at AT TIME ZONE 'Asia/Shanghai')::date, agency_id, item_id, item_name, count(*) FILTER (WHERE counted),
  coalesce(sum(level) FILTER (WHERE counted), 0), count(*) FILTER (WHERE counted AND is_bad AND NOT appeal_upheld),
  count(*) FILTER (WHERE counted AND is_bad AND NOT appeal_upheld AND real_name), count(*) FILTER (WHERE NOT counted)
FROM ratings GROUP BY 1, 2, 3, 4;
INSERT INTO rating_case_daily_figures AS f (day, agency_id, completed, rated, rated_pushed)
SELECT day, agency_id, sum(completed), sum(rated), sum(rated_pushed) FROM (
  SELECT (occurred_at AT TIME ZONE 'Asia/Shanghai')::date AS day, agency_id, 1 AS completed, 0 AS rated, 0 AS rated_pushed
  FROM rating_invitations WHERE kind = 'case' AND item_kind IS DISTINCT FROM 'query'
  UNION ALL
  SELECT (case_completed_at AT TIME ZONE 'Asia/Shanghai')::date, agency_id, 0, 1, CASE WHEN push_status = 'pushed' THEN 1 ELSE 0 END
  FROM ratings WHERE counted AND kind = 'case' AND case_completed_at IS NOT NULL AND item_kind IS DISTINCT FROM 'query'
) x GROUP BY day, agency_id;
