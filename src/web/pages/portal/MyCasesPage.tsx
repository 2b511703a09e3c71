import { Link } from 'react-router-dom';
import { Table, Tag } from 'antd';
import { casesApi } from '../../api/services.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { AsyncBlock } from '../../components/AsyncBlock.tsx';
import { RequireLogin } from '../../components/pc/RequireLogin.tsx';
import { awaitsCorrection, formatDateTime, statusLabel } from '../../app/format.ts';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { applyMessages } from '../../i18n/apply.ts';

/** 我的办件: the applicant's cases, newest first, with the ones waiting for 补正 flagged. */
export default function MyCasesPage() {
  const t = useT(applyMessages);
  return (
    <div className="tb-container">
      <h1 className="tb-page-title">{t('myCasesTitle')}</h1>
      <p><Link to="/my/drafts">{t('myDraftsTitle')}</Link></p>
      <RequireLogin>{() => <CasesTable />}</RequireLogin>
    </div>
  );
}

function CasesTable() {
  const t = useT(applyMessages);
  const { lang } = useLang();
  const cases = useAsync(() => casesApi.myCases(), []);
  return (
    <AsyncBlock state={cases} rows={6}>
      {(list) => (
        <Table
          className="tb-card"
          rowKey="id"
          dataSource={list}
          locale={{ emptyText: t('noCases') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 760 }}
          columns={[
            { title: t('caseNo'), dataIndex: 'caseNo', render: (no: string, c) => <Link to={`/my/cases/${encodeURIComponent(c.id)}`}>{no}</Link> },
            { title: t('item'), dataIndex: 'itemName' },
            { title: t('status'), dataIndex: 'status', render: (s: string, c) => <Tag color={awaitsCorrection(s) ? 'orange' : undefined}>{statusLabel(s, c.statusLabel)}</Tag> },
            { title: t('submittedAt'), dataIndex: 'submittedAt', render: (v: string | null) => formatDateTime(v, lang) },
            { title: t('dueAt'), dataIndex: 'dueAt', render: (v: string | null) => formatDateTime(v, lang) },
          ]}
        />
      )}
    </AsyncBlock>
  );
}
