import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from 'react';

/**
 * A labelled control for staff forms: a real <label for>, the error tied by aria-describedby and aria-invalid,
 * and the required state said in words to screen readers (not aria-required on antd's Select wrapper, which
 * axe flags). The child is cloned with the id and aria attributes.
 */
export function Field({ label, error, help, required, children, group = false }: { label: ReactNode; error?: string | null; help?: ReactNode; required?: boolean; children: ReactElement; group?: boolean }) {
  const id = useId();
  const describedBy = [help && `${id}-help`, error && `${id}-err`].filter(Boolean).join(' ') || undefined;
  const props = group ? { 'aria-labelledby': `${id}-label`, 'aria-describedby': describedBy } : { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
  return (
    <div style={{ marginBottom: 12 }} role={group ? 'group' : undefined} aria-labelledby={group ? `${id}-label` : undefined}>
      <label id={`${id}-label`} htmlFor={group ? undefined : id} style={{ display: 'block', fontWeight: 500, marginBottom: 4 }}>
        {label}
        {required && <span className="tb-required" aria-hidden="true">*</span>}
        {required && <span className="tb-sr-only">（必填）</span>}
      </label>
      {isValidElement(children) ? cloneElement(children as ReactElement<Record<string, unknown>>, props) : children}
      {help && <div id={`${id}-help`} className="tb-field-help">{help}</div>}
      {error && <div id={`${id}-err`} className="tb-field-error" role="alert">{error}</div>}
    </div>
  );
}
