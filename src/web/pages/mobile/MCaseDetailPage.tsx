import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Button, DotLoading, ErrorBlock, NoticeBar, Steps, Tag } from 'antd-mobile';
import { casesApi } from '../../api/services.ts';
import { catalogApi } from '../../api/catalog.ts';
import type { CaseDetail, ItemGuide } from '../../api/types.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { useCorrection } from '../../flows/useCorrection.ts';
import { SchemaFormMobile } from '../../components/mobile/SchemaFormMobile.tsx';
import { MaterialsMobile } from '../../components/mobile/MaterialsMobile.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { awaitsCorrection, formatDate, formatDateTime, statusLabel } from '../../app/format.ts';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { applyMessages } from '../../i18n/apply.ts';

export default function MCaseDetailPage() {
  const { id = '' } = useParams();
  const res = useAsync(async () => {
    const detail = await casesApi.caseDetail(id);
    const guide = awaitsCorrection(detail.status) && detail.itemKey ? await catalogApi.guide(detail.itemKey) : null;
    return { detail, guide };
  }, [id]);
  if (res.loading && !res.data) return <DotLoading />;
  if (res.error || !res.data) return <ErrorBlock status="default" title={res.error?.message} description="" />;
  return <View detail={res.data.detail} guide={res.data.guide} reload={res.reload} />;
}

function View({ detail, guide, reload }: { detail: CaseDetail; guide: ItemGuide | null; reload: () => void }) {
  const t = useT(applyMessages);
  const { lang } = useLang();
  return (
    <>
      <h1 style={{ fontSize: '1.2em' }}>{detail.itemName}</h1>
      <div className="tbm-card">
        <dl className="tbm-kv">
          <dt>{t('caseNo')}</dt><dd><strong>{detail.caseNo}</strong></dd>
          <dt>{t('status')}</dt><dd><Tag color={awaitsCorrection(detail.status) ? 'warning' : 'primary'}>{statusLabel(detail.status, detail.statusLabel)}</Tag></dd>
          <dt>{t('dueAt')}</dt><dd>{formatDateTime(detail.dueAt, lang) || '—'}</dd>
        </dl>
      </div>
      {detail.correction && guide && awaitsCorrection(detail.status) && <MCorrection detail={detail} guide={guide} onDone={reload} />}
      {detail.result && (
        <div className="tbm-card">
          <h2 style={{ fontSize: '1.05em' }}>{t('result')}</h2>
          <dl className="tbm-kv">
            <dt>{t('result')}</dt><dd>{detail.result.outcome}</dd>
            {detail.result.licenceName && [<dt key="a">{t('licenceName')}</dt>, <dd key="b">{detail.result.licenceName}</dd>]}
            {detail.result.licenceNo && [<dt key="c">{t('licenceNo')}</dt>, <dd key="d">{detail.result.licenceNo}</dd>]}
            {detail.result.validUntil && [<dt key="e">{t('validUntil')}</dt>, <dd key="f">{formatDate(detail.result.validUntil, lang)}</dd>]}
            {detail.delivery && [<dt key="g">{t('delivery')}</dt>, <dd key="h">{detail.delivery.method}{detail.delivery.trackingNo ? ` ${detail.delivery.trackingNo}` : ''}</dd>]}
          </dl>
        </div>
      )}
      <div className="tbm-card">
        <h2 style={{ fontSize: '1.05em' }}>{t('timeline')}</h2>
        <Steps direction="vertical" current={detail.timeline.length - 1}>
          {detail.timeline.map((s, i) => <Steps.Step key={i} title={`${s.name} ${s.action}`} description={`${formatDateTime(s.at, lang)}${s.opinion ? ` · ${s.opinion}` : ''}`} />)}
        </Steps>
      </div>
    </>
  );
}

function MCorrection({ detail, guide, onDone }: { detail: CaseDetail; guide: ItemGuide; onDone: () => void }) {
  const t = useT(applyMessages);
  const { lang } = useLang();
  const corr = useCorrection(detail, guide, onDone);
  const [open, setOpen] = useState(false);
  const [round, setRound] = useState(0);
  return (
    <section className="tbm-card" aria-labelledby="mc-corr" style={{ border: '2px solid #d46b08' }}>
      <h2 id="mc-corr" style={{ fontSize: '1.05em' }}>{t('correctionTitle')}</h2>
      <p>{t('correctionHint')}</p>
      {detail.correction?.deadline && <NoticeBar color="alert" wrap content={t('correctionDeadline', { date: formatDate(detail.correction.deadline, lang) })} />}
      <ol>{corr.items.map((i, n) => <li key={n}><strong>{i.label}</strong>：{i.reason}</li>)}</ol>
      {!open ? <Button block color="primary" onClick={() => setOpen(true)}>{t('startCorrection')}</Button> : (
        <>
          {corr.problem && <NoticeBar color="alert" wrap content={corr.problem} />}
          <ErrorSummary fields={corr.form.fields} errors={{ ...corr.fieldNotes, ...corr.form.errors }} idPrefix="c" focusOn={round} />
          {corr.editableForm && <SchemaFormMobile form={corr.form} />}
          <MaterialsMobile uploads={corr.uploads} />
          <Button block color="primary" size="large" loading={corr.busy} onClick={() => void corr.resubmit().then(() => setRound((r) => r + 1))}>{t('resubmit')}</Button>
        </>
      )}
    </section>
  );
}
