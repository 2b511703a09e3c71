import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Button, DotLoading, ErrorBlock, NoticeBar, Result, Steps } from 'antd-mobile';
import { catalogApi } from '../../api/catalog.ts';
import { casesApi } from '../../api/services.ts';
import type { Draft, ItemGuide } from '../../api/types.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { APPLY_STEPS, useApplication } from '../../flows/useApplication.ts';
import { getAt, leaves } from '../../form/fields.ts';
import { displayValue } from '../../form/display.ts';
import { SchemaFormMobile } from '../../components/mobile/SchemaFormMobile.tsx';
import { MaterialsMobile } from '../../components/mobile/MaterialsMobile.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useSession } from '../../session/session.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { applyMessages } from '../../i18n/apply.ts';

/** /m/apply/:key — the application flow at phone width (channel mobile). */
export default function MApplyPage() {
  const { key = '' } = useParams();
  const [params] = useSearchParams();
  const draftId = params.get('draft');
  const t = useT(applyMessages);
  const { me, loading } = useSession();
  const navigate = useNavigate();
  const res = useAsync(async () => ({ guide: await catalogApi.guide(key), draft: draftId ? await casesApi.draft(draftId) : null }), [key, draftId]);
  if (loading || res.loading) return <DotLoading />;
  if (!me) return <Result status="info" title={t('loginRequired')} description={<Button color="primary" onClick={() => navigate(`/m/login?returnTo=${encodeURIComponent(`/m/apply/${key}`)}`)}>{t('loginToApply')}</Button>} />;
  if (res.error || !res.data) return <ErrorBlock status="default" title={res.error?.message} description="" />;
  if (!res.data.guide.channels.mobile) return <NoticeBar content={t('channelClosed')} color="alert" wrap />;
  return <Flow guide={res.data.guide} draft={res.data.draft} />;
}

function Flow({ guide, draft }: { guide: ItemGuide; draft: Draft | null }) {
  const t = useT(applyMessages);
  const navigate = useNavigate();
  const app = useApplication(guide, draft, { channel: 'mobile' }, 'm');
  const [round, setRound] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [app.step]);
  const labels = { form: t('stepForm'), materials: t('stepMaterials'), review: t('stepReview'), done: t('stepDone') };
  const visible = APPLY_STEPS.filter((s) => s !== 'materials' || guide.materials.length);
  if (app.step === 'done' && app.answer) {
    return (
      <Result status="success" title={t('doneTitle')} description={<>
        <p>{t('caseNo')}：<strong data-testid="case-no">{app.answer.caseNo}</strong></p><p>{t('doneHint')}</p>
        <Button color="primary" block onClick={() => navigate(`/m/my/cases/${encodeURIComponent(app.answer!.caseId)}`)}>{t('viewCase')}</Button>
      </>} />
    );
  }
  return (
    <>
      <h1 style={{ fontSize: '1.15em', margin: '4px 0' }}>{guide.name}</h1>
      <nav aria-label={t('steps')}><Steps current={visible.indexOf(app.step)}>{visible.map((s) => <Steps.Step key={s} title={labels[s]} />)}</Steps></nav>
      <h2 ref={heading} tabIndex={-1} style={{ fontSize: '1.05em', outline: 'none' }}>{labels[app.step]}</h2>
      {app.problem && <NoticeBar content={app.problem} color="alert" wrap />}
      {app.step === 'form' && (
        <div className="tbm-card">
          <ErrorSummary fields={app.form.fields} errors={app.form.errors} idPrefix="m" focusOn={round} />
          <SchemaFormMobile form={app.form} />
        </div>
      )}
      {app.step === 'materials' && <MaterialsMobile uploads={app.materials} />}
      {app.step === 'review' && (
        <div className="tbm-card">
          <p>{t('reviewHint')}</p>
          <dl className="tbm-kv">
            {leaves(app.form.fields).map((f) => [<dt key={`${f.path}t`}>{f.label}</dt>, <dd key={`${f.path}d`}>{displayValue(f, getAt(app.form.values, f.path)) || t('notFilled')}</dd>])}
            {app.materials.state.map((s) => [<dt key={`${s.material.id}t`}>{s.material.name}</dt>, <dd key={`${s.material.id}d`}>{s.exempt ? t('exempted') : t('filesN', { n: s.files.filter((f) => f.status === 'done').length })}</dd>])}
          </dl>
        </div>
      )}
      <div className="tbm-actions">
        {app.step !== 'review' && <Button block color="primary" size="large" onClick={() => { app.next(); setRound((r) => r + 1); }}>{t('next')}</Button>}
        {app.step === 'review' && <Button block color="primary" size="large" loading={app.busy === 'submitting'} onClick={() => void app.submit()}>{t('submit')}</Button>}
        {app.step !== 'form' && <Button block size="large" onClick={app.back}>{t('prev')}</Button>}
        <Button block size="large" fill="outline" loading={app.busy === 'saving'} onClick={() => void app.save()}>{t('saveDraft')}</Button>
      </div>
    </>
  );
}
