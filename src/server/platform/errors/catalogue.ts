/**
 * The one error catalogue. Every error the API returns has a stable code from here, an HTTP status and a
 * Chinese message; modules add their codes below in their own section instead of inventing ad-hoc errors.
 */
export const errorCatalogue = {
  // 通用 general
  VALIDATION_FAILED: { status: 400, title: '请求参数不符合要求' },
  MALFORMED_JSON: { status: 400, title: '请求内容不是合法的 JSON' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: '不支持的内容类型' },
  PAYLOAD_TOO_LARGE: { status: 413, title: '提交的内容过大' },
  NOT_FOUND: { status: 404, title: '请求的资源不存在' },
  ROUTE_NOT_FOUND: { status: 404, title: '接口不存在' },
  METHOD_NOT_ALLOWED: { status: 405, title: '不支持该请求方法' },
  UNAUTHENTICATED: { status: 401, title: '请先登录' },
  FORBIDDEN: { status: 403, title: '无权执行此操作' },
  CSRF_FAILED: { status: 403, title: '请求校验失败，请刷新页面后重试' },
  RATE_LIMITED: { status: 429, title: '操作过于频繁，请稍后再试' },
  CONFLICT: { status: 409, title: '数据已被他人修改，请刷新后重试' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: '同一幂等键不能用于不同的请求内容' },
  INTERNAL: { status: 500, title: '系统内部错误' },
  SERVICE_UNAVAILABLE: { status: 503, title: '服务暂不可用' },

  // 身份 identity
  INVALID_ID_CARD: { status: 400, title: '居民身份证号码不正确' },
  INVALID_USCC: { status: 400, title: '统一社会信用代码不正确' },
  INVALID_REGION_CODE: { status: 400, title: '行政区划代码不正确' },
  INVALID_CREDENTIALS: { status: 401, title: '账号或密码错误' },
  ACCOUNT_LOCKED: { status: 423, title: '账号已被临时锁定，请稍后再试' },
  INVALID_OTP: { status: 401, title: '验证码错误或已过期' },
  DEMO_MODE_ONLY: { status: 404, title: '仅演示模式可用' },
  AUTHORIZATION_NOT_VALID: { status: 403, title: '代办授权无效或已过期' },
  DUPLICATE_ACCOUNT: { status: 409, title: '账号已存在' },

  // 身份：OIDC 登录、授权代办、机构与人员管理 identity: OIDC login, agent authorisations, administration
  OIDC_LOGIN_EXPIRED: { status: 400, title: '登录已超时或已完成，请重新登录' },
  OIDC_LOGIN_FAILED: { status: 401, title: '统一身份认证登录失败' },
  UNKNOWN_ACCOUNT: { status: 401, title: '未找到与该身份对应的账号，请到综合窗口登记' },
  ACCOUNT_DISABLED: { status: 403, title: '账号已停用' },
  INVALID_PHONE: { status: 400, title: '手机号码不正确' },
  AUTHORIZATION_EXISTS: { status: 409, title: '该人员已有有效的代办授权，请先撤销' },
  AUTHORIZATION_NOT_ACTIVE: { status: 409, title: '该授权已撤销或已过期' },
  LEGAL_REPRESENTATIVE_ONLY: { status: 403, title: '仅企业法定代表人可管理代办授权' },
  AGENCY_EXISTS: { status: 409, title: '机构标识或统一社会信用代码已存在' },
  AGENCY_CYCLE: { status: 400, title: '上级机构不能是本机构或其下级机构' },
  ROLE_NOT_GRANTABLE: { status: 403, title: '您不能授予该角色' },

  // 事项 catalogue
  INVALID_ITEM_CODE: { status: 400, title: '事项编码不正确' },
  ITEM_NOT_PUBLISHED: { status: 409, title: '事项未发布' },
  ITEM_CODE_TAKEN: { status: 409, title: '事项编码已存在' },
  VERSION_NOT_EDITABLE: { status: 409, title: '已发布的版本不能修改，请创建新版本' },
  ITEM_KEY_TAKEN: { status: 409, title: '事项标识已被使用' },
  NO_DRAFT_TO_PUBLISH: { status: 409, title: '没有可发布的草稿版本' },
  HALL_NOT_FOUND: { status: 404, title: '大厅不存在' },

  // 日历 calendar
  INVALID_DATE: { status: 400, title: '日期格式应为 YYYY-MM-DD' },
  DATE_OUT_OF_RANGE: { status: 400, title: '日期超出工作日历范围' },
  CALENDAR_MAKEUP_NOT_WEEKEND: { status: 400, title: '调休上班日应为周六或周日' },

  // 消息 notifications
  MESSAGE_TEMPLATE_MISSING: { status: 500, title: '消息模板不存在' },
  TEMPLATE_VARIABLE_UNKNOWN: { status: 400, title: '消息模板使用了不存在的变量' },

  // 材料 materials
  FILE_TYPE_NOT_ALLOWED: { status: 415, title: '不支持的文件类型' },
  FILE_TOO_LARGE: { status: 413, title: '文件超过大小限制' },
  FILE_EMPTY: { status: 400, title: '文件为空' },

  // 数据交换 exchange
  EXCHANGE_RECORD_NOT_RETRYABLE: { status: 409, title: '只有被拒或重试耗尽的推送记录可以重新推送' },

  // 办件 cases
  FORM_INVALID: { status: 422, title: '申请表填写有误' },
  MATERIALS_MISSING: { status: 422, title: '缺少必要材料' },
  CASE_STATE_CONFLICT: { status: 409, title: '办件当前状态不允许此操作' },
  CASE_CONCURRENT_UPDATE: { status: 409, title: '该办件刚被他人处理，请刷新后查看最新状态' },
  ACTION_NOT_ALLOWED: { status: 403, title: '您在该环节无权执行此操作' },
  TASK_ALREADY_CLAIMED: { status: 409, title: '该任务已被他人签收' },
  PROCESS_DEFINITION_INVALID: { status: 400, title: '流程定义不正确' },
  APPLICANT_INVALID: { status: 422, title: '申请人信息不正确' },
  CHANNEL_NOT_OFFERED: { status: 422, title: '该事项不支持此申请渠道' },
  ITEM_NOT_APPLICABLE: { status: 422, title: '该事项不能在线申请' },
  MATERIAL_INVALID: { status: 422, title: '材料提交方式或文件不正确' },
  SITUATION_INVALID: { status: 422, title: '业务办理项不正确' },
  VISIT_STATE_CONFLICT: { status: 409, title: '该现场服务记录已结束' },
  ARCHIVE_NOT_READY: { status: 409, title: '办件尚未办结，暂无电子档案' },

  // 评价与工单 ratings and work orders
  ALREADY_RATED: { status: 409, title: '该办件已评价' },
  RATING_NOT_ALLOWED: { status: 403, title: '当前不能评价' },
  WORK_ORDER_STATE_CONFLICT: { status: 409, title: '工单当前状态不允许此操作' },
  WORK_ORDER_RETURN_FORBIDDEN: { status: 409, title: '带文字的差评工单不得退单' },
  IMPORT_FILE_INVALID: { status: 400, title: '导入文件格式不正确' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof errorCatalogue;
