import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Select, Table } from 'antd';
import { workbenchApi } from '../../api/staff.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { AsyncBlock } from '../../components/AsyncBlock.tsx';
import { DeadlineTag } from '../../components/staff/DeadlineTag.tsx';
import { agencyOptions, useAgencies } from '../../components/staff/useAgencies.ts';
import { NoAccess, useRoles } from '../staff/StaffLayout.tsx';
import { formatDateTime } from '../../app/format.ts';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { wbMessages } from '../../i18n/workbench.ts';
import { staffMessages } from '../../i18n/staff.ts';

/** 超期办件 per agency: center-wide roles pick any agency (or all); a department admin sees their own. */
export default function OverduePage() {
  const t = useT(wbMessages);
  const s = useT(staffMessages);
  const { lang } = useLang();
  const { has, agenciesWith } = useRoles();
  const { agencies, nameOf } = useAgencies();
  const centerWide = has('supervisor', 'center_admin');
  const own = agenciesWith('dept_admin');
  const [agencyId, setAgencyId] = useState<string>(centerWide ? '' : own[0] ?? '');
  const state = useAsync(() => workbenchApi.overdue(agencyId || undefined), [agencyId]);
  if (!centerWide && !own.length) return <NoAccess />;
  const options = centerWide ? [{ value: '', label: s('all') }, ...agencyOptions(agencies)] : agencyOptions(agencies.filter((a) => own.includes(a.id)));
  return (
    <>
      <h1>{t('overdueTitle')}</h1>
      <div className="tb-filters">
        <label>{t('overdueAgency')}<Select aria-label={t('overdueAgency')} value={agencyId} onChange={setAgencyId} options={options} style={{ width: 260 }} showSearch optionFilterProp="label" /></label>
      </div>
      <AsyncBlock state={state}>
        {(rows) => (
          <Table rowKey="caseId" dataSource={rows} pagination={{ pageSize: 20, showTotal: (n) => s('total', { n }) }} locale={{ emptyText: t('overdueEmpty') }} scroll={{ x: 900 }}
            columns={[
              { title: t('colCaseNo'), dataIndex: 'caseNo', render: (v: string, r) => <Link to={`/workbench/cases/${r.caseId}`}>{v}</Link> },
              { title: t('colItem'), dataIndex: 'itemName' },
              { title: t('agency'), dataIndex: 'agencyId', render: (v: string) => nameOf(v) },
              { title: t('colApplicant'), dataIndex: 'applicantName' },
              { title: t('colAccepted'), dataIndex: 'acceptedAt', render: (v: string | null) => formatDateTime(v, lang) },
              { title: t('colDeadline'), dataIndex: 'deadlineAt', render: (v: string) => <DeadlineTag colour="red" at={v} /> },
              { title: t('overdueWarned'), dataIndex: 'warnedAt', render: (v: string | null) => formatDateTime(v, lang) || '—' },
            ]} />
        )}
      </AsyncBlock>
    </>
  );
}
