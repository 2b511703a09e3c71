-- Calendar (工作日历, 时限 M4): the days that differ from the Monday–Friday default, and the years whose
-- official arrangement (国务院办公厅节假日安排通知) has been entered. Arithmetic beyond the covered years fails.

CREATE TABLE calendar_years (
  year int PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  notice text,
  source text NOT NULL CHECK (source IN ('chinese-days', 'admin')),
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE calendar_years IS '已录入节假日安排的年份（工作日历覆盖范围）Years whose holiday arrangement is entered (calendar coverage)';
COMMENT ON COLUMN calendar_years.year IS '年份 Year';
COMMENT ON COLUMN calendar_years.notice IS '依据的通知文号或标题，如 国办发明电〔2025〕7号 Source notice';
COMMENT ON COLUMN calendar_years.source IS '来源：chinese-days 初始数据 / admin 管理员录入 Origin of the data';
COMMENT ON COLUMN calendar_years.updated_by IS '最后录入人（系统初始化为空）Last edited by, null for the initial seed';
COMMENT ON COLUMN calendar_years.updated_at IS '最后更新时间 Last updated at';

CREATE TABLE calendar_days (
  day date PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  note text,
  source text NOT NULL CHECK (source IN ('chinese-days', 'admin')),
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE calendar_days IS '与默认（周一至周五工作）不同的日子：法定节假日与调休上班日 Days that differ from the Mon–Fri default';
COMMENT ON COLUMN calendar_days.day IS '日期（上海时间）Date, Asia/Shanghai';
COMMENT ON COLUMN calendar_days.kind IS '类型：holiday 节假日（休息）/ workday 调休上班 Kind: holiday (off) or make-up working day';
COMMENT ON COLUMN calendar_days.name IS '名称，如 国庆节、春节调休 Name of the holiday or make-up day';
COMMENT ON COLUMN calendar_days.note IS '备注 Note';
COMMENT ON COLUMN calendar_days.source IS '来源：chinese-days 初始数据 / admin 管理员录入 Origin of the row';
COMMENT ON COLUMN calendar_days.updated_by IS '最后修改人（系统初始化为空）Last edited by, null for the initial seed';
COMMENT ON COLUMN calendar_days.updated_at IS '最后修改时间 Last updated at';
