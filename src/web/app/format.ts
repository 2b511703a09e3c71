import type { Lang } from '../i18n/i18n.tsx';

/** Dates and times as people in Shanghai read them, whatever the device's time zone. */
export function formatDateTime(iso: string | null | undefined, lang: Lang = 'zh-CN'): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
}

export function formatDate(value: string | null | undefined, lang: Lang = 'zh-CN'): string {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return lang === 'zh-CN' ? `${y}年${Number(m)}月${Number(d)}日` : value;
  }
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(lang, { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' }).format(d);
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** Shown instead of a raw status code when the API gives no label: the applicant-facing words for each state. */
export const CASE_STATUS_LABELS: Record<string, string> = {
  draft: '草稿', submitted: '已提交，待受理', pending_acceptance: '待受理', accepted: '已受理', in_review: '审查中', reviewing: '审查中',
  correction: '待补正', corrections_requested: '待补正', awaiting_correction: '待补正', approving: '审批中', in_approval: '审批中',
  approved: '准予许可', rejected: '不予许可', not_accepted: '不予受理', completed: '已办结', delivered: '已送达', closed: '已终止',
  withdrawn: '已撤回', correction_timeout: '补正超时', paused: '特别程序中',
};

export function statusLabel(status: string, label?: string): string {
  return label || CASE_STATUS_LABELS[status] || status;
}

/** Whether a case waits for the applicant's 补正. */
export function awaitsCorrection(status: string): boolean {
  return ['correction', 'corrections_requested', 'awaiting_correction'].includes(status);
}
