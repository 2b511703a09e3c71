-- Identity (统一身份认证), part 2: the built-in OpenID Connect provider's state and keys, the relying party's
-- pending logins, phone one-time codes (短信验证码) and one live 授权代办 per enterprise and agent.

CREATE TABLE identity_secrets (
  name text PRIMARY KEY,
  value jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE identity_secrets IS '身份认证密钥：首次启动时生成，多实例共享（不入代码库）Identity secrets generated on first start, shared by all server copies';
COMMENT ON COLUMN identity_secrets.name IS '密钥名称：oidc_signing_jwk / oidc_cookie_keys / oidc_client_secret Secret name';
COMMENT ON COLUMN identity_secrets.value IS '密钥内容（JWK 或随机串）Secret material';
COMMENT ON COLUMN identity_secrets.created_at IS '生成时间 Generated at';

CREATE TABLE oidc_payloads (
  model text NOT NULL,
  id text NOT NULL,
  payload jsonb NOT NULL,
  grant_id text,
  user_code text,
  uid text,
  expires_at timestamptz,
  consumed_at timestamptz,
  PRIMARY KEY (model, id)
);
CREATE INDEX oidc_payloads_grant ON oidc_payloads (grant_id) WHERE grant_id IS NOT NULL;
CREATE INDEX oidc_payloads_uid ON oidc_payloads (uid) WHERE uid IS NOT NULL;
CREATE INDEX oidc_payloads_expires ON oidc_payloads (expires_at);
COMMENT ON TABLE oidc_payloads IS '内置 OIDC 认证服务的状态（会话、交互、授权码、令牌、授权）Built-in OIDC provider state';
COMMENT ON COLUMN oidc_payloads.model IS '对象类型，如 Session、Interaction、AuthorizationCode Model name';
COMMENT ON COLUMN oidc_payloads.id IS '对象标识 Model id';
COMMENT ON COLUMN oidc_payloads.payload IS '对象内容 Payload';
COMMENT ON COLUMN oidc_payloads.grant_id IS '所属授权（用于整体吊销）Grant id';
COMMENT ON COLUMN oidc_payloads.user_code IS '设备码流程的用户码 Device flow user code';
COMMENT ON COLUMN oidc_payloads.uid IS '会话 uid Session uid';
COMMENT ON COLUMN oidc_payloads.expires_at IS '过期时间 Expires at';
COMMENT ON COLUMN oidc_payloads.consumed_at IS '已使用时间（授权码一次性）Consumed at';

CREATE TABLE oidc_login_states (
  id_hash text PRIMARY KEY,
  state text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  return_to text NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX oidc_login_states_expires ON oidc_login_states (expires_at);
COMMENT ON TABLE oidc_login_states IS '进行中的登录（授权码 + PKCE），回调时一次性取出 Pending relying-party logins';
COMMENT ON COLUMN oidc_login_states.id_hash IS '浏览器 Cookie 中登录标识的 SHA-256 SHA-256 of the browser-held login id';
COMMENT ON COLUMN oidc_login_states.state IS 'OAuth state 参数 OAuth state';
COMMENT ON COLUMN oidc_login_states.nonce IS 'OIDC nonce 参数 OIDC nonce';
COMMENT ON COLUMN oidc_login_states.code_verifier IS 'PKCE code_verifier';
COMMENT ON COLUMN oidc_login_states.return_to IS '登录后返回的站内路径 Same-origin path to return to';
COMMENT ON COLUMN oidc_login_states.expires_at IS '过期时间 Expires at';
COMMENT ON COLUMN oidc_login_states.created_at IS '创建时间 Created at';

CREATE TABLE otp_challenges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  phone varchar(20) NOT NULL,
  code_hash text NOT NULL,
  expires_at timestamptz NOT NULL,
  attempts int NOT NULL DEFAULT 0,
  consumed_at timestamptz,
  ip text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX otp_challenges_phone ON otp_challenges (phone, created_at DESC);
COMMENT ON TABLE otp_challenges IS '短信验证码（只存哈希，5分钟有效，限次）Phone one-time codes, hashed, 5 minutes, limited attempts';
COMMENT ON COLUMN otp_challenges.id IS '主键 Primary key';
COMMENT ON COLUMN otp_challenges.phone IS '接收手机号 Phone the code was sent to';
COMMENT ON COLUMN otp_challenges.code_hash IS '验证码 argon2id 哈希 Code hash (argon2id)';
COMMENT ON COLUMN otp_challenges.expires_at IS '过期时间 Expires at';
COMMENT ON COLUMN otp_challenges.attempts IS '已尝试次数 Attempts so far';
COMMENT ON COLUMN otp_challenges.consumed_at IS '使用或作废时间 Used or voided at';
COMMENT ON COLUMN otp_challenges.ip IS '请求发送的IP Requesting IP';
COMMENT ON COLUMN otp_challenges.created_at IS '发送时间 Sent at';

ALTER TABLE users ADD COLUMN password_changed_at timestamptz;
COMMENT ON COLUMN users.password_changed_at IS '密码设置或重置时间 When the password was last set or reset';
