import { Checkbox, Input, InputNumber, Radio, Select, Space } from 'antd';
import { Field } from '../../../components/staff/Field.tsx';
import type { Content } from './content.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { adminMessages } from '../../../i18n/admin.ts';

type Set = (k: string, v: unknown) => void;
const TEXTS = ['legalBasis', 'conditions', 'location', 'hours', 'phone', 'supervisionPhone', 'resultName', 'resultType', 'scope', 'specialProcedures', 'intermediary', 'quantityLimit'] as const;

/** 指南要素 as text fields (the catalogue checks them when the draft is saved and in the guide check). */
export function GuideFields({ c, set }: { c: Content; set: Set }) {
  const t = useT(adminMessages);
  const fee = (c.fee as { charged: boolean; basis: string | null }) ?? { charged: false, basis: null };
  return (
    <div style={{ maxWidth: 900 }}>
      <Field label={t('name')} required><Input value={String(c.name ?? '')} onChange={(e) => set('name', e.target.value)} maxLength={200} /></Field>
      {TEXTS.map((k) => (
        <Field key={k} label={t(k)}>
          {['legalBasis', 'conditions', 'specialProcedures', 'intermediary'].includes(k)
            ? <Input.TextArea value={String(c[k] ?? '')} onChange={(e) => set(k, e.target.value || null)} autoSize={{ minRows: 2, maxRows: 10 }} />
            : <Input value={String(c[k] ?? '')} onChange={(e) => set(k, e.target.value || null)} />}
        </Field>
      ))}
      <Checkbox checked={fee.charged} onChange={(e) => set('fee', { ...fee, charged: e.target.checked })} style={{ marginBottom: 12 }}>{t('feeCharged')}</Checkbox>
      <Field label={t('feeBasis')}><Input value={fee.basis ?? ''} onChange={(e) => set('fee', { ...fee, basis: e.target.value || null })} /></Field>
      <Field label={t('changeNote')}><Input value={String(c.changeNote ?? '')} onChange={(e) => set('changeNote', e.target.value || null)} maxLength={500} /></Field>
    </div>
  );
}

/** 时限、渠道与服务标识. */
export function LimitFields({ c, set, processKeys }: { c: Content; set: Set; processKeys: string[] }) {
  const t = useT(adminMessages);
  const limit = (k: 'legalLimit' | 'committedLimit') => {
    const l = (c[k] as { days: number; unit: string }) ?? { days: 1, unit: 'working' };
    return (
      <Space wrap>
        <Field label={t(k)}><InputNumber min={0} max={3650} precision={0} value={l.days} onChange={(v) => set(k, { ...l, days: v ?? 0 })} /></Field>
        <Field label={t('unit')} group><Radio.Group value={l.unit} onChange={(e) => set(k, { ...l, unit: e.target.value })} options={(['working', 'natural'] as const).map((u) => ({ value: u, label: t(`u_${u}`) }))} /></Field>
      </Space>
    );
  };
  const channels = (c.channels as Record<string, boolean>) ?? {};
  const flag = (k: string) => <Checkbox key={k} checked={c[k] === true} onChange={(e) => set(k, e.target.checked)}>{t(k as 'haoban')}</Checkbox>;
  const guideFlag = (k: string) => <Checkbox key={k} checked={c[k] === true} onChange={(e) => set(k, e.target.checked)}>{t(k as 'appointment')}</Checkbox>;
  return (
    <div style={{ maxWidth: 900 }}>
      {limit('legalLimit')}
      {limit('committedLimit')}
      <Space wrap>
        <Field label={t('onlineDepth')}><InputNumber min={1} max={4} precision={0} value={c.onlineDepth as number} onChange={(v) => set('onlineDepth', v ?? 1)} /></Field>
        <Field label={t('visits')}><InputNumber min={0} max={9} precision={0} value={c.visits as number | null} onChange={(v) => set('visits', v)} /></Field>
        <Field label={t('correctionTimeoutDays')}><InputNumber min={1} max={365} precision={0} value={c.correctionTimeoutDays as number} onChange={(v) => set('correctionTimeoutDays', v ?? 30)} /></Field>
        <Field label={t('processKey')}><Select style={{ width: 200 }} value={c.processKey as string} onChange={(v) => set('processKey', v)} options={processKeys.map((k) => ({ value: k, label: k }))} /></Field>
      </Space>
      <Field label={t('channels')} group>
        <Space wrap>{(['pc', 'mobile', 'kiosk', 'window'] as const).map((k) => <Checkbox key={k} checked={channels[k] === true} onChange={(e) => set('channels', { ...channels, [k]: e.target.checked })}>{t(`ch_${k}`)}</Checkbox>)}</Space>
      </Field>
      <Field label={t('flags')} group><Space wrap>{flag('immediate')}{['haoban', 'kuaiban', 'noVisit', 'hallService'].map(flag)}{['appointment', 'payment', 'express'].map(guideFlag)}</Space></Field>
    </div>
  );
}
