import type { FormData, FormSchema, PrefillKey } from '../../shared/form-schema.ts';
import type { Me } from '../session/session.tsx';
import { fieldTree, getAt, leaves, setAt } from './fields.ts';

/** The profile values a form may be prefilled with (x-ui.prefill), from the verified identity of the session. */
export function profileValues(me: Me | null): Partial<Record<PrefillKey, string>> {
  if (!me) return {};
  const out: Partial<Record<PrefillKey, string>> = {};
  if (me.kind !== 'staff') {
    if (me.name) out['person.name'] = me.name;
    if (me.idCard) out['person.idCard'] = me.idCard;
    if (me.phone) out['person.phone'] = me.phone;
  }
  if (me.actingFor) {
    out['enterprise.name'] = me.actingFor.name;
    out['enterprise.uscc'] = me.actingFor.uscc;
  }
  return out;
}

/**
 * Fills empty prefill fields; never overwrites what the applicant (or a saved draft) already has.
 * Returns the new data and the paths filled, so the form can say "filled from your identity".
 */
export function applyPrefill(schema: FormSchema, data: FormData, me: Me | null): { data: FormData; filled: string[] } {
  const profile = profileValues(me);
  let next = data;
  const filled: string[] = [];
  for (const f of leaves(fieldTree(schema))) {
    const key = f.schema['x-ui']?.prefill;
    const value = key ? profile[key] : undefined;
    if (value !== undefined && (getAt(next, f.path) === undefined || getAt(next, f.path) === '')) {
      next = setAt(next, f.path, value);
      filled.push(f.path);
    }
  }
  return { data: next, filled };
}

/** Schema defaults for fields the data does not have yet. */
export function applyDefaults(schema: FormSchema, data: FormData): FormData {
  let next = data;
  for (const f of leaves(fieldTree(schema))) {
    if (f.schema.default !== undefined && getAt(next, f.path) === undefined) next = setAt(next, f.path, f.schema.default);
  }
  return next;
}
