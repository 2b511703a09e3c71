import { useCallback, useMemo, useState } from 'react';
import type { FormData, FormSchema } from '../../shared/form-schema.ts';
import { useT } from '../i18n/i18n.tsx';
import { fieldTree, inputId, leaves, setAt, getAt, type Field } from './fields.ts';
import { formMessages } from './messages.ts';
import { validateAll, validateField } from './validate.ts';

/**
 * The state of one schema form, independent of the UI kit: values, errors (own and the server's), touched
 * fields. Skins (antd for PC/kiosk, antd-mobile for H5) render `fields` and call `change`/`blur`.
 */
export interface SchemaFormState {
  fields: Field[];
  values: FormData;
  errors: Record<string, string>;
  prefilled: Set<string>;
  change: (path: string, value: unknown) => void;
  blur: (path: string) => void;
  /** Validates everything; returns true when clean, else focuses the summary so it is read out. */
  validate: () => boolean;
  /** Shows the server's field errors (paths relative to the form). */
  setServerErrors: (errors: Record<string, string>) => void;
  reset: (values: FormData, prefilled?: string[]) => void;
  idPrefix: string;
}

export function useSchemaForm(schema: FormSchema, initial: FormData, opts: { idPrefix?: string; prefilled?: string[] } = {}): SchemaFormState {
  const t = useT(formMessages);
  const fields = useMemo(() => fieldTree(schema), [schema]);
  const byPath = useMemo(() => new Map(leaves(fields).map((f) => [f.path, f])), [fields]);
  const [values, setValues] = useState<FormData>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [prefilled, setPrefilled] = useState<Set<string>>(new Set(opts.prefilled ?? []));
  const idPrefix = opts.idPrefix ?? 'f';

  const recheck = useCallback(
    (path: string, v: unknown) => {
      const f = byPath.get(path);
      if (!f) return;
      const msg = validateField(f, v, t);
      setErrors((e) => {
        const next = { ...e };
        if (msg) next[path] = msg;
        else delete next[path];
        return next;
      });
    },
    [byPath, t],
  );

  const change = useCallback(
    (path: string, value: unknown) => {
      setValues((d) => setAt(d, path, value));
      // Re-validate while typing only once the field has been left (or flagged), so people are not scolded early.
      if (touched.has(path) || errors[path]) recheck(path, value);
    },
    [touched, errors, recheck],
  );

  const blur = useCallback(
    (path: string) => {
      setTouched((s) => new Set(s).add(path));
      recheck(path, getAt(values, path));
    },
    [values, recheck],
  );

  const validate = useCallback(() => {
    const found = validateAll(fields, values, t);
    setErrors(found);
    setTouched(new Set(byPath.keys()));
    return Object.keys(found).length === 0;
  }, [fields, values, t, byPath]);

  const setServerErrors = useCallback((server: Record<string, string>) => setErrors((e) => ({ ...e, ...server })), []);
  const reset = useCallback((v: FormData, filled: string[] = []) => {
    setValues(v);
    setErrors({});
    setTouched(new Set());
    setPrefilled(new Set(filled));
  }, []);

  return { fields, values, errors, prefilled, change, blur, validate, setServerErrors, reset, idPrefix };
}

/** Moves keyboard focus to a field's input (used by the error summary links). */
export function focusField(path: string, prefix = 'f') {
  const el = document.getElementById(inputId(path, prefix));
  if (el) {
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    el.focus({ preventScroll: true });
  }
}
