import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Breadcrumb, Button, Descriptions, Tag } from 'antd';
import { casesApi } from '../../api/services.ts';
import { catalogApi } from '../../api/catalog.ts';
import type { CaseDetail, ItemGuide } from '../../api/types.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { useCorrection } from '../../flows/useCorrection.ts';
import { AsyncBlock } from '../../components/AsyncBlock.tsx';
import { RequireLogin } from '../../components/pc/RequireLogin.tsx';
import { CaseFormData, CaseOutcome, CaseTimeline } from '../../components/pc/CaseSections.tsx';
import { SchemaFormPC } from '../../components/pc/SchemaFormPC.tsx';
import { MaterialsStepPC } from '../../components/pc/MaterialsStepPC.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { CaseRatingPanel } from '../../components/pc/CaseRatingPanel.tsx';
import { awaitsCorrection, formatDate, formatDateTime, statusLabel } from '../../app/format.ts';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { applyMessages } from '../../i18n/apply.ts';

/** /my/cases/:id — one case for its applicant: status, 补正 notice and resubmission, timeline, result. */
export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const t = useT(applyMessages);
  const loaded = useAsync(async () => {
    const detail = await casesApi.caseDetail(id);
    // The guide is needed only to re-upload materials during 补正.
    const guide = awaitsCorrection(detail.status) && detail.itemKey ? await catalogApi.guide(detail.itemKey) : null;
    return { detail, guide };
  }, [id]);
  return (
    <div className="tb-container">
      <Breadcrumb style={{ marginTop: 16 }} items={[{ title: <Link to="/my/cases">{t('myCasesTitle')}</Link> }, { title: t('caseTitle') }]} />
      <RequireLogin>
        {() => (
          <AsyncBlock state={loaded} rows={10}>
            {({ detail, guide }) => <CaseView detail={detail} guide={guide} reload={loaded.reload} />}
          </AsyncBlock>
        )}
      </RequireLogin>
    </div>
  );
}

function CaseView({ detail, guide, reload }: { detail: CaseDetail; guide: ItemGuide | null; reload: () => void }) {
  const t = useT(applyMessages);
  const { lang } = useLang();
  return (
    <>
      <h1 className="tb-page-title">{detail.itemName}</h1>
      <Descriptions column={{ xs: 1, md: 3 }} items={[
        { key: 'no', label: t('caseNo'), children: <strong>{detail.caseNo}</strong> },
        { key: 's', label: t('status'), children: <Tag color={awaitsCorrection(detail.status) ? 'orange' : 'blue'}>{statusLabel(detail.status, detail.statusLabel)}</Tag> },
        { key: 'd', label: t('dueAt'), children: formatDateTime(detail.dueAt, lang) || '—' },
      ]} />
      <div style={{ display: 'grid', gap: 16 }}>
        {detail.correction && awaitsCorrection(detail.status) && guide && <CorrectionPanel detail={detail} guide={guide} onDone={reload} />}
        <CaseOutcome detail={detail} />
        <CaseRatingPanel caseId={detail.id} status={detail.status} />
        <CaseTimeline detail={detail} />
        <CaseFormData detail={detail} />
      </div>
    </>
  );
}

function CorrectionPanel({ detail, guide, onDone }: { detail: CaseDetail; guide: ItemGuide; onDone: () => void }) {
  const t = useT(applyMessages);
  const { lang } = useLang();
  const [editing, setEditing] = useState(false);
  const [round, setRound] = useState(0);
  const corr = useCorrection(detail, guide, onDone);
  const notice = detail.correction!;
  return (
    <section aria-labelledby="c-corr" className="tb-card" style={{ borderColor: '#d46b08', borderWidth: 2 }}>
      <h2 id="c-corr">{t('correctionTitle')}</h2>
      <p>{t('correctionHint')}</p>
      {notice.deadline && <Alert type="warning" showIcon message={t('correctionDeadline', { date: formatDate(notice.deadline, lang) })} style={{ marginBottom: 12 }} />}
      {notice.note && <p>{notice.note}</p>}
      <ol>
        {corr.items.map((i, n) => <li key={n}><strong>{i.label}</strong>：{i.reason}</li>)}
      </ol>
      {!editing ? (
        <Button type="primary" size="large" onClick={() => setEditing(true)}>{t('startCorrection')}</Button>
      ) : (
        <>
          {corr.problem && <Alert type="error" showIcon message={corr.problem} style={{ margin: '12px 0' }} />}
          <ErrorSummary fields={corr.form.fields} errors={{ ...corr.fieldNotes, ...corr.form.errors }} idPrefix="c" focusOn={round} />
          {corr.editableForm && <SchemaFormPC form={corr.form} />}
          {corr.uploads.state.length > 0 && <MaterialsStepPC uploads={corr.uploads} />}
          <Button type="primary" size="large" style={{ marginTop: 16 }} loading={corr.busy} onClick={() => void corr.resubmit().then(() => setRound((r) => r + 1))}>{t('resubmit')}</Button>
        </>
      )}
    </section>
  );
}
