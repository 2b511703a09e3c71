import type { FormData, FormSchema } from '../../shared/form-schema.ts';

/**
 * Turns an item's form schema into a tree of fields to render. A path is the dot-joined property names
 * (`applicant.idCard`), the same path the server reports in problem `errors[].field` under `form.`.
 */
export type Widget = 'text' | 'textarea' | 'number' | 'switch' | 'select' | 'radio' | 'date' | 'idCard' | 'uscc' | 'phone' | 'email' | 'hidden' | 'group';

export interface Field {
  path: string;
  name: string;
  label: string;
  schema: FormSchema;
  required: boolean;
  widget: Widget;
  help?: string;
  placeholder?: string;
  options?: { value: string | number; label: string }[];
  children?: Field[];
}

const KNOWN: Widget[] = ['text', 'textarea', 'number', 'switch', 'select', 'radio', 'date', 'idCard', 'uscc', 'phone', 'email', 'hidden'];

/** Widget names the catalog uses that map onto ours (input → text, checkbox → yes/no, month → text + pattern). */
const ALIASES: Record<string, Widget> = { input: 'text', checkbox: 'switch', month: 'text' };
/** A field prefilled from the identity is that identifier, so it gets the GB 11643 / GB 32100 check. */
const BY_PREFILL: Record<string, Widget> = { 'person.idCard': 'idCard', 'enterprise.uscc': 'uscc', 'person.phone': 'phone' };

export function widgetOf(s: FormSchema): Widget {
  const raw = s['x-ui']?.widget;
  const hinted = raw ? (ALIASES[raw] ?? (raw as Widget)) : undefined;
  if (s.type === 'object') return 'group';
  const prefill = s['x-ui']?.prefill;
  if (prefill && BY_PREFILL[prefill] && s.type === 'string') return BY_PREFILL[prefill];
  if (hinted && KNOWN.includes(hinted) && !(hinted === 'text' && (s.enum || s.type !== 'string'))) return hinted;
  if (s.enum) return s.enum.length <= 4 ? 'radio' : 'select';
  if (s.type === 'boolean') return 'switch';
  if (s.type === 'number' || s.type === 'integer') return 'number';
  if (s.format === 'date') return 'date';
  if (s.format === 'email') return 'email';
  if (s.format === 'idCard' || s.format === 'id-card') return 'idCard';
  if (s.format === 'uscc') return 'uscc';
  if (s.format === 'phone' || s.format === 'mobile') return 'phone';
  if ((s.maxLength ?? 0) > 120) return 'textarea';
  return 'text';
}

export function fieldTree(schema: FormSchema, parent = ''): Field[] {
  const props = Object.entries(schema.properties ?? {});
  const ordered = props
    .map(([name, s], i) => ({ name, s, order: s['x-ui']?.order ?? i }))
    .sort((a, b) => a.order - b.order);
  return ordered.map(({ name, s }) => {
    const path = parent ? `${parent}.${name}` : name;
    const widget = widgetOf(s);
    const names = s['x-ui']?.enumNames;
    return {
      path,
      name,
      label: s.title ?? name,
      schema: s,
      required: (schema.required ?? []).includes(name),
      widget,
      help: s['x-ui']?.help ?? s.description,
      placeholder: s['x-ui']?.placeholder,
      options: s.enum?.map((v, i) => ({ value: v, label: names?.[i] ?? String(v) })),
      children: widget === 'group' ? fieldTree(s, path) : undefined,
    };
  });
}

/** All leaf fields, depth first, in display order (used for validation and the error summary). */
export function leaves(fields: Field[]): Field[] {
  return fields.flatMap((f) => (f.children ? leaves(f.children) : [f]));
}

export function getAt(data: FormData, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as FormData)[k] : undefined), data);
}

/** Immutable set: returns a new object with the value at path replaced, creating intermediate objects. */
export function setAt(data: FormData, path: string, value: unknown): FormData {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) {
    const next = { ...data };
    if (value === undefined || value === '') delete next[head];
    else next[head] = value;
    return next;
  }
  const child = data[head] && typeof data[head] === 'object' ? (data[head] as FormData) : {};
  return { ...data, [head]: setAt(child, rest.join('.'), value) };
}

/** The DOM id of a field's input: stable, valid, derived from the path so error links can focus it. */
export function inputId(path: string, prefix = 'f'): string {
  return `${prefix}-${path.replace(/[^\w-]/g, '_')}`;
}
