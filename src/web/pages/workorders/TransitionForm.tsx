import { useState } from 'react';
import { Button, Checkbox, Input, Radio, Select, Space } from 'antd';
import { workOrdersApi, type OrderTransition, type WorkOrder } from '../../api/oversight.ts';
import { Field } from '../../components/staff/Field.tsx';
import { ApiErrorAlert } from '../../components/staff/ApiErrorAlert.tsx';
import { agencyOptions, useAgencies } from '../../components/staff/useAgencies.ts';
import { useT } from '../../i18n/i18n.tsx';
import { woMessages } from '../../i18n/oversight.ts';
import { staffMessages } from '../../i18n/staff.ts';

type V = Record<string, string | boolean | undefined>;
/** Which text each transition needs, under the body field name the API takes. */
const TEXT: Partial<Record<OrderTransition, { key: string; required: boolean; label: 'note' | 'noteOptional' | 'reason' | 'finding' | 'resolution' }>> = {
  dispatch: { key: 'note', required: false, label: 'noteOptional' }, sign: { key: 'note', required: false, label: 'noteOptional' }, return: { key: 'reason', required: true, label: 'reason' },
  contact: { key: 'note', required: true, label: 'note' }, verify: { key: 'finding', required: true, label: 'finding' }, finish: { key: 'resolution', required: true, label: 'resolution' },
  callback: { key: 'note', required: false, label: 'noteOptional' }, close: { key: 'note', required: false, label: 'noteOptional' }, appeal: { key: 'reason', required: true, label: 'reason' },
  'decide-appeal': { key: 'note', required: true, label: 'note' },
};

/** The form of one transition and its submission; the answer is the updated order. */
export function TransitionForm({ order, action, onDone, onCancel, onRefresh }: { order: WorkOrder; action: OrderTransition; onDone: (o: WorkOrder) => void; onCancel: () => void; onRefresh: () => void }) {
  const t = useT(woMessages);
  const s = useT(staffMessages);
  const { agencies } = useAgencies();
  const [v, setV] = useState<V>({ outcome: action === 'verify' ? 'rectify' : 'satisfied', resolved: true, decision: 'rejected', agencyId: order.agencyId ?? undefined });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const text = TEXT[action];
  const set = (k: string, val: string | boolean | undefined) => setV((x) => ({ ...x, [k]: val }));
  const label = t(`t_${action}` as 't_sign');
  const submit = async () => {
    const e: Record<string, string> = {};
    const body: Record<string, unknown> = {};
    const note = String(v.text ?? '').trim();
    if (text) { if (text.required && !note) e.text = t('required'); if (note) body[text.key] = note; }
    if (action === 'dispatch') { if (!v.agencyId) e.agencyId = t('required'); body.agencyId = v.agencyId; }
    if (action === 'verify') body.outcome = v.outcome;
    if (action === 'callback') Object.assign(body, { outcome: v.outcome, resolved: v.resolved === true });
    if (action === 'decide-appeal') body.decision = v.decision;
    setErrors(e);
    if (Object.keys(e).length) return;
    setBusy(true);
    setFailure(null);
    try { onDone(await workOrdersApi.transition(order.id, action, body)); } catch (err) { setFailure(err); } finally { setBusy(false); }
  };
  return (
    <form aria-label={label} onSubmit={(e) => { e.preventDefault(); void submit(); }} style={{ marginTop: 12, padding: 12, border: '1px solid var(--tb-border)', borderRadius: 6, background: '#fafcff' }}>
      <h3 style={{ marginTop: 0 }}>{label}</h3>
      <ApiErrorAlert error={failure} onRefresh={onRefresh} />
      {action === 'dispatch' && <Field label={t('toAgency')} required error={errors.agencyId}><Select value={v.agencyId as string} onChange={(x) => set('agencyId', x)} options={agencyOptions(agencies)} showSearch optionFilterProp="label" /></Field>}
      {action === 'verify' && <Field label={t('verifyOutcome')} group><Radio.Group value={v.outcome} onChange={(e) => set('outcome', e.target.value)} options={(['rectify', 'explain'] as const).map((o) => ({ value: o, label: t(`vo_${o}`) }))} /></Field>}
      {action === 'callback' && (
        <>
          <Field label={t('cbOutcome')} group><Radio.Group value={v.outcome} onChange={(e) => set('outcome', e.target.value)} options={(['satisfied', 'basically_satisfied', 'unsatisfied'] as const).map((o) => ({ value: o, label: t(`cb_${o}`) }))} /></Field>
          <Checkbox checked={v.resolved === true} onChange={(e) => set('resolved', e.target.checked)} style={{ marginBottom: 12 }}>{t('resolved')}</Checkbox>
        </>
      )}
      {action === 'decide-appeal' && <Field label={t('decision')} group><Radio.Group value={v.decision} onChange={(e) => set('decision', e.target.value)} options={(['upheld', 'rejected'] as const).map((d) => ({ value: d, label: t(`d_${d}`) }))} /></Field>}
      {text && <Field label={t(text.label)} required={text.required} error={errors.text}><Input.TextArea value={(v.text as string) ?? ''} onChange={(e) => set('text', e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} /></Field>}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>{t('confirmAction', { action: label })}</Button>
        <Button onClick={onCancel}>{s('cancel')}</Button>
      </Space>
    </form>
  );
}
