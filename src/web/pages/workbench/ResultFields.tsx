import { Input, Radio } from 'antd';
import { Field } from '../../components/staff/Field.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { wbMessages } from '../../i18n/workbench.ts';

type T = (key: keyof (typeof wbMessages)['zh-CN'], vars?: Record<string, string | number>) => string;
export type ResultValues = Partial<Record<'licenceName' | 'licenceNo' | 'validFrom' | 'validUntil' | 'issuer' | 'note', string>>;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** 办结 result details: the licence or approval issued, its number and validity. */
export function ResultFields({ values, onChange, errors }: { values: ResultValues; onChange: (v: ResultValues) => void; errors: Record<string, string> }) {
  const t = useT(wbMessages);
  const input = (k: keyof ResultValues, type = 'text') => (
    <Field label={t(k === 'note' ? 'resultNote' : k)} error={errors[k]}>
      <Input type={type} value={values[k] ?? ''} onChange={(e) => onChange({ ...values, [k]: e.target.value })} style={{ maxWidth: type === 'date' ? 200 : 420 }} />
    </Field>
  );
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', columnGap: 16 }}>
      {input('licenceName')}{input('licenceNo')}{input('issuer')}{input('validFrom', 'date')}{input('validUntil', 'date')}{input('note')}
    </div>
  );
}

export function resultBody(v: ResultValues, t: T) {
  const errors: Record<string, string> = {};
  const result: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) if (val?.trim()) result[k] = val.trim();
  for (const k of ['validFrom', 'validUntil'] as const) if (result[k] && !DAY.test(result[k])) errors[k] = t('invalidDate');
  return { result, errors };
}

/** 送达: self pick-up, express post (carrier and tracking number) or electronic delivery. */
export function DeliveryFields({ values, set, errors }: { values: Record<string, string | number | undefined>; set: (k: string, v: string) => void; errors: Record<string, string> }) {
  const t = useT(wbMessages);
  return (
    <>
      <Field label={t('deliveryMethod')} group>
        <Radio.Group value={values.method} onChange={(e) => set('method', e.target.value)} options={(['self_pickup', 'express', 'electronic'] as const).map((m) => ({ value: m, label: t(`dm_${m}`) }))} />
      </Field>
      {values.method === 'express' && (
        <>
          <Field label={t('carrier')}><Input value={(values.carrier as string) ?? ''} onChange={(e) => set('carrier', e.target.value)} style={{ maxWidth: 240 }} maxLength={50} /></Field>
          <Field label={t('trackingNo')} required error={errors.trackingNo}><Input value={(values.trackingNo as string) ?? ''} onChange={(e) => set('trackingNo', e.target.value)} style={{ maxWidth: 300 }} maxLength={64} /></Field>
        </>
      )}
      <Field label={t('deliveryNote')}><Input value={(values.deliveryNote as string) ?? ''} onChange={(e) => set('deliveryNote', e.target.value)} maxLength={500} /></Field>
    </>
  );
}

export function deliveryBody(v: Record<string, string | number | undefined>, t: T) {
  const errors: Record<string, string> = {};
  const s = (k: string) => String(v[k] ?? '').trim();
  if (v.method === 'express' && !s('trackingNo')) errors.trackingNo = t('trackingRequired');
  const delivery: Record<string, string> = { method: String(v.method) };
  if (v.method === 'express') Object.assign(delivery, s('carrier') ? { carrier: s('carrier') } : {}, { trackingNo: s('trackingNo') });
  if (s('deliveryNote')) delivery.note = s('deliveryNote');
  return { delivery, errors };
}
