import { useEffect, useState } from 'react';
import { Alert, Button, Input, Select, Space } from 'antd';
import { workbenchApi, type ResidentMatch } from '../../api/staff.ts';
import { ApiError } from '../../api/client.ts';
import { Field } from '../../components/staff/Field.tsx';
import { ApiErrorAlert } from '../../components/staff/ApiErrorAlert.tsx';
import { formatDateTime } from '../../app/format.ts';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { wbMessages } from '../../i18n/workbench.ts';

export interface Applicant { idCard: string; name: string; phone: string; uscc: string; resident: ResidentMatch | null; visitId: string | null; visitStartedAt: string | null; purpose: string }

/** Checks an identifier with POST /validate while the clerk types (debounced), so a typo shows before lookup. */
function useLiveCheck(type: 'idCard' | 'uscc', value: string, length: number) {
  const [verdict, setVerdict] = useState<{ valid: boolean; reason?: string } | null>(null);
  useEffect(() => {
    setVerdict(null);
    if (value.length < length) return;
    const timer = setTimeout(() => { workbenchApi.validate(type, value).then(setVerdict, () => setVerdict(null)); }, 250);
    return () => clearTimeout(timer);
  }, [type, value, length]);
  return verdict;
}

/**
 * 核验申请人: the ID card number (GB 11643, checked as typed), the resident account found by it (or registered on
 * the spot from the card), and the start of the on-site visit (到场时间), which the hall rating refers to.
 */
export function ApplicantStep({ value, onChange, hallId, windowId, onNext }: { value: Applicant; onChange: (a: Applicant) => void; hallId: string; windowId: string; onNext: () => void }) {
  const t = useT(wbMessages);
  const { lang } = useLang();
  const idCheck = useLiveCheck('idCard', value.idCard, 18);
  const usccCheck = useLiveCheck('uscc', value.uscc, 18);
  const [lookedUp, setLookedUp] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Applicant>) => onChange({ ...value, ...patch });
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try { await fn(); } catch (e) { setError(e); } finally { setBusy(false); }
  };
  const lookup = () => run(async () => {
    const r = await workbenchApi.lookupResident(value.idCard).catch((e) => { if (e instanceof ApiError && e.status === 404) return null; throw e; });
    set({ resident: r && 'id' in r ? r : null });
    setLookedUp(true);
  });
  const register = () => run(async () => set({ resident: await workbenchApi.registerResident({ idCard: value.idCard, name: value.name.trim(), phone: value.phone.trim() }) }));
  const startVisit = () => run(async () => {
    const v = await workbenchApi.openVisit({ purpose: value.purpose, hallId, windowId, applicantName: value.name.trim() || value.resident?.name });
    set({ visitId: v.id, visitStartedAt: v.startedAt ?? new Date().toISOString() });
  });
  const idOk = idCheck?.valid === true;
  return (
    <div style={{ maxWidth: 640 }}>
      <ApiErrorAlert error={error} />
      <Field label={t('idCard')} required error={idCheck && !idCheck.valid ? idCheck.reason ?? t('idCard') : null} help={idOk ? t('idCardValid') : undefined}>
        <Input value={value.idCard} onChange={(e) => { set({ idCard: e.target.value.toUpperCase().trim(), resident: null }); setLookedUp(false); }} maxLength={18} autoComplete="off" style={{ maxWidth: 300 }} />
      </Field>
      <Space style={{ marginBottom: 12 }}><Button onClick={() => void lookup()} disabled={!idOk} loading={busy}>{t('lookup')}</Button></Space>
      {value.resident && <Alert type="success" showIcon style={{ marginBottom: 12 }} message={t(lookedUp ? 'found' : 'registered', { name: value.resident.name, id: value.resident.idCard })} />}
      {lookedUp && !value.resident && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('notFound')} />}
      <Field label={t('name')} required help={t('nameMismatch')}><Input value={value.name} onChange={(e) => set({ name: e.target.value })} maxLength={50} style={{ maxWidth: 300 }} autoComplete="off" /></Field>
      <Field label={t('applicantPhone')} required={lookedUp && !value.resident}><Input value={value.phone} onChange={(e) => set({ phone: e.target.value.trim() })} inputMode="tel" maxLength={11} style={{ maxWidth: 300 }} autoComplete="off" /></Field>
      {lookedUp && !value.resident && <Button onClick={() => void register()} disabled={!value.name.trim() || !/^1[3-9]\d{9}$/.test(value.phone)} loading={busy} style={{ marginBottom: 12 }}>{t('registered')}</Button>}
      <Field label={t('enterpriseUscc')} error={usccCheck && !usccCheck.valid ? usccCheck.reason ?? '' : null} help={usccCheck?.valid ? t('usccValid') : undefined}>
        <Input value={value.uscc} onChange={(e) => set({ uscc: e.target.value.toUpperCase().trim() })} maxLength={18} style={{ maxWidth: 300 }} autoComplete="off" />
      </Field>
      <Field label={t('purpose')}>
        <Select value={value.purpose} onChange={(p) => set({ purpose: p })} style={{ width: 220 }} options={['submit', 'correction', 'verify_original', 'payment', 'pickup', 'consult'].map((p) => ({ value: p, label: t(`pu_${p}` as 'pu_submit') }))} />
      </Field>
      {value.visitId ? <Alert type="success" showIcon style={{ marginBottom: 12 }} message={t('visitStarted', { time: formatDateTime(value.visitStartedAt, lang) })} /> : (
        <Button onClick={() => void startVisit()} loading={busy} disabled={!idOk || !hallId || !windowId} style={{ marginBottom: 12 }}>{t('startVisit')}</Button>
      )}
      <div><Button type="primary" onClick={onNext} disabled={!idOk || !value.resident || !value.name.trim()}>{t('next')}</Button></div>
    </div>
  );
}
