-- Catalog (事项库 / 办事指南, M1): items with GB/T 39554.1 codes, versioned guides (GB/T 39046 table 4), handling
-- situations, materials, form files, channel publication, halls, windows and kiosks, and Chinese full-text search.

CREATE TABLE catalog_files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  file_name text NOT NULL,
  mime text NOT NULL,
  size int NOT NULL CHECK (size > 0),
  sha256 char(64) NOT NULL,
  content bytea NOT NULL,
  uploaded_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE catalog_files IS '办事指南附件：空白表格、示例样表、结果样本 Guide attachments: blank forms, sample forms, result samples';
COMMENT ON COLUMN catalog_files.id IS '主键 Primary key';
COMMENT ON COLUMN catalog_files.file_name IS '下载时的文件名 File name offered on download';
COMMENT ON COLUMN catalog_files.mime IS '内容类型（按文件内容识别）MIME type detected from the content';
COMMENT ON COLUMN catalog_files.size IS '字节数 Size in bytes';
COMMENT ON COLUMN catalog_files.sha256 IS 'SHA-256 摘要 SHA-256 digest';
COMMENT ON COLUMN catalog_files.content IS '文件内容（表格类小文件直接存库）File content (small form files are kept in the database)';
COMMENT ON COLUMN catalog_files.uploaded_by IS '上传人账号，演示数据为空 Uploader account, null for demo data';
COMMENT ON COLUMN catalog_files.created_at IS '上传时间 Uploaded at';

CREATE TABLE items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL UNIQUE CHECK (key ~ '^[a-z0-9][a-z0-9-]{1,79}$'),
  agency_id text NOT NULL REFERENCES agencies(id),
  region_code varchar(6) NOT NULL,
  item_type varchar(2) NOT NULL,
  main_code varchar(5),
  sub_code varchar(3),
  level varchar(1),
  basic_code varchar(50) NOT NULL,
  implementation_code varchar(50) NOT NULL UNIQUE,
  code_warnings jsonb NOT NULL DEFAULT '[]',
  current_version_id uuid,
  latest_version int NOT NULL DEFAULT 0,
  popularity int NOT NULL DEFAULT 0,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX items_agency ON items (agency_id);
COMMENT ON TABLE items IS '政务服务事项主记录（各版本、各渠道的唯一来源）Service item master record, the one source for all versions and channels';
COMMENT ON COLUMN items.id IS '主键 Primary key';
COMMENT ON COLUMN items.key IS '稳定英文标识，用于网址 Stable slug used in URLs';
COMMENT ON COLUMN items.agency_id IS '实施主体 Implementing agency';
COMMENT ON COLUMN items.region_code IS '行政区划代码 Region code of the district';
COMMENT ON COLUMN items.item_type IS '事项类型代码（GB/T 39046 附录A，如 01 行政许可）Item type code';
COMMENT ON COLUMN items.main_code IS '主项编码（5位）Main item code, 5 characters';
COMMENT ON COLUMN items.sub_code IS '子项编码（3位，无子项为000）Sub-item code, 000 when none';
COMMENT ON COLUMN items.level IS '行使层级（1国家级…4县区级…7分级管理）Exercise level';
COMMENT ON COLUMN items.basic_code IS '基本编码（GB/T 39554.1，12位；导入的旧格式可能不同）Basic code, 12 chars (imported older formats may differ)';
COMMENT ON COLUMN items.implementation_code IS '实施编码（31位 = 实施主体统一社会信用代码 + 层级 + 基本编码）Implementation code, 31 chars';
COMMENT ON COLUMN items.code_warnings IS '导入时编码不符合现行标准的提示 Warnings about codes imported in older or provincial formats';
COMMENT ON COLUMN items.current_version_id IS '当前发布版本 The published version shown to the public';
COMMENT ON COLUMN items.latest_version IS '最新版本号 Highest version number so far';
COMMENT ON COLUMN items.popularity IS '办件热度（已提交办件数），用于搜索排序 Number of submitted cases, a search ranking signal';
COMMENT ON COLUMN items.created_by IS '创建人账号 Created by';
COMMENT ON COLUMN items.created_at IS '创建时间 Created at';
COMMENT ON COLUMN items.updated_at IS '最近修改时间 Last changed at';

CREATE TABLE item_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id uuid NOT NULL REFERENCES items(id),
  version int NOT NULL CHECK (version > 0),
  status text NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('application', 'public_service', 'query')),
  service_objects text[] NOT NULL DEFAULT '{}',
  audience text[] NOT NULL DEFAULT '{}',
  themes text[] NOT NULL DEFAULT '{}',
  life_events text[] NOT NULL DEFAULT '{}',
  synonyms text[] NOT NULL DEFAULT '{}',
  legal_limit_days int NOT NULL CHECK (legal_limit_days >= 0),
  legal_limit_unit text NOT NULL CHECK (legal_limit_unit IN ('working', 'natural')),
  committed_limit_days int NOT NULL CHECK (committed_limit_days >= 0),
  committed_limit_unit text NOT NULL CHECK (committed_limit_unit IN ('working', 'natural')),
  immediate boolean NOT NULL DEFAULT false,
  online_depth smallint NOT NULL CHECK (online_depth BETWEEN 1 AND 4),
  visits smallint CHECK (visits >= 0),
  haoban boolean NOT NULL DEFAULT false,
  kuaiban boolean NOT NULL DEFAULT false,
  no_visit boolean NOT NULL DEFAULT false,
  hall_service boolean NOT NULL DEFAULT true,
  channels jsonb NOT NULL,
  process_key text NOT NULL DEFAULT 'standard',
  correction_timeout_days int NOT NULL DEFAULT 30 CHECK (correction_timeout_days > 0),
  guide jsonb NOT NULL,
  form_schema jsonb NOT NULL,
  search_vector tsvector,
  change_note text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  published_by uuid,
  archived_at timestamptz,
  UNIQUE (item_id, version)
);
CREATE UNIQUE INDEX item_versions_one_published ON item_versions (item_id) WHERE status = 'published';
CREATE UNIQUE INDEX item_versions_one_draft ON item_versions (item_id) WHERE status = 'draft';
CREATE INDEX item_versions_search ON item_versions USING gin (search_vector) WHERE status = 'published';
CREATE INDEX item_versions_themes ON item_versions USING gin (themes) WHERE status = 'published';
CREATE INDEX item_versions_life_events ON item_versions USING gin (life_events) WHERE status = 'published';
ALTER TABLE items ADD CONSTRAINT items_current_version FOREIGN KEY (current_version_id) REFERENCES item_versions(id);
COMMENT ON TABLE item_versions IS '事项版本（办事指南的各版本，事项动态管理）Item versions: each version of the service guide';
COMMENT ON COLUMN item_versions.id IS '主键（办件引用的版本）Primary key, referenced by cases';
COMMENT ON COLUMN item_versions.item_id IS '所属事项 Item';
COMMENT ON COLUMN item_versions.version IS '版本号（从1递增）Version number, from 1';
COMMENT ON COLUMN item_versions.status IS '状态：draft 草稿 / published 已发布 / archived 已归档 Status';
COMMENT ON COLUMN item_versions.name IS '事项名称 Item name';
COMMENT ON COLUMN item_versions.kind IS '事项类别：application 依申请 / public_service 公共服务 / query 查询类（不计入办件比例）Kind';
COMMENT ON COLUMN item_versions.service_objects IS '服务对象代码（1自然人 2企业法人 3事业法人 4社会组织法人 5行政机关 6其他组织）Service object codes';
COMMENT ON COLUMN item_versions.audience IS '面向对象主题：个人 / 法人 Audience';
COMMENT ON COLUMN item_versions.themes IS '服务主题标签 Service theme tags';
COMMENT ON COLUMN item_versions.life_events IS '人生事件 / 企业场景标签（如 开饭店）Life-event tags';
COMMENT ON COLUMN item_versions.synonyms IS '同义词（俗称），用于搜索 Synonyms used by search';
COMMENT ON COLUMN item_versions.legal_limit_days IS '法定办结时限（天数）Legal time limit, days';
COMMENT ON COLUMN item_versions.legal_limit_unit IS '法定时限单位：working 工作日 / natural 自然日 Legal limit unit';
COMMENT ON COLUMN item_versions.committed_limit_days IS '承诺办结时限（天数）Committed time limit, days';
COMMENT ON COLUMN item_versions.committed_limit_unit IS '承诺时限单位：working 工作日 / natural 自然日 Committed limit unit';
COMMENT ON COLUMN item_versions.immediate IS '是否即办件（当场办结）Decided on the spot (即办件)';
COMMENT ON COLUMN item_versions.online_depth IS '网办深度 I–IV（1至4）Online depth level';
COMMENT ON COLUMN item_versions.visits IS '申请人到现场次数（指南声明），未声明为空 Declared on-site visits, null when not stated';
COMMENT ON COLUMN item_versions.haoban IS '是否“好办”事项 Haoban (个性指南+智能申报) item';
COMMENT ON COLUMN item_versions.kuaiban IS '是否“快办”事项 Kuaiban (3分钟填报、零材料) item';
COMMENT ON COLUMN item_versions.no_visit IS '是否“不见面办理”事项 No-visit item';
COMMENT ON COLUMN item_versions.hall_service IS '是否入驻政务服务大厅（否则为科室代窗口）Served in the hall, otherwise only at the department office';
COMMENT ON COLUMN item_versions.channels IS '办理渠道 {pc, mobile, kiosk, window} 是否提供 Channels offered';
COMMENT ON COLUMN item_versions.process_key IS '办理流程定义标识（办件模块使用）Process definition key used by the cases module';
COMMENT ON COLUMN item_versions.correction_timeout_days IS '补正超时自动办结天数 Days after which an unanswered correction request closes the case';
COMMENT ON COLUMN item_versions.guide IS '其余办事指南要素（设定依据、受理条件、流程、地点、时间、电话、收费、结果、常见问题等，经校验）Other guide elements, validated';
COMMENT ON COLUMN item_versions.form_schema IS '申请表 JSON Schema（含 x-ui 界面提示、x-pii 个人信息标记）Application form JSON Schema';
COMMENT ON COLUMN item_versions.search_vector IS '分词后的全文检索向量（A名称同义词 B主题人生事件 C部门 D受理条件）Segmented full-text vector';
COMMENT ON COLUMN item_versions.change_note IS '修改说明 Change note';
COMMENT ON COLUMN item_versions.created_by IS '创建人 Created by';
COMMENT ON COLUMN item_versions.created_at IS '创建时间 Created at';
COMMENT ON COLUMN item_versions.updated_at IS '最近修改时间 Last changed at';
COMMENT ON COLUMN item_versions.published_at IS '发布时间 Published at';
COMMENT ON COLUMN item_versions.published_by IS '发布人 Published by';
COMMENT ON COLUMN item_versions.archived_at IS '归档时间（被新版本替代）Archived at, when superseded';

CREATE TABLE item_situations (
  version_id uuid NOT NULL REFERENCES item_versions(id) ON DELETE CASCADE,
  seq varchar(2) NOT NULL,
  name text NOT NULL,
  handling_code varchar(50) NOT NULL,
  PRIMARY KEY (version_id, seq)
);
COMMENT ON TABLE item_situations IS '业务办理项（办理情形），每项一个33位编码 Handling situations, each with a 33-char code';
COMMENT ON COLUMN item_situations.version_id IS '所属事项版本 Item version';
COMMENT ON COLUMN item_situations.seq IS '办理项序号（01–99）Sequence';
COMMENT ON COLUMN item_situations.name IS '办理项名称（如 新办、变更）Name';
COMMENT ON COLUMN item_situations.handling_code IS '业务办理项编码（实施编码 + 序号）Handling code';

CREATE TABLE item_materials (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  version_id uuid NOT NULL REFERENCES item_versions(id) ON DELETE CASCADE,
  seq int NOT NULL,
  name text NOT NULL,
  source text NOT NULL,
  source_agency text,
  issued_by_government boolean NOT NULL DEFAULT false,
  issue_time_requirement text,
  originals int NOT NULL DEFAULT 0 CHECK (originals >= 0),
  copies int NOT NULL DEFAULT 0 CHECK (copies >= 0),
  medium text NOT NULL CHECK (medium IN ('paper', 'electronic', 'both')),
  required boolean NOT NULL DEFAULT true,
  note text,
  e_licence_type text,
  exemptable boolean NOT NULL DEFAULT false,
  form_type boolean NOT NULL DEFAULT false,
  blank_form_file_id uuid REFERENCES catalog_files(id),
  sample_form_file_id uuid REFERENCES catalog_files(id),
  count int NOT NULL DEFAULT 1 CHECK (count > 0),
  max_size_mb int NOT NULL DEFAULT 10 CHECK (max_size_mb > 0),
  UNIQUE (version_id, seq)
);
COMMENT ON TABLE item_materials IS '申请材料清单 Materials an application needs';
COMMENT ON COLUMN item_materials.id IS '主键 Primary key';
COMMENT ON COLUMN item_materials.version_id IS '所属事项版本 Item version';
COMMENT ON COLUMN item_materials.seq IS '材料序号 Order in the list';
COMMENT ON COLUMN item_materials.name IS '材料名称 Name';
COMMENT ON COLUMN item_materials.source IS '来源渠道（申请人自备 / 政府部门核发 / 其他）Source';
COMMENT ON COLUMN item_materials.source_agency IS '出具机构 Issuing body';
COMMENT ON COLUMN item_materials.issued_by_government IS '是否政府部门核发（“两个免于提交”的分母）Issued by a government body';
COMMENT ON COLUMN item_materials.issue_time_requirement IS '出具时间要求 Required issue date';
COMMENT ON COLUMN item_materials.originals IS '原件份数 Number of originals';
COMMENT ON COLUMN item_materials.copies IS '复印件份数 Number of copies';
COMMENT ON COLUMN item_materials.medium IS '材料形式：paper 纸质 / electronic 电子 / both 纸质或电子 Medium';
COMMENT ON COLUMN item_materials.required IS '是否必备 Required';
COMMENT ON COLUMN item_materials.note IS '填报须知 / 说明 Note';
COMMENT ON COLUMN item_materials.e_licence_type IS '可替代的电子证照类型（免交）E-licence type that replaces it';
COMMENT ON COLUMN item_materials.exemptable IS '是否可免交（标“免”）Can be exempted';
COMMENT ON COLUMN item_materials.form_type IS '是否表格类材料（须提供空白表格与示例样表）Form-type material';
COMMENT ON COLUMN item_materials.blank_form_file_id IS '空白表格文件 Blank form file';
COMMENT ON COLUMN item_materials.sample_form_file_id IS '示例样表文件 Sample form file';
COMMENT ON COLUMN item_materials.count IS '需上传的文件份数 Files to upload';
COMMENT ON COLUMN item_materials.max_size_mb IS '单个文件大小上限（MB）Max file size, MB';

CREATE TABLE item_channels (
  item_id uuid NOT NULL REFERENCES items(id),
  channel text NOT NULL CHECK (channel IN ('pc', 'mobile', 'kiosk', 'window')),
  published boolean NOT NULL DEFAULT false,
  published_since timestamptz,
  version_id uuid REFERENCES item_versions(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (item_id, channel)
);
COMMENT ON TABLE item_channels IS '事项在各渠道的发布情况（多渠道同源）Publication of an item on each channel';
COMMENT ON COLUMN item_channels.item_id IS '事项 Item';
COMMENT ON COLUMN item_channels.channel IS '渠道：pc 电脑端 / mobile 移动端 / kiosk 自助终端 / window 窗口 Channel';
COMMENT ON COLUMN item_channels.published IS '是否在该渠道发布 Published on the channel';
COMMENT ON COLUMN item_channels.published_since IS '在该渠道连续发布的起始时间 Published on the channel since';
COMMENT ON COLUMN item_channels.version_id IS '该渠道展示的版本（与主记录一致即同源）Version shown on the channel';
COMMENT ON COLUMN item_channels.updated_at IS '最近同步时间 Last synchronised at';

CREATE TABLE item_demand (
  item_id uuid NOT NULL REFERENCES items(id),
  case_id uuid NOT NULL,
  counted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (item_id, case_id)
);
COMMENT ON TABLE item_demand IS '已计入事项热度的办件（保证重复事件只计一次）Cases counted into item popularity, so repeated events count once';
COMMENT ON COLUMN item_demand.item_id IS '事项 Item';
COMMENT ON COLUMN item_demand.case_id IS '办件 Case';
COMMENT ON COLUMN item_demand.counted_at IS '计入时间 Counted at';

CREATE TABLE halls (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,59}$'),
  name text NOT NULL,
  level text NOT NULL DEFAULT '区级',
  agency_id text REFERENCES agencies(id),
  region_code varchar(6) NOT NULL,
  address text NOT NULL,
  hours text NOT NULL,
  phone text,
  appointment boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE halls IS '线下政务服务大厅（政务服务地图数据）Service halls';
COMMENT ON COLUMN halls.id IS '大厅标识 Hall id';
COMMENT ON COLUMN halls.name IS '大厅名称 Name';
COMMENT ON COLUMN halls.level IS '层级：区级中心 / 街镇社区事务受理服务中心 Level';
COMMENT ON COLUMN halls.agency_id IS '运营机构 Operating agency';
COMMENT ON COLUMN halls.region_code IS '行政区划代码 Region code';
COMMENT ON COLUMN halls.address IS '地址 Address';
COMMENT ON COLUMN halls.hours IS '办公时间 Opening hours';
COMMENT ON COLUMN halls.phone IS '咨询电话 Phone';
COMMENT ON COLUMN halls.appointment IS '是否支持统一预约 Supports unified appointments';
COMMENT ON COLUMN halls.active IS '是否启用 Active';
COMMENT ON COLUMN halls.updated_at IS '最近更新时间（地图数据时效）Last updated at';

CREATE TABLE hall_windows (
  hall_id text NOT NULL REFERENCES halls(id),
  code text NOT NULL CHECK (code ~ '^[A-Za-z0-9-]{1,20}$'),
  name text NOT NULL,
  type text NOT NULL CHECK (type IN ('无差别综窗', '分领域综窗', '单一功能', '专窗')),
  all_items boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (hall_id, code)
);
COMMENT ON TABLE hall_windows IS '大厅窗口 Windows of a hall';
COMMENT ON COLUMN hall_windows.hall_id IS '所属大厅 Hall';
COMMENT ON COLUMN hall_windows.code IS '窗口号（如 A01）Window number';
COMMENT ON COLUMN hall_windows.name IS '窗口名称 Name';
COMMENT ON COLUMN hall_windows.type IS '窗口类型：无差别综窗 / 分领域综窗 / 单一功能 / 专窗 Window type';
COMMENT ON COLUMN hall_windows.all_items IS '可办理全部事项（无差别综窗）Takes every item';
COMMENT ON COLUMN hall_windows.active IS '是否启用 Active';
COMMENT ON COLUMN hall_windows.updated_at IS '最近更新时间 Last updated at';

CREATE TABLE window_items (
  hall_id text NOT NULL,
  window_code text NOT NULL,
  item_id uuid NOT NULL REFERENCES items(id),
  PRIMARY KEY (hall_id, window_code, item_id),
  FOREIGN KEY (hall_id, window_code) REFERENCES hall_windows(hall_id, code) ON DELETE CASCADE
);
COMMENT ON TABLE window_items IS '窗口可办理的事项 Items a window takes';
COMMENT ON COLUMN window_items.hall_id IS '大厅 Hall';
COMMENT ON COLUMN window_items.window_code IS '窗口号 Window number';
COMMENT ON COLUMN window_items.item_id IS '事项 Item';

CREATE TABLE kiosks (
  terminal_id text PRIMARY KEY CHECK (terminal_id ~ '^[A-Za-z0-9-]{3,40}$'),
  name text NOT NULL,
  kind text NOT NULL DEFAULT '综合类' CHECK (kind IN ('综合类', '专用')),
  venue_type text NOT NULL CHECK (venue_type IN ('政务大厅', '园区', '社区', '居村', '其他')),
  hall_id text REFERENCES halls(id),
  address text NOT NULL,
  region_code varchar(6) NOT NULL,
  active boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE kiosks IS '政务服务自助终端 Self-service kiosks';
COMMENT ON COLUMN kiosks.terminal_id IS '终端编号 Terminal id';
COMMENT ON COLUMN kiosks.name IS '终端名称 Name';
COMMENT ON COLUMN kiosks.kind IS '终端类型：综合类 / 专用 Kind';
COMMENT ON COLUMN kiosks.venue_type IS '部署场所类型：政务大厅 / 园区 / 社区 / 居村 / 其他 Venue type';
COMMENT ON COLUMN kiosks.hall_id IS '所在或负责管理的大厅 Hall it stands in or is run by';
COMMENT ON COLUMN kiosks.address IS '部署地址 Address';
COMMENT ON COLUMN kiosks.region_code IS '行政区划代码 Region code';
COMMENT ON COLUMN kiosks.active IS '是否启用 Active';
COMMENT ON COLUMN kiosks.updated_at IS '最近更新时间 Last updated at';
