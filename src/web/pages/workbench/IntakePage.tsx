import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Card, Input, List, Result, Select, Space, Steps } from 'antd';
import { catalogApi } from '../../api/catalog.ts';
import { adminApi, type Hall } from '../../api/admin.ts';
import { workbenchApi } from '../../api/staff.ts';
import type { ItemGuide, ItemSummary } from '../../api/types.ts';
import { useSchemaForm } from '../../form/useSchemaForm.ts';
import { SchemaFormPC } from '../../components/pc/SchemaFormPC.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { ApiErrorAlert } from '../../components/staff/ApiErrorAlert.tsx';
import { Field } from '../../components/staff/Field.tsx';
import { NoAccess, useRoles } from '../staff/StaffLayout.tsx';
import { ApplicantStep, type Applicant } from './ApplicantStep.tsx';
import { IntakeMaterials, materialInput, missingRequired, type CollectedMaterial } from './IntakeMaterials.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { wbMessages } from '../../i18n/workbench.ts';

const PLACE_KEY = 'tb.intake.window';
const blankApplicant: Applicant = { idCard: '', name: '', phone: '', uscc: '', resident: null, visitId: null, visitStartedAt: null, purpose: 'submit' };

/**
 * 综窗受理: the clerk chooses the service, identifies the applicant, fills the form and scans the materials on their
 * behalf, submits (channel "window"), prints the receipt, and ends the on-site visit so the applicant can rate it.
 */
export default function IntakePage() {
  const t = useT(wbMessages);
  const { has } = useRoles();
  const [place, setPlace] = useState<{ hallId: string; windowId: string }>(() => { try { return JSON.parse(localStorage.getItem(PLACE_KEY) ?? '') as { hallId: string; windowId: string }; } catch { return { hallId: '', windowId: '' }; } });
  const [halls, setHalls] = useState<Hall[]>([]);
  const [step, setStep] = useState(0);
  const [guide, setGuide] = useState<ItemGuide | null>(null);
  const [applicant, setApplicant] = useState<Applicant>(blankApplicant);
  const [materials, setMaterials] = useState<CollectedMaterial[]>([]);
  const [submitted, setSubmitted] = useState<{ id: string; caseNo: string } | null>(null);
  useEffect(() => { adminApi.halls().then((h) => setHalls(h.halls), () => setHalls([])); }, []);
  useEffect(() => { localStorage.setItem(PLACE_KEY, JSON.stringify(place)); }, [place]);
  if (!has('window_clerk')) return <NoAccess />;
  const hall = halls.find((h) => h.id === place.hallId);
  const restart = () => { setStep(0); setGuide(null); setApplicant(blankApplicant); setMaterials([]); setSubmitted(null); };
  return (
    <>
      <h1>{t('intakeTitle')}</h1>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Field label={t('hall')}><Select style={{ width: 260 }} value={place.hallId || undefined} onChange={(h) => setPlace({ hallId: h, windowId: '' })} options={halls.map((h) => ({ value: h.id, label: h.name }))} /></Field>
          <Field label={t('window')}><Select style={{ width: 300 }} value={place.windowId || undefined} onChange={(w) => setPlace({ ...place, windowId: w })} options={(hall?.windows ?? []).filter((w) => w.active).map((w) => ({ value: w.id, label: `${w.id} ${w.name}` }))} /></Field>
        </Space>
      </Card>
      <Steps current={step} size="small" style={{ marginBottom: 16 }} items={[t('stepItem'), t('stepApplicant'), t('stepForm'), t('stepMaterials'), t('stepSubmit')].map((title) => ({ title }))} />
      {step === 0 && <ItemPicker picked={guide} onPick={(g) => { setGuide(g); setMaterials([]); setStep(1); }} />}
      {step === 1 && <ApplicantStep value={applicant} onChange={setApplicant} hallId={place.hallId} windowId={place.windowId} onNext={() => setStep(2)} />}
      {step >= 2 && guide && (
        <FormAndSubmit guide={guide} applicant={applicant} place={place} step={step} setStep={setStep} materials={materials} setMaterials={setMaterials} submitted={submitted} setSubmitted={setSubmitted} onRestart={restart} onVisitEnded={() => setApplicant({ ...applicant, visitId: null })} />
      )}
      {step > 0 && step < 4 && <p style={{ marginTop: 16 }}><Button onClick={() => setStep(step - 1)}>{t('prev')}</Button></p>}
    </>
  );
}

function ItemPicker({ picked, onPick }: { picked: ItemGuide | null; onPick: (g: ItemGuide) => void }) {
  const t = useT(wbMessages);
  const [q, setQ] = useState('');
  const [items, setItems] = useState<ItemSummary[]>([]);
  const [error, setError] = useState<unknown>(null);
  const search = async () => { setError(null); try { setItems((await catalogApi.search(q.trim(), { limit: 20 })).items); } catch (e) { setError(e); } };
  const pick = async (key: string) => { try { onPick(await catalogApi.guide(key)); } catch (e) { setError(e); } };
  return (
    <div style={{ maxWidth: 760 }}>
      {picked && <Alert type="info" showIcon message={t('picked', { name: picked.name })} style={{ marginBottom: 8 }} />}
      <form role="search" onSubmit={(e) => { e.preventDefault(); void search(); }}>
        <Field label={t('searchItem')}><Input.Search value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('searchItemPh')} onSearch={() => void search()} enterButton={t('searchItem')} /></Field>
      </form>
      <ApiErrorAlert error={error} />
      <List dataSource={items} renderItem={(i) => (
        <List.Item actions={[<Button key="p" onClick={() => void pick(i.key)} aria-label={`${t('pickItem')} ${i.name}`}>{t('pickItem')}</Button>]}>
          <List.Item.Meta title={i.name} description={i.agencyName} />
        </List.Item>
      )} />
    </div>
  );
}

function FormAndSubmit(p: {
  guide: ItemGuide; applicant: Applicant; place: { hallId: string; windowId: string }; step: number; setStep: (n: number) => void; materials: CollectedMaterial[];
  setMaterials: (m: CollectedMaterial[]) => void; submitted: { id: string; caseNo: string } | null; setSubmitted: (s: { id: string; caseNo: string }) => void; onRestart: () => void; onVisitEnded: () => void;
}) {
  const t = useT(wbMessages);
  const { message } = App.useApp();
  const form = useSchemaForm(p.guide.formSchema, {}, { idPrefix: 'intake' });
  const [round, setRound] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const missing = missingRequired(p.guide.materials, p.materials);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const a = p.applicant;
      const draft = await workbenchApi.createDraft({ itemKey: p.guide.key, channel: 'window', hallId: p.place.hallId, windowId: p.place.windowId, formData: form.values,
        onBehalf: { idCard: a.idCard, name: a.name.trim(), ...(a.phone ? { phone: a.phone } : {}), ...(a.uscc ? { enterpriseUscc: a.uscc } : {}) } });
      const saved = await workbenchApi.saveDraft(draft.id, { version: draft.version, formData: form.values, materials: p.materials.map(materialInput).filter((m) => m !== null) });
      const done = await workbenchApi.submitDraft(saved.id);
      p.setSubmitted({ id: done.id, caseNo: done.caseNo });
      p.setStep(4);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const endVisit = async () => {
    try { await workbenchApi.endVisit(p.applicant.visitId!); message.success(t('visitEnded')); p.onVisitEnded(); } catch (e) { setError(e); }
  };
  if (p.step === 2) {
    return (
      <div style={{ maxWidth: 760 }}>
        <ErrorSummary fields={form.fields} errors={form.errors} idPrefix="intake" focusOn={round} />
        <SchemaFormPC form={form} />
        <Button type="primary" onClick={() => { if (form.validate()) p.setStep(3); else setRound((r) => r + 1); }}>{t('next')}</Button>
      </div>
    );
  }
  if (p.step === 3) {
    return (
      <div style={{ maxWidth: 860 }}>
        <IntakeMaterials materials={p.guide.materials} itemVersionId={p.guide.id} applicantUserId={p.applicant.resident?.id ?? ''} value={p.materials} onChange={p.setMaterials} />
        {missing.length > 0 && <Alert type="warning" showIcon style={{ marginTop: 12 }} message={missing.map((n) => t('missingRequired', { name: n })).join('；')} />}
        <ApiErrorAlert error={error} />
        <Button type="primary" style={{ marginTop: 12 }} onClick={() => void submit()} loading={busy} disabled={missing.length > 0}>{t('submitCase')}</Button>
      </div>
    );
  }
  return (
    <Result status="success" title={t('submitted', { no: p.submitted?.caseNo ?? '' })}
      extra={
        <Space wrap>
          <Link to={`/workbench/intake/receipt/${p.submitted?.id}`} className="ant-btn ant-btn-primary" style={{ padding: '4px 15px' }}>{t('viewReceipt')}</Link>
          <Link to={`/workbench/cases/${p.submitted?.id}`}>{t('backToCase')}</Link>
          {p.applicant.visitId && <Button onClick={() => void endVisit()}>{t('endVisit')}</Button>}
          <Button onClick={p.onRestart}>{t('newIntake')}</Button>
          <ApiErrorAlert error={error} />
        </Space>
      } />
  );
}
