import { useState } from 'react';
import { App, Button, Card, Input, InputNumber, Select } from 'antd';
import { workOrdersApi } from '../../api/oversight.ts';
import { Field } from '../../components/staff/Field.tsx';
import { ApiErrorAlert } from '../../components/staff/ApiErrorAlert.tsx';
import { agencyOptions, useAgencies } from '../../components/staff/useAgencies.ts';
import { useT } from '../../i18n/i18n.tsx';
import { woMessages } from '../../i18n/oversight.ts';

const INDICATORS = ['case_rating_rate', 'bad_rate', 'bad_rectified_rate', 'bad_rectified_on_time_rate', 'real_name_callback_rate', 'average_level', 'overdue_orders'];

/** 督办任务: a supervisor opens an order by hand, optionally derived from an indicator. */
export function CreateOrderForm({ onCreated }: { onCreated: () => void }) {
  const t = useT(woMessages);
  const { message } = App.useApp();
  const { agencies } = useAgencies();
  const [v, setV] = useState<{ agencyId?: string; title: string; content: string; indicatorKey?: string; dueDays?: number }>({ title: '', content: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const submit = async () => {
    const e: Record<string, string> = {};
    if (!v.agencyId) e.agencyId = t('required');
    if (!v.title.trim()) e.title = t('required');
    if (!v.content.trim()) e.content = t('required');
    setErrors(e);
    if (Object.keys(e).length) return;
    setFailure(null);
    try {
      const o = await workOrdersApi.create({ agencyId: v.agencyId!, title: v.title.trim(), content: v.content.trim(), ...(v.indicatorKey ? { indicatorKey: v.indicatorKey } : {}), ...(v.dueDays ? { dueDays: v.dueDays } : {}) });
      message.success(t('created', { no: o.orderNo }));
      setV({ title: '', content: '' });
      onCreated();
    } catch (err) { setFailure(err); }
  };
  return (
    <Card title={t('createTitle')} size="small" style={{ marginBottom: 16 }}>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} aria-label={t('createTitle')}>
        <ApiErrorAlert error={failure} />
        <Field label={t('colOwner')} required error={errors.agencyId}><Select value={v.agencyId} onChange={(x) => setV({ ...v, agencyId: x })} options={agencyOptions(agencies)} showSearch optionFilterProp="label" style={{ maxWidth: 320 }} /></Field>
        <Field label={t('title')} required error={errors.title}><Input value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} maxLength={200} /></Field>
        <Field label={t('contentLabel')} required error={errors.content}><Input.TextArea value={v.content} onChange={(e) => setV({ ...v, content: e.target.value })} autoSize={{ minRows: 3 }} maxLength={4000} /></Field>
        <Field label={t('indicatorKey')}><Select allowClear value={v.indicatorKey} onChange={(x) => setV({ ...v, indicatorKey: x })} options={INDICATORS.map((k) => ({ value: k, label: k }))} style={{ maxWidth: 320 }} /></Field>
        <Field label={t('dueDays')}><InputNumber min={1} max={60} precision={0} value={v.dueDays} onChange={(x) => setV({ ...v, dueDays: x ?? undefined })} /></Field>
        <Button type="primary" htmlType="submit">{t('createTitle')}</Button>
      </form>
    </Card>
  );
}
