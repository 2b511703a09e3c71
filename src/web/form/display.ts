import type { Field } from './fields.ts';

/** A field's value as text for review pages and case details (enum labels, yes/no). */
export function displayValue(f: Field, v: unknown): string {
  if (v === undefined || v === null || v === '') return '';
  if (f.options) return f.options.find((o) => o.value === v)?.label ?? String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
