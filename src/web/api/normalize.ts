/**
 * Small, forgiving readers for API answers: the server modules are built in parallel, and a list may come as an
 * array or as { items }, a field as camelCase or snake_case. Pages only ever see the normalised shapes.
 */
export type Raw = Record<string, unknown>;

export function asList(v: unknown, ...keys: string[]): Raw[] {
  if (Array.isArray(v)) return v as Raw[];
  if (v && typeof v === 'object') {
    for (const k of [...keys, 'items', 'results', 'data', 'rows']) {
      const inner = (v as Raw)[k];
      if (Array.isArray(inner)) return inner as Raw[];
    }
  }
  return [];
}

/** The first present value among candidate names (camelCase first, then snake_case spellings). */
export function pick<T = unknown>(o: Raw | null | undefined, ...names: string[]): T | undefined {
  if (!o) return undefined;
  for (const n of names) {
    const v = o[n] ?? o[n.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)];
    if (v !== undefined && v !== null) return v as T;
  }
  return undefined;
}

export function str(o: Raw | null | undefined, ...names: string[]): string {
  const v = pick(o, ...names);
  return v === undefined ? '' : typeof v === 'object' ? (pick<string>(v as Raw, 'name', 'title', 'label') ?? '') : String(v);
}

export function optStr(o: Raw | null | undefined, ...names: string[]): string | null {
  const v = str(o, ...names);
  return v === '' ? null : v;
}

export function num(o: Raw | null | undefined, fallback: number, ...names: string[]): number {
  const v = Number(pick(o, ...names));
  return Number.isFinite(v) ? v : fallback;
}

export function bool(o: Raw | null | undefined, ...names: string[]): boolean {
  return pick(o, ...names) === true;
}

/** Renders any guide element value (text, list, yes/no, object with text) as one readable string. */
export function elementText(v: unknown, yes = '是', no = '否'): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? yes : no;
  if (Array.isArray(v)) return v.map((x) => elementText(x, yes, no)).filter(Boolean).join('；');
  if (typeof v === 'object') {
    const o = v as Raw;
    const main = pick(o, 'text', 'name', 'value', 'description', 'title');
    if (main !== undefined) {
      const note = pick(o, 'note', 'basis');
      return `${elementText(main, yes, no)}${note ? `（${elementText(note, yes, no)}）` : ''}`;
    }
    return Object.values(o).map((x) => elementText(x, yes, no)).filter(Boolean).join('，');
  }
  return String(v);
}
