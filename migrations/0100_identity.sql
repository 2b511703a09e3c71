-- Identity (统一身份认证): agencies, accounts, enterprises, role grants scoped to agencies, sessions, 授权代办.

CREATE TABLE agencies (
  id text PRIMARY KEY,
  name text NOT NULL,
  short_name text,
  uscc varchar(18) NOT NULL UNIQUE,
  region_code varchar(6) NOT NULL,
  parent_id text REFERENCES agencies(id),
  nature text NOT NULL DEFAULT '机关',
  address text,
  phone text,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE agencies IS '机构（实施主体、部门、街镇）及其上下级关系 Agencies and their hierarchy';
COMMENT ON COLUMN agencies.id IS '机构标识（稳定短代码）Stable agency id';
COMMENT ON COLUMN agencies.name IS '机构全称 Full name';
COMMENT ON COLUMN agencies.short_name IS '简称 Short name';
COMMENT ON COLUMN agencies.uscc IS '统一社会信用代码（GB 32100）Unified social credit code';
COMMENT ON COLUMN agencies.region_code IS '行政区划代码（GB/T 2260）Region code';
COMMENT ON COLUMN agencies.parent_id IS '上级机构 Parent agency';
COMMENT ON COLUMN agencies.nature IS '实施主体性质：法定机关/授权组织/受委托组织等 Nature of the implementing body';
COMMENT ON COLUMN agencies.address IS '办公地址 Address';
COMMENT ON COLUMN agencies.phone IS '联系电话 Phone';
COMMENT ON COLUMN agencies.created_at IS '创建时间 Created at';

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('person', 'staff')),
  login text NOT NULL UNIQUE,
  name text NOT NULL,
  id_card varchar(18) UNIQUE,
  phone varchar(20),
  email text,
  agency_id text REFERENCES agencies(id),
  password_hash text,
  failed_logins int NOT NULL DEFAULT 0,
  locked_until timestamptz,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_person_phone ON users (phone) WHERE kind = 'person';
COMMENT ON TABLE users IS '账号：自然人与工作人员 Accounts of natural persons and staff';
COMMENT ON COLUMN users.id IS '主键 Primary key';
COMMENT ON COLUMN users.kind IS '账号类型：person 自然人 / staff 工作人员 Account kind';
COMMENT ON COLUMN users.login IS '登录名（工作人员工号或自然人手机号）Login name';
COMMENT ON COLUMN users.name IS '姓名 Name';
COMMENT ON COLUMN users.id_card IS '居民身份证号码（GB 11643，已校验）Resident ID number';
COMMENT ON COLUMN users.phone IS '手机号码 Mobile phone';
COMMENT ON COLUMN users.email IS '电子邮箱 Email';
COMMENT ON COLUMN users.agency_id IS '工作人员所属机构 Staff home agency';
COMMENT ON COLUMN users.password_hash IS '工作人员密码 argon2id 哈希 Staff password hash (argon2id)';
COMMENT ON COLUMN users.failed_logins IS '连续登录失败次数 Consecutive failed logins';
COMMENT ON COLUMN users.locked_until IS '锁定至（连续10次失败后）Locked until, after ten failures';
COMMENT ON COLUMN users.active IS '是否启用 Active';
COMMENT ON COLUMN users.created_at IS '创建时间 Created at';

CREATE TABLE enterprises (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  uscc varchar(18) NOT NULL UNIQUE,
  name text NOT NULL,
  legal_rep_user_id uuid REFERENCES users(id),
  legal_rep_name text NOT NULL,
  region_code varchar(6) NOT NULL,
  address text,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE enterprises IS '法人（企业等）Legal persons';
COMMENT ON COLUMN enterprises.id IS '主键 Primary key';
COMMENT ON COLUMN enterprises.uscc IS '统一社会信用代码（GB 32100，已校验）USCC';
COMMENT ON COLUMN enterprises.name IS '名称 Name';
COMMENT ON COLUMN enterprises.legal_rep_user_id IS '法定代表人账号 Legal representative account';
COMMENT ON COLUMN enterprises.legal_rep_name IS '法定代表人姓名 Legal representative name';
COMMENT ON COLUMN enterprises.region_code IS '注册地行政区划 Registered region';
COMMENT ON COLUMN enterprises.address IS '住所 Registered address';
COMMENT ON COLUMN enterprises.created_at IS '创建时间 Created at';

CREATE TABLE role_grants (
  user_id uuid NOT NULL REFERENCES users(id),
  role text NOT NULL CHECK (role IN ('applicant', 'enterprise_agent', 'window_clerk', 'reviewer', 'approver', 'dept_admin', 'center_admin', 'supervisor')),
  agency_id text NOT NULL REFERENCES agencies(id),
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, role, agency_id)
);
COMMENT ON TABLE role_grants IS '角色授予：角色在某机构（含下级）范围内有效 Role grants scoped to an agency and its sub-agencies';
COMMENT ON COLUMN role_grants.user_id IS '工作人员 Staff account';
COMMENT ON COLUMN role_grants.role IS '角色 Role';
COMMENT ON COLUMN role_grants.agency_id IS '数据范围：机构 Agency scope';
COMMENT ON COLUMN role_grants.granted_at IS '授予时间 Granted at';

CREATE TABLE enterprise_authorizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id uuid NOT NULL REFERENCES enterprises(id),
  agent_user_id uuid NOT NULL REFERENCES users(id),
  granted_by uuid NOT NULL REFERENCES users(id),
  item_codes text[],
  valid_from timestamptz NOT NULL DEFAULT now(),
  valid_until timestamptz NOT NULL,
  revoked_at timestamptz,
  revoked_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX enterprise_authorizations_agent ON enterprise_authorizations (agent_user_id);
COMMENT ON TABLE enterprise_authorizations IS '授权代办：法定代表人授权他人代表企业办事 Authorisations of agents by the legal representative';
COMMENT ON COLUMN enterprise_authorizations.id IS '主键 Primary key';
COMMENT ON COLUMN enterprise_authorizations.enterprise_id IS '授权企业 Enterprise';
COMMENT ON COLUMN enterprise_authorizations.agent_user_id IS '被授权人 Authorised agent';
COMMENT ON COLUMN enterprise_authorizations.granted_by IS '授权人（法定代表人）Granted by';
COMMENT ON COLUMN enterprise_authorizations.item_codes IS '授权事项基本编码；为空表示全部事项 Items covered, null = all';
COMMENT ON COLUMN enterprise_authorizations.valid_from IS '生效时间 Valid from';
COMMENT ON COLUMN enterprise_authorizations.valid_until IS '截止时间 Valid until';
COMMENT ON COLUMN enterprise_authorizations.revoked_at IS '撤销时间 Revoked at';
COMMENT ON COLUMN enterprise_authorizations.revoked_by IS '撤销人 Revoked by';
COMMENT ON COLUMN enterprise_authorizations.created_at IS '创建时间 Created at';

CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text NOT NULL UNIQUE,
  user_id uuid NOT NULL REFERENCES users(id),
  enterprise_id uuid REFERENCES enterprises(id),
  authorization_id uuid REFERENCES enterprise_authorizations(id),
  method text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user ON sessions (user_id);
COMMENT ON TABLE sessions IS '登录会话（浏览器 Cookie 或 API Bearer 令牌）Sessions';
COMMENT ON COLUMN sessions.id IS '主键 Primary key';
COMMENT ON COLUMN sessions.token_hash IS '令牌的 SHA-256（不存明文）SHA-256 of the token';
COMMENT ON COLUMN sessions.user_id IS '登录的自然人或工作人员 Logged-in user';
COMMENT ON COLUMN sessions.enterprise_id IS '以法人身份办事时的企业 Enterprise acted for';
COMMENT ON COLUMN sessions.authorization_id IS '代办授权（非法定代表人时）Authorisation used';
COMMENT ON COLUMN sessions.method IS '登录方式：oidc/dev/password Login method';
COMMENT ON COLUMN sessions.created_at IS '创建时间 Created at';
COMMENT ON COLUMN sessions.expires_at IS '过期时间 Expires at';
COMMENT ON COLUMN sessions.revoked_at IS '注销时间 Logged out at';
COMMENT ON COLUMN sessions.ip IS '登录IP Login IP';
COMMENT ON COLUMN sessions.user_agent IS '浏览器标识 User agent';
