-- Materials (申请材料 / 电子材料库): uploaded files with their digests, and the cases that use them.

CREATE TABLE material_uploads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_user_id uuid NOT NULL REFERENCES users(id),
  on_behalf_of_user_id uuid REFERENCES users(id),
  enterprise_id uuid REFERENCES enterprises(id),
  file_name text NOT NULL,
  mime text NOT NULL,
  ext text NOT NULL,
  size bigint NOT NULL CHECK (size > 0),
  sha256 char(64) NOT NULL,
  sm3 char(64) NOT NULL,
  storage_backend text NOT NULL CHECK (storage_backend IN ('local', 's3')),
  storage_key text NOT NULL,
  item_version_id text,
  material_id text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX material_uploads_owner ON material_uploads (owner_user_id, created_at DESC);
CREATE INDEX material_uploads_beneficiary ON material_uploads (on_behalf_of_user_id, created_at DESC) WHERE on_behalf_of_user_id IS NOT NULL;
CREATE INDEX material_uploads_sha256 ON material_uploads (sha256);
COMMENT ON TABLE material_uploads IS '上传的申请材料文件（电子材料库）Uploaded material files';
COMMENT ON COLUMN material_uploads.id IS '主键 Primary key';
COMMENT ON COLUMN material_uploads.owner_user_id IS '上传人（自然人本人，或窗口代扫的工作人员）Uploading user';
COMMENT ON COLUMN material_uploads.on_behalf_of_user_id IS '代谁上传（窗口代扫时的申请人）Applicant the clerk scanned for';
COMMENT ON COLUMN material_uploads.enterprise_id IS '上传时代表的企业 Enterprise acted for when uploading';
COMMENT ON COLUMN material_uploads.file_name IS '原始文件名（已去除路径）Original file name, path stripped';
COMMENT ON COLUMN material_uploads.mime IS '按文件内容识别的类型 MIME type detected from the content';
COMMENT ON COLUMN material_uploads.ext IS '按内容识别的扩展名 Extension detected from the content';
COMMENT ON COLUMN material_uploads.size IS '字节数 Size in bytes';
COMMENT ON COLUMN material_uploads.sha256 IS 'SHA-256 摘要（十六进制）SHA-256 digest, hex';
COMMENT ON COLUMN material_uploads.sm3 IS 'SM3 摘要（GB/T 32905，十六进制）SM3 digest, hex';
COMMENT ON COLUMN material_uploads.storage_backend IS '存储方式：local 本地目录 / s3 对象存储 Storage backend';
COMMENT ON COLUMN material_uploads.storage_key IS '按内容寻址的存储键 Content-addressed storage key';
COMMENT ON COLUMN material_uploads.item_version_id IS '上传时对应的事项版本（可空）Item version it was uploaded for';
COMMENT ON COLUMN material_uploads.material_id IS '上传时对应的材料清单项（可空）Guide material it was uploaded for';
COMMENT ON COLUMN material_uploads.created_at IS '上传时间 Uploaded at';

CREATE TABLE material_upload_links (
  upload_id uuid NOT NULL REFERENCES material_uploads(id),
  case_id text NOT NULL,
  agency_ids text[] NOT NULL,
  linked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (upload_id, case_id)
);
CREATE INDEX material_upload_links_case ON material_upload_links (case_id);
COMMENT ON TABLE material_upload_links IS '材料被哪些办件使用（办件模块写入，用于工作人员查看权限）Cases that use an upload';
COMMENT ON COLUMN material_upload_links.upload_id IS '上传的材料 Upload';
COMMENT ON COLUMN material_upload_links.case_id IS '使用该材料的办件 Case using it';
COMMENT ON COLUMN material_upload_links.agency_ids IS '可查看该材料的机构（办件的实施部门与协办部门）Agencies whose staff may view it';
COMMENT ON COLUMN material_upload_links.linked_at IS '关联时间 Linked at';
