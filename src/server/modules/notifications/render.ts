import { AppError } from '../../platform/errors/app-error.js';

/** `{{name}}` placeholders; names are plain identifiers so a template cannot reach into anything else. */
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;
const MAX_VALUE_LENGTH = 200;

const shanghai = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

/** Senders pass instants as Date objects or as ISO 8601 strings (e.g. `deadline.toISOString()`). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant in Shanghai time; a deadline at the very end or start of a day reads as just the day (2026-10-22). */
function formatInstant(d: Date): string {
  const p = Object.fromEntries(shanghai.formatToParts(d).map((x) => [x.type, x.value]));
  const day = `${p.year}-${p.month}-${p.day}`;
  const time = `${p.hour === '24' ? '00' : p.hour}:${p.minute}`;
  return time === '23:59' || time === '00:00' ? day : `${day} ${time}`;
}

/** How a variable reads in a message: instants in Shanghai time, long values cut short. */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : formatInstant(v);
  if (typeof v === 'string' && ISO_INSTANT.test(v) && !Number.isNaN(Date.parse(v))) return formatInstant(new Date(v));
  const text = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

/**
 * Fills the placeholders in one pass, so a value that itself contains `{{…}}` is never expanded again.
 * A variable the caller did not give renders empty rather than failing the caller's business transaction.
 */
export function renderTemplate(text: string, vars: Record<string, unknown>): string {
  return text.replace(PLACEHOLDER, (_m, name: string) => formatValue(Object.hasOwn(vars, name) ? vars[name] : undefined));
}

export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/** An edited template may only use the variables its senders provide: a typo would otherwise send a blank. */
export function checkPlaceholders(text: string, allowed: string[], field: string): void {
  const unknown = placeholdersOf(text).filter((p) => !allowed.includes(p));
  if (unknown.length) {
    throw new AppError('TEMPLATE_VARIABLE_UNKNOWN', { detail: `模板使用了未提供的变量：${unknown.join('、')}；可用变量：${allowed.join('、') || '（无）'}`, field });
  }
}
