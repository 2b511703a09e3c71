import { useNavigate } from 'react-router-dom';
import { Button, DotLoading, ErrorBlock, Result, Tag } from 'antd-mobile';
import { casesApi } from '../../api/services.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { useSession } from '../../session/session.tsx';
import { MLinkList } from '../../components/mobile/MLinkList.tsx';
import { awaitsCorrection, formatDateTime, statusLabel } from '../../app/format.ts';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { applyMessages } from '../../i18n/apply.ts';

export default function MMyCasesPage() {
  const t = useT(applyMessages);
  const { me, loading } = useSession();
  const navigate = useNavigate();
  if (loading) return <DotLoading />;
  if (!me) return <Result status="info" title={t('loginRequired')} description={<Button color="primary" onClick={() => navigate('/m/login?returnTo=/m/my/cases')}>{t('loginToApply')}</Button>} />;
  return <Cases />;
}

function Cases() {
  const t = useT(applyMessages);
  const { lang } = useLang();
  const res = useAsync(() => casesApi.myCases(), []);
  return (
    <>
      <h1 className="tbm-section-title">{t('myCasesTitle')}</h1>
      {res.loading && <DotLoading />}
      {res.error && <ErrorBlock status="default" title={res.error.message} description="" />}
      {res.data && !res.data.length && <p>{t('noCases')}</p>}
      {res.data && (
        <MLinkList rows={res.data.map((c) => ({
          key: c.id,
          to: `/m/my/cases/${encodeURIComponent(c.id)}`,
          title: c.itemName,
          description: `${c.caseNo} · ${formatDateTime(c.submittedAt, lang)}`,
          extra: <Tag color={awaitsCorrection(c.status) ? 'warning' : 'primary'}>{statusLabel(c.status, c.statusLabel)}</Tag>,
        }))} />
      )}
    </>
  );
}
