/**
 * The administrative service center (行政服务中心) whose window clerks take in applications for every
 * department (综窗). Process definitions name it as handler agency "center".
 */
export const CENTER_AGENCY_ID = process.env.TONGBAN_CENTER_AGENCY ?? 'mh-zwb';

/** Share of the time limit after which a case turns yellow (预警), unless TONGBAN_WARN_SHARE says otherwise. */
export const WARN_SHARE = Number(process.env.TONGBAN_WARN_SHARE ?? 0.8);

/** Chinese labels of the business actions (业务动作), used in step records, the timeline and audit. */
export const ACTION_LABELS: Record<string, string> = {
  submit: '提交申请',
  accept: '受理',
  not_accept: '不予受理',
  pass: '通过',
  send_back: '退回',
  request_correction: '补正告知',
  resubmit: '补正提交',
  correction_timeout: '补正超时',
  transfer: '转办',
  add_signer: '加签',
  remove_signer: '减签',
  withdraw: '撤回',
  urge: '催办',
  extend: '延长审批',
  pause: '特别程序暂停',
  resume: '特别程序恢复',
  approve: '准予',
  deny: '不予',
  complete: '办结',
  deliver: '送达',
  claim: '签收',
  auto: '系统处理',
  end: '流程结束',
  deadline_warning: '临期预警',
  overdue: '超期提醒',
};

/** Region code used in case numbers when an agency has none on record (闵行区, the district this deployment serves). */
export const DEFAULT_REGION_CODE = process.env.TONGBAN_REGION_CODE ?? '310112';

/** URL path of each business action under /api/v1/cases/:id/ (the routes and the staff view's allowedActions use it). */
export const ACTION_PATHS = {
  claim: 'claim', accept: 'accept', not_accept: 'not-accept', pass: 'pass', send_back: 'send-back', request_correction: 'corrections',
  transfer: 'transfer', add_signer: 'signers', remove_signer: 'signers/remove', withdraw: 'withdraw', urge: 'urge', special: 'special-procedure',
  approve: 'approve', deny: 'deny', complete: 'complete', deliver: 'deliver',
} as const;
