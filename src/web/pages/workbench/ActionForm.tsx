import { useEffect, useState } from 'react';
import { Button, Input, InputNumber, Radio, Select, Space } from 'antd';
import { workbenchApi, type CaseAction, type StaffCase } from '../../api/staff.ts';
import { adminApi, type StaffRow } from '../../api/admin.ts';
import { Field } from '../../components/staff/Field.tsx';
import { ApiErrorAlert } from '../../components/staff/ApiErrorAlert.tsx';
import { agencyOptions, useAgencies } from '../../components/staff/useAgencies.ts';
import { CorrectionRows, correctionItems, type CorrectionRow } from './CorrectionRows.tsx';
import { ResultFields, DeliveryFields, resultBody, deliveryBody, type ResultValues } from './ResultFields.tsx';
import type { Allowed } from './caseActions.ts';
import { useT } from '../../i18n/i18n.tsx';
import { wbMessages } from '../../i18n/workbench.ts';
import { staffMessages } from '../../i18n/staff.ts';

type V = Record<string, string | number | undefined>;
const REASON: CaseAction[] = ['not_accept', 'send_back', 'transfer', 'add_signer', 'remove_signer', 'withdraw', 'special'];
const OPINION: CaseAction[] = ['accept', 'pass', 'approve', 'deny'];

/**
 * The form one action needs, and its submission with the case version seen. Required inputs are checked here
 * first (so the clerk is told at the field), then the server's answer — including a 409 — is shown above.
 */
export function ActionForm({ c, action, allowed, onDone, onCancel, onRefresh, fieldLabels }: {
  c: StaffCase; action: CaseAction; allowed: Allowed; onDone: (a: CaseAction) => void; onCancel: () => void; onRefresh: () => void; fieldLabels: Record<string, string>;
}) {
  const t = useT(wbMessages);
  const s = useT(staffMessages);
  const { agencies } = useAgencies();
  const [v, setV] = useState<V>({ outcome: c.outcome === 'denied' ? 'denied' : 'approved', method: 'self_pickup', kind: c.status === 'suspended' ? 'resume' : 'extend', mode: 'pool', toAgencyId: c.agencyId });
  const [rows, setRows] = useState<CorrectionRow[]>([{ kind: 'material', ref: '', problem: '' }]);
  const [result, setResult] = useState<ResultValues>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [staff, setStaff] = useState<StaffRow[] | null>(null);
  const set = (k: string, val: string | number | undefined) => setV((x) => ({ ...x, [k]: val }));
  useEffect(() => {
    if (action !== 'transfer' && action !== 'add_signer') return;
    // Listing colleagues needs an admin role; without it the pool transfer (agency + role) is still offered.
    adminApi.staff(c.agencyId).then((r) => setStaff(r.items.filter((u) => u.active)), () => setStaff([]));
  }, [action, c.agencyId]);

  const label = t(`a_${action}` as 'a_accept');
  const build = (): { body?: Record<string, unknown>; errors: Record<string, string> } => {
    const e: Record<string, string> = {};
    const body: Record<string, unknown> = { version: c.version, ...(allowed.step ? { taskId: allowed.step.id } : {}) };
    const text = (k: string) => String(v[k] ?? '').trim();
    if (REASON.includes(action)) { if (!text('reason')) e.reason = t('reasonRequired'); else body.reason = text('reason'); }
    if (OPINION.includes(action)) { if (action === 'deny' && !text('opinion')) e.opinion = t('reasonRequired'); if (text('opinion')) body.opinion = text('opinion'); }
    if (action === 'send_back') { if (!v.toNode) e.toNode = t('chooseNode'); else body.toNode = v.toNode; }
    if (action === 'request_correction') { const items = correctionItems(rows); if (!items) e.items = t('corrNeedOne'); else body.items = items; if (text('notice')) body.notice = text('notice'); }
    if (action === 'transfer') {
      if (v.mode === 'user') { if (!v.toUserId) e.toUserId = s('required'); else body.toUserId = v.toUserId; }
      else { if (!v.toAgencyId) e.toAgencyId = s('required'); if (!v.toRole) e.toRole = s('required'); Object.assign(body, { toAgencyId: v.toAgencyId, toRole: v.toRole }); }
    }
    if (action === 'add_signer') { if (!v.userId) e.userId = s('required'); else body.userId = v.userId; }
    if (action === 'remove_signer') { if (!v.signerTaskId) e.signerTaskId = s('required'); else body.signerTaskId = v.signerTaskId; }
    if (action === 'special') { body.kind = v.kind; if (v.kind === 'extend') { const d = Number(v.days); if (!Number.isInteger(d) || d < 1 || d > 365) e.days = t('daysRange'); else body.days = d; } }
    if (action === 'urge' && text('message')) body.message = text('message');
    if (action === 'complete') { const r = resultBody(result, t); Object.assign(e, r.errors); Object.assign(body, { outcome: v.outcome, result: r.result }); if (text('opinion')) body.opinion = text('opinion'); }
    if (action === 'deliver') { const d = deliveryBody(v, t); Object.assign(e, d.errors); body.delivery = d.delivery; }
    return { body: Object.keys(e).length ? undefined : body, errors: e };
  };
  const submit = async () => {
    const { body, errors: e } = build();
    setErrors(e);
    if (!body) return;
    setBusy(true);
    setFailure(null);
    try {
      await workbenchApi.act(c.id, action, body);
      onDone(action);
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  const area = (k: string, lab: string, req = false) => (
    <Field label={lab} required={req} error={errors[k]}><Input.TextArea value={(v[k] as string) ?? ''} onChange={(e) => set(k, e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} /></Field>
  );
  const staffOptions = (staff ?? []).map((u) => ({ value: u.id, label: `${u.name}（${u.login}）` }));
  return (
    <form aria-label={label} onSubmit={(e) => { e.preventDefault(); void submit(); }} style={{ marginTop: 12, padding: 12, border: '1px solid var(--tb-border)', borderRadius: 6, background: '#fafcff' }}>
      <h3 style={{ marginTop: 0 }}>{label}</h3>
      <ApiErrorAlert error={failure} onRefresh={onRefresh} />
      {action === 'send_back' && (
        <Field label={t('toNode')} required error={errors.toNode}><Select value={v.toNode as string} onChange={(x) => set('toNode', x)} options={allowed.sendBackTargets.map((n) => ({ value: n.id, label: n.name }))} placeholder={t('chooseNode')} /></Field>
      )}
      {action === 'request_correction' && (<><CorrectionRows c={c} rows={rows} onChange={setRows} fieldLabels={fieldLabels} />{errors.items && <div className="tb-field-error" role="alert">{errors.items}</div>}{area('notice', t('corrNotice'))}</>)}
      {action === 'transfer' && (
        <>
          <Field label={t('transferTo')} group><Radio.Group value={v.mode} onChange={(e) => set('mode', e.target.value)} options={[{ value: 'pool', label: t('transferPool') }, ...(staffOptions.length ? [{ value: 'user', label: t('transferUser') }] : [])]} /></Field>
          {v.mode === 'user' ? (
            <Field label={t('toUser')} required error={errors.toUserId}><Select value={v.toUserId as string} onChange={(x) => set('toUserId', x)} options={staffOptions} showSearch optionFilterProp="label" /></Field>
          ) : (
            <Space wrap>
              <Field label={t('toAgency')} required error={errors.toAgencyId}><Select style={{ width: 240 }} value={v.toAgencyId as string} onChange={(x) => set('toAgencyId', x)} options={agencyOptions(agencies)} showSearch optionFilterProp="label" /></Field>
              <Field label={t('toRole')} required error={errors.toRole}><Select style={{ width: 180 }} value={v.toRole as string} onChange={(x) => set('toRole', x)} options={(['window_clerk', 'reviewer', 'approver'] as const).map((r) => ({ value: r, label: s(`role_${r}`) }))} /></Field>
            </Space>
          )}
        </>
      )}
      {action === 'add_signer' && <Field label={t('signer')} required error={errors.userId}><Select value={v.userId as string} onChange={(x) => set('userId', x)} options={staffOptions} showSearch optionFilterProp="label" notFoundContent={staff === null ? s('view') : s('none')} /></Field>}
      {action === 'remove_signer' && (
        <Field label={t('signerTask')} required error={errors.signerTaskId}><Select value={v.signerTaskId as string} onChange={(x) => set('signerTaskId', x)} options={allowed.signerTasks.map((st) => ({ value: st.id, label: `${st.nodeName} · ${st.actorName ?? st.role ?? st.assigneeUserId ?? st.id.slice(0, 8)}` }))} /></Field>
      )}
      {action === 'special' && (
        <>
          <Field label={t('specialKind')} group><Radio.Group value={v.kind} onChange={(e) => set('kind', e.target.value)} options={(c.status === 'suspended' ? ['resume'] : ['extend', 'pause']).map((k) => ({ value: k, label: t(`sp_${k}` as 'sp_extend') }))} /></Field>
          {v.kind === 'extend' && <Field label={t('days')} required error={errors.days}><InputNumber min={1} max={365} precision={0} value={v.days as number} onChange={(x) => set('days', x ?? undefined)} /></Field>}
        </>
      )}
      {action === 'complete' && (<><Field label={t('outcome')} group><Radio.Group value={v.outcome} onChange={(e) => set('outcome', e.target.value)} options={['approved', 'denied'].map((o) => ({ value: o, label: t(`oc_${o}` as 'oc_approved') }))} /></Field><ResultFields values={result} onChange={setResult} errors={errors} /></>)}
      {action === 'deliver' && <DeliveryFields values={v} set={set} errors={errors} />}
      {action === 'urge' && area('message', t('urgeMessage'))}
      {OPINION.includes(action) && area('opinion', action === 'deny' ? t('opinion') : t('opinionOptional'), action === 'deny')}
      {action === 'complete' && area('opinion', t('opinionOptional'))}
      {REASON.includes(action) && area('reason', t('reason'), true)}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy} danger={['not_accept', 'deny'].includes(action)}>{t('runAction', { action: label })}</Button>
        <Button onClick={onCancel}>{s('cancel')}</Button>
      </Space>
    </form>
  );
}
