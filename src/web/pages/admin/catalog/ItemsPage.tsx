import { Link, useSearchParams } from 'react-router-dom';
import { Select, Table, Tag } from 'antd';
import { adminApi, type AdminItemRow } from '../../../api/admin.ts';
import { useAsync } from '../../../flows/useAsync.ts';
import { AsyncBlock } from '../../../components/AsyncBlock.tsx';
import { agencyOptions, useAgencies } from '../../../components/staff/useAgencies.ts';
import { formatDateTime } from '../../../app/format.ts';
import { useLang, useT } from '../../../i18n/i18n.tsx';
import { adminMessages } from '../../../i18n/admin.ts';
import { staffMessages } from '../../../i18n/staff.ts';

/** 事项管理: items by department with their latest and published versions; a department admin sees their own. */
export default function ItemsPage() {
  const t = useT(adminMessages);
  const s = useT(staffMessages);
  const { lang } = useLang();
  const { agencies, nameOf } = useAgencies();
  const [params, setParams] = useSearchParams();
  const agencyId = params.get('agencyId') ?? '';
  const state = useAsync(() => adminApi.items(agencyId || undefined), [agencyId]);
  return (
    <>
      <h1>{t('itemsTitle')}</h1>
      <div className="tb-filters">
        <label>{t('dept')}<Select aria-label={t('dept')} value={agencyId} onChange={(v) => setParams(v ? { agencyId: v } : {}, { replace: true })} style={{ width: 260 }} showSearch optionFilterProp="label" options={[{ value: '', label: s('all') }, ...agencyOptions(agencies)]} /></label>
      </div>
      <AsyncBlock state={state}>
        {(d) => (
          <Table<AdminItemRow> rowKey="id" dataSource={d.items} pagination={{ pageSize: 25, showTotal: (n) => s('total', { n }) }} scroll={{ x: 900 }}
            columns={[
              { title: t('colName'), dataIndex: 'name', render: (v: string, r) => <Link to={`/admin/items/${encodeURIComponent(r.key)}`}>{v}</Link> },
              { title: t('dept'), dataIndex: 'agencyId', render: (v: string) => nameOf(v), sorter: (a, b) => a.agencyId.localeCompare(b.agencyId) },
              { title: t('colLatest'), dataIndex: 'latestVersion', render: (v: number, r) => <>{v} <Tag color={r.latestStatus === 'draft' ? 'gold' : 'green'}>{t(`vs_${r.latestStatus}` as 'vs_draft')}</Tag></> },
              { title: t('colPublished'), dataIndex: 'publishedVersion', render: (v: number | null) => v ?? '—' },
              { title: t('codeWarn'), dataIndex: 'codeWarnings', render: (w: string[]) => (w.length ? <Tag color="orange">{w.join('；')}</Tag> : '—') },
              { title: t('colUpdated'), dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v, lang) },
            ]} />
        )}
      </AsyncBlock>
    </>
  );
}
