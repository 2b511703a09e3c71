import { Button, Checkbox, Input, InputNumber, Select, Table } from 'antd';
import { useT } from '../../../i18n/i18n.tsx';
import { adminMessages } from '../../../i18n/admin.ts';

type M = Record<string, unknown>;
const blank: M = { name: '', source: '申请人自备', originals: 1, copies: 0, medium: 'both', required: true, exemptable: false, eLicenceType: null, note: null, count: 1, maxSizeMb: 10 };

/** 申请材料: one row per material with the fields the guide shows; blank/sample forms keep their uploaded files. */
export function MaterialsEditor({ value, onChange }: { value: M[]; onChange: (v: M[]) => void }) {
  const t = useT(adminMessages);
  const set = (i: number, k: string, v: unknown) => onChange(value.map((m, j) => (j === i ? { ...m, [k]: v } : m)));
  const label = (k: string, i: number) => `${k} ${i + 1}`;
  return (
    <>
      <Table<M> rowKey={(_, i) => String(i)} dataSource={value} pagination={false} size="small" scroll={{ x: 1100 }}
        columns={[
          { title: t('matName'), key: 'name', render: (_, m, i) => <Input aria-label={label(t('matName'), i)} value={String(m.name ?? '')} onChange={(e) => set(i, 'name', e.target.value)} /> },
          { title: t('matSource'), key: 'source', width: 150, render: (_, m, i) => <Input aria-label={label(t('matSource'), i)} value={String(m.source ?? '')} onChange={(e) => set(i, 'source', e.target.value)} /> },
          { title: t('matRequired'), key: 'required', width: 70, render: (_, m, i) => <Checkbox aria-label={label(t('matRequired'), i)} checked={m.required === true} onChange={(e) => set(i, 'required', e.target.checked)} /> },
          { title: t('matExemptable'), key: 'ex', width: 80, render: (_, m, i) => <Checkbox aria-label={label(t('matExemptable'), i)} checked={m.exemptable === true} onChange={(e) => set(i, 'exemptable', e.target.checked)} /> },
          { title: t('matELicence'), key: 'el', width: 160, render: (_, m, i) => <Input aria-label={label(t('matELicence'), i)} value={String(m.eLicenceType ?? '')} onChange={(e) => set(i, 'eLicenceType', e.target.value || null)} /> },
          { title: t('matOriginals'), key: 'o', width: 90, render: (_, m, i) => <InputNumber aria-label={label(t('matOriginals'), i)} min={0} max={99} value={m.originals as number} onChange={(v) => set(i, 'originals', v ?? 0)} /> },
          { title: t('matCopies'), key: 'c', width: 90, render: (_, m, i) => <InputNumber aria-label={label(t('matCopies'), i)} min={0} max={99} value={m.copies as number} onChange={(v) => set(i, 'copies', v ?? 0)} /> },
          { title: t('matMedium'), key: 'md', width: 130, render: (_, m, i) => <Select aria-label={label(t('matMedium'), i)} value={m.medium as string} onChange={(v) => set(i, 'medium', v)} style={{ width: 120 }} options={(['paper', 'electronic', 'both'] as const).map((x) => ({ value: x, label: t(`md_${x}`) }))} /> },
          { title: t('matNote'), key: 'note', render: (_, m, i) => <Input aria-label={label(t('matNote'), i)} value={String(m.note ?? '')} onChange={(e) => set(i, 'note', e.target.value || null)} /> },
          { title: '', key: 'x', width: 50, render: (_, __, i) => <Button aria-label={t('matRemove', { n: i + 1 })} onClick={() => onChange(value.filter((_, j) => j !== i))}>×</Button> },
        ]} />
      <Button style={{ marginTop: 8 }} onClick={() => onChange([...value, { ...blank }])}>{t('matAdd')}</Button>
    </>
  );
}
