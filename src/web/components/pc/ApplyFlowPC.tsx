import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Result, Space, Steps } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { Draft, ItemGuide } from '../../api/types.ts';
import type { SubmitContext } from '../../api/services.ts';
import { APPLY_STEPS, useApplication } from '../../flows/useApplication.ts';
import { SchemaFormPC } from './SchemaFormPC.tsx';
import { MaterialsStepPC } from './MaterialsStepPC.tsx';
import { ReviewStepPC } from './ReviewStepPC.tsx';
import { ErrorSummary } from '../ErrorSummary.tsx';
import { formatDateTime } from '../../app/format.ts';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { applyMessages } from '../../i18n/apply.ts';

/**
 * The application flow in antd: step indicator, the step, the actions. Used by the PC portal and the kiosk
 * (which passes its channel and a larger scale); the behaviour lives in useApplication.
 */
export function ApplyFlowPC({ guide, draft, ctx, casePath }: { guide: ItemGuide; draft: Draft | null; ctx: SubmitContext; casePath: (id: string) => string }) {
  const t = useT(applyMessages);
  const { lang } = useLang();
  const navigate = useNavigate();
  const app = useApplication(guide, draft, ctx);
  const [round, setRound] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  // Each new step gets focus on its heading, so keyboard and screen-reader users start at its top.
  useEffect(() => heading.current?.focus(), [app.step]);
  const labels = { form: t('stepForm'), materials: t('stepMaterials'), review: t('stepReview'), done: t('stepDone') };
  const visible = APPLY_STEPS.filter((s) => s !== 'materials' || guide.materials.length);
  const current = visible.indexOf(app.step);

  if (app.step === 'done' && app.answer) {
    return (
      <Result status="success" title={<h2 ref={heading} tabIndex={-1} style={{ margin: 0 }}>{t('doneTitle')}</h2>}
        subTitle={<>{t('caseNo')}：<strong style={{ fontSize: '1.3em', letterSpacing: 1 }} data-testid="case-no">{app.answer.caseNo}</strong><br />{t('doneHint')}</>}
        extra={[
          <Button key="v" type="primary" onClick={() => navigate(casePath(app.answer!.caseId))}>{t('viewCase')}</Button>,
          <Button key="h" onClick={() => navigate('/')}>{t('backHome')}</Button>,
        ]} />
    );
  }
  const goNext = () => {
    app.next();
    setRound((r) => r + 1);
  };
  return (
    <div>
      <nav aria-label={t('steps')}>
        <Steps current={current} items={visible.map((s) => ({ title: labels[s] }))} style={{ margin: '8px 0 20px' }} />
      </nav>
      <h2 ref={heading} tabIndex={-1} style={{ outline: 'none' }}>{labels[app.step]}</h2>
      {app.problem && <Alert type="error" showIcon message={app.problem} style={{ marginBottom: 16 }} />}
      {app.step === 'form' && (
        <>
          <ErrorSummary fields={app.form.fields} errors={app.form.errors} idPrefix={app.form.idPrefix} focusOn={round} />
          <SchemaFormPC form={app.form} />
        </>
      )}
      {app.step === 'materials' && <MaterialsStepPC uploads={app.materials} />}
      {app.step === 'review' && <ReviewStepPC app={app} />}
      <Space wrap style={{ marginTop: 24 }}>
        {app.step !== 'form' && <Button size="large" onClick={app.back}>{t('prev')}</Button>}
        {app.step !== 'review' && <Button size="large" type="primary" onClick={goNext}>{t('next')}</Button>}
        {app.step === 'review' && (
          <Button size="large" type="primary" loading={app.busy === 'submitting'} onClick={() => void app.submit().then(() => setRound((r) => r + 1))}>
            {app.busy === 'submitting' ? t('submitting') : t('submit')}
          </Button>
        )}
        <Button size="large" loading={app.busy === 'saving'} onClick={() => void app.save()}>{app.busy === 'saving' ? t('saving') : t('saveDraft')}</Button>
        {app.savedAt && <span className="tb-field-help" role="status">{t('savedAt', { time: formatDateTime(app.savedAt, lang) })}</span>}
      </Space>
    </div>
  );
}
