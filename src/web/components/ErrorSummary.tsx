import { useEffect, useRef } from 'react';
import { leaves, type Field } from '../form/fields.ts';
import { focusField } from '../form/useSchemaForm.ts';
import { useT } from '../i18n/i18n.tsx';
import { formMessages } from '../form/messages.ts';

/**
 * The list of what to fix, shown above a form after a failed "next" or submit (GOV.UK pattern, WCAG 3.3.1):
 * it takes focus so screen readers read it, and each entry links to (and focuses) its field. Plain HTML, so
 * the PC, mobile and kiosk skins all use it.
 */
export function ErrorSummary({ fields, errors, idPrefix, focusOn }: { fields: Field[]; errors: Record<string, string>; idPrefix: string; focusOn: number }) {
  const t = useT(formMessages);
  const ref = useRef<HTMLDivElement>(null);
  const labelOf = new Map(leaves(fields).map((f) => [f.path, f.label]));
  const entries = Object.entries(errors);
  useEffect(() => {
    if (focusOn && entries.length) ref.current?.focus();
    // Only when a new validation round asks for it, not on every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusOn]);
  if (!entries.length) return null;
  return (
    <div className="tb-error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="tb-error-summary-title">
      <h2 id="tb-error-summary-title">{t('errorSummary', { n: entries.length })}</h2>
      <p style={{ margin: '0 0 4px' }}>{t('errorSummaryHint')}</p>
      <ul>
        {entries.map(([path, message]) => (
          <li key={path}>
            <a
              href={`#${idPrefix}-${path.replace(/[^\w-]/g, '_')}`}
              onClick={(e) => {
                e.preventDefault();
                focusField(path, idPrefix);
              }}
            >
              {labelOf.get(path) ?? path}：{message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
