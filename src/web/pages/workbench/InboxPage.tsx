import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { App, Button, Input, Select, Space, Table, Tag } from 'antd';
import { workbenchApi, type InboxFilter, type InboxRow } from '../../api/staff.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { AsyncBlock } from '../../components/AsyncBlock.tsx';
import { DeadlineTag } from '../../components/staff/DeadlineTag.tsx';
import { ApiErrorAlert } from '../../components/staff/ApiErrorAlert.tsx';
import { useAgencies } from '../../components/staff/useAgencies.ts';
import { formatDateTime } from '../../app/format.ts';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { wbMessages } from '../../i18n/workbench.ts';
import { staffMessages } from '../../i18n/staff.ts';

const STATES = ['submitted', 'in_progress', 'completed'] as const;

/**
 * 我的待办: counts per state (the buttons filter), deadline lights, filters kept in the URL (so a refresh or a
 * shared link shows the same list), case-number search and claim without leaving the list.
 */
export default function InboxPage() {
  const t = useT(wbMessages);
  const s = useT(staffMessages);
  const { lang } = useLang();
  const { message } = App.useApp();
  const { nameOf } = useAgencies();
  const [params, setParams] = useSearchParams();
  const filter: InboxFilter = {
    status: params.get('status') ?? undefined, colour: (params.get('colour') as InboxFilter['colour']) ?? undefined, caseNo: params.get('caseNo') ?? undefined,
    appliedFrom: params.get('from') ?? undefined, appliedTo: params.get('to') ?? undefined, sort: (params.get('sort') as InboxFilter['sort']) ?? 'deadline', limit: 200,
  };
  const state = useAsync(() => workbenchApi.inbox(filter), [params.toString()]);
  const [caseNo, setCaseNo] = useState(filter.caseNo ?? '');
  const [claimError, setClaimError] = useState<unknown>(null);
  const set = (k: string, v: string | undefined | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const claim = async (r: InboxRow) => {
    setClaimError(null);
    try {
      await workbenchApi.act(r.caseId, 'claim', { version: r.version, taskId: r.taskId });
      message.success(t('claimedOk', { no: r.caseNo }));
      state.reload();
    } catch (e) {
      setClaimError(e);
    }
  };
  const columns = [
    { title: t('colCaseNo'), dataIndex: 'caseNo', render: (v: string, r: InboxRow) => <Link to={`/workbench/cases/${r.caseId}`}>{v}</Link> },
    { title: t('colItem'), dataIndex: 'itemName', render: (v: string, r: InboxRow) => <>{v}<div className="tb-field-help">{nameOf(r.agencyId)}</div></> },
    { title: t('colApplicant'), dataIndex: 'applicantName' },
    { title: t('colNode'), dataIndex: 'nodeName', render: (v: string, r: InboxRow) => <>{v} {r.claimedByMe && <Tag color="blue">{t('claimed')}</Tag>}</> },
    { title: t('colStatus'), dataIndex: 'statusLabel' },
    { title: t('colSubmitted'), dataIndex: 'submittedAt', render: (v: string | null) => formatDateTime(v, lang) },
    { title: t('colDeadline'), dataIndex: 'deadlineAt', render: (v: string | null, r: InboxRow) => <DeadlineTag colour={r.colour} at={v} /> },
    {
      title: s('actions'), key: 'actions', render: (_: unknown, r: InboxRow) => (
        <Space>
          {!r.claimedByMe && !r.assignedToMe && r.role && <Button size="small" onClick={() => void claim(r)} aria-label={`${t('claim')} ${r.caseNo}`}>{t('claim')}</Button>}
          <Link to={`/workbench/cases/${r.caseId}`} aria-label={`${t('open')} ${r.caseNo}`}>{t('open')}</Link>
        </Space>
      ),
    },
  ];
  const counts = state.data?.counts ?? {};
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <>
      <h1>{t('inboxTitle')}</h1>
      <div className="tb-counts" role="group" aria-label={t('colStatus')}>
        <button type="button" className="tb-count" aria-pressed={!filter.status} onClick={() => set('status', null)}>{t('countAll')}<strong>{all}</strong></button>
        {STATES.map((st) => (
          <button key={st} type="button" className="tb-count" aria-pressed={filter.status === st} onClick={() => set('status', st)}>
            {t(`st_${st}`)}<strong>{counts[st] ?? 0}</strong>
          </button>
        ))}
      </div>
      <form className="tb-filters" role="search" onSubmit={(e) => { e.preventDefault(); set('caseNo', caseNo.trim()); }}>
        <label>{t('filterCaseNo')}<Input value={caseNo} onChange={(e) => setCaseNo(e.target.value)} placeholder={t('caseNoPh')} allowClear style={{ width: 220 }} /></label>
        <label>{t('filterColour')}
          <Select aria-label={t('filterColour')} value={filter.colour ?? ''} onChange={(v) => set('colour', v)} style={{ width: 140 }}
            options={[{ value: '', label: s('all') }, { value: 'red', label: s('colour_red') }, { value: 'yellow', label: s('colour_yellow') }, { value: 'green', label: s('colour_green') }]} />
        </label>
        <label>{t('appliedFrom')}<Input type="date" value={filter.appliedFrom ?? ''} onChange={(e) => set('from', e.target.value)} style={{ width: 160 }} /></label>
        <label>{t('appliedTo')}<Input type="date" value={filter.appliedTo ?? ''} onChange={(e) => set('to', e.target.value)} style={{ width: 160 }} /></label>
        <label>{t('sortBy')}
          <Select aria-label={t('sortBy')} value={filter.sort} onChange={(v) => set('sort', v)} style={{ width: 200 }} options={[{ value: 'deadline', label: t('sortDeadline') }, { value: 'submitted', label: t('sortSubmitted') }]} />
        </label>
        <Space>
          <Button type="primary" htmlType="submit">{s('search')}</Button>
          <Button onClick={() => { setCaseNo(''); setParams(new URLSearchParams(), { replace: true }); }}>{s('reset')}</Button>
          <Button onClick={state.reload}>{s('refresh')}</Button>
        </Space>
      </form>
      <ApiErrorAlert error={claimError} onRefresh={() => { setClaimError(null); state.reload(); }} />
      <AsyncBlock state={state}>
        {(d) => <Table<InboxRow> rowKey="taskId" columns={columns} dataSource={d.items} loading={state.loading} pagination={{ pageSize: 20, showTotal: (n) => s('total', { n }) }} locale={{ emptyText: t('emptyInbox') }} size="middle" scroll={{ x: 960 }} />}
      </AsyncBlock>
    </>
  );
}

