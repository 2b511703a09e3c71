import type { FormData } from '../../shared/form-schema.ts';
import { checkIdCard, checkUscc } from '../../server/platform/validation/identifiers.ts';
import { getAt, type Field } from './fields.ts';
import type { FormMessageKey } from './messages.ts';

/**
 * Field-level validation of the schema subset, run as the applicant types. It mirrors what the server checks so
 * most mistakes are caught before submit; the server stays the authority and its field errors are shown too.
 * ID card and USCC checks are the very validators the server uses (GB 11643 / GB 32100), reasons in Chinese.
 */
export type Translate = (key: FormMessageKey, vars?: Record<string, string | number>) => string;

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(v: string): boolean {
  if (!DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

function checkString(f: Field, v: string, t: Translate): string | undefined {
  const s = f.schema;
  if (s.minLength !== undefined && [...v].length < s.minLength) return t('minLength', { n: s.minLength });
  if (s.maxLength !== undefined && [...v].length > s.maxLength) return t('maxLength', { n: s.maxLength });
  if (f.widget === 'idCard') return checkIdCard(v).reason;
  if (f.widget === 'uscc') return checkUscc(v).reason;
  if (f.widget === 'phone' && !/^1\d{10}$/.test(v)) return t('phone');
  if ((f.widget === 'date' || s.format === 'date') && !validDate(v)) return t('date');
  if (s.format === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return t('email');
  if (s.pattern) {
    try {
      if (!new RegExp(s.pattern, 'u').test(v)) return t('pattern');
    } catch {
      /* a pattern the browser cannot compile is left to the server */
    }
  }
  return undefined;
}

function checkNumber(f: Field, v: unknown, t: Translate): string | undefined {
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n)) return t('number');
  const s = f.schema;
  if (s.type === 'integer' && !Number.isInteger(n)) return t('integer');
  if (s.minimum !== undefined && n < s.minimum) return t('minimum', { n: s.minimum });
  if (s.maximum !== undefined && n > s.maximum) return t('maximum', { n: s.maximum });
  if (s.exclusiveMinimum !== undefined && n <= s.exclusiveMinimum) return t('minimum', { n: s.exclusiveMinimum });
  if (s.exclusiveMaximum !== undefined && n >= s.exclusiveMaximum) return t('maximum', { n: s.exclusiveMaximum });
  return undefined;
}

export function validateField(f: Field, v: unknown, t: Translate): string | undefined {
  const chooses = !!f.options || f.widget === 'switch';
  // A declaration the applicant must tick (承诺) is `const: true`: unticked counts as missing.
  if (f.schema.const !== undefined && v !== f.schema.const && (f.required || !isEmpty(v))) return t('requiredChoice', { label: f.label });
  if (isEmpty(v)) return f.required ? t(chooses ? 'requiredChoice' : 'required', { label: f.label }) : undefined;
  if (f.options && !f.options.some((o) => o.value === v)) return t('enum');
  if (f.schema.type === 'number' || f.schema.type === 'integer') return checkNumber(f, v, t);
  if (typeof v === 'string') return checkString(f, v, t);
  return undefined;
}

/**
 * Every field's error, keyed by path. As in JSON Schema, the required fields of an optional group are only
 * required once the applicant starts filling that group.
 */
export function validateAll(fields: Field[], data: FormData, t: Translate, out: Record<string, string> = {}): Record<string, string> {
  for (const f of fields) {
    if (f.children) {
      const group = getAt(data, f.path);
      const started = !!group && typeof group === 'object' && Object.keys(group).length > 0;
      if (f.required || started) validateAll(f.children, data, t, out);
      continue;
    }
    const msg = validateField(f, getAt(data, f.path), t);
    if (msg) out[f.path] = msg;
  }
  return out;
}
