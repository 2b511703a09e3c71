import { Button, Input, Select } from 'antd';
import type { StaffCase } from '../../api/staff.ts';
import { useT } from '../../i18n/i18n.tsx';
import { wbMessages } from '../../i18n/workbench.ts';

export interface CorrectionRow { kind: 'material' | 'field' | 'other'; ref: string; problem: string }

/**
 * 一次性补正告知: one row per missing or wrong item, so the applicant gets the whole list at once. A row names a
 * material of the case or a form field (picked from the case, not typed) and says what is wrong with it.
 */
export function CorrectionRows({ c, rows, onChange, fieldLabels }: { c: StaffCase; rows: CorrectionRow[]; onChange: (r: CorrectionRow[]) => void; fieldLabels: Record<string, string> }) {
  const t = useT(wbMessages);
  const update = (i: number, patch: Partial<CorrectionRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch, ...(patch.kind ? { ref: '' } : {}) } : r)));
  const refOptions = (kind: CorrectionRow['kind']) =>
    kind === 'material' ? c.materials.map((m) => ({ value: m.materialId, label: m.name })) : Object.entries(fieldLabels).map(([k, label]) => ({ value: k, label }));
  return (
    <fieldset style={{ border: '1px solid var(--tb-border)', borderRadius: 6, padding: '8px 12px', marginBottom: 12 }}>
      <legend style={{ fontWeight: 500, width: 'auto', border: 0, fontSize: '1em', marginBottom: 0, padding: '0 4px' }}>{t('corrList')}</legend>
      {rows.map((r, i) => (
        <div key={i} style={{ display: 'grid', gridTemplateColumns: '120px 1fr 1.4fr auto', gap: 8, marginBottom: 8, alignItems: 'start' }}>
          <Select aria-label={`${t('corrKind')} ${i + 1}`} value={r.kind} onChange={(v) => update(i, { kind: v })}
            options={(['material', 'field', 'other'] as const).map((k) => ({ value: k, label: t(`k_${k}`) }))} />
          {r.kind === 'other' ? <span /> : (
            <Select aria-label={`${t('corrRef')} ${i + 1}`} value={r.ref || undefined} onChange={(v) => update(i, { ref: v })} options={refOptions(r.kind)} showSearch optionFilterProp="label" placeholder={t('corrRef')} />
          )}
          <Input.TextArea aria-label={`${t('corrProblem')} ${i + 1}`} value={r.problem} onChange={(e) => update(i, { problem: e.target.value })} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} placeholder={t('corrProblem')} />
          <Button onClick={() => onChange(rows.filter((_, j) => j !== i))} disabled={rows.length === 1} aria-label={t('corrRemove', { n: i + 1 })}>×</Button>
        </div>
      ))}
      <Button onClick={() => onChange([...rows, { kind: 'material', ref: '', problem: '' }])}>{t('corrAdd')}</Button>
    </fieldset>
  );
}

/** The rows as the API takes them: blank rows dropped; null when none is complete. */
export function correctionItems(rows: CorrectionRow[]) {
  const items = rows.filter((r) => r.problem.trim()).map((r) => ({ kind: r.kind, ...(r.kind !== 'other' && r.ref ? { ref: r.ref } : {}), problem: r.problem.trim() }));
  return items.length ? items : null;
}
