import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { Button, Checkbox, Input, Select, Space, Table, Tabs } from 'antd';
import { workOrdersApi, type WorkOrder } from '../../api/oversight.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { AsyncBlock } from '../../components/AsyncBlock.tsx';
import { DeadlineTag } from '../../components/staff/DeadlineTag.tsx';
import { agencyOptions, useAgencies } from '../../components/staff/useAgencies.ts';
import { NoAccess, useRoles } from '../staff/StaffLayout.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { CreateOrderForm } from './CreateOrderForm.tsx';
import { formatDateTime } from '../../app/format.ts';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { woMessages } from '../../i18n/oversight.ts';
import { staffMessages } from '../../i18n/staff.ts';

const STATUSES = ['pending_dispatch', 'pending_sign', 'verifying', 'rectifying', 'explaining', 'callback', 'appealing', 'closed'] as const;
const SOURCES = ['bad_rating', 'suggestion', 'cannot_get_done', 'hotline', 'manual'] as const;

/**
 * 工单: agency staff see their unit's orders (/workbench/workorders); supervisors see all, with the per-unit
 * table, the 12345 import and manual creation (/admin/workorders). Filters live in the URL.
 */
export default function WorkOrdersPage() {
  const t = useT(woMessages);
  const { has } = useRoles();
  const supervisorView = useLocation().pathname.startsWith('/admin');
  const [tick, setTick] = useState(0);
  if (!has('dept_admin', 'reviewer', 'approver', 'supervisor', 'center_admin')) return <NoAccess />;
  const canImport = has('supervisor', 'center_admin');
  const list = <OrderList base={supervisorView ? '/admin/workorders' : '/workbench/workorders'} tick={tick} />;
  if (!supervisorView) return <><h1>{t('listTitle')}</h1>{list}</>;
  const items = [
    { key: 'list', label: t('listTitle'), children: list },
    ...(has('supervisor') ? [{ key: 'agencies', label: t('perAgency'), children: <AgencyTable tick={tick} /> }] : []),
    ...(canImport ? [{ key: 'import', label: t('importTitle'), children: <ImportPanel onImported={() => setTick((n) => n + 1)} /> }] : []),
    ...(has('supervisor') ? [{ key: 'create', label: t('createTitle'), children: <CreateOrderForm onCreated={() => setTick((n) => n + 1)} /> }] : []),
  ];
  return <><h1>{t('superviseTitle')}</h1><Tabs items={items} /></>;
}

function OrderList({ base, tick }: { base: string; tick: number }) {
  const t = useT(woMessages);
  const s = useT(staffMessages);
  const { lang } = useLang();
  const { agencies, nameOf } = useAgencies();
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? undefined;
  const [q, setQ] = useState(get('q') ?? '');
  const state = useAsync(() => workOrdersApi.list({ status: get('status'), source: get('source'), agencyId: get('agencyId'), open: get('open') as 'true', overdue: get('overdue') as 'true', q: get('q'), limit: 200 }), [params.toString(), tick]);
  const set = (k: string, v: string | undefined) => { const n = new URLSearchParams(params); if (v) n.set(k, v); else n.delete(k); setParams(n, { replace: true }); };
  return (
    <>
      <form className="tb-filters" role="search" onSubmit={(e) => { e.preventDefault(); set('q', q.trim()); }}>
        <label>{t('filterStatus')}<Select aria-label={t('filterStatus')} value={get('status') ?? ''} onChange={(v) => set('status', v)} style={{ width: 140 }} options={[{ value: '', label: s('all') }, ...STATUSES.map((x) => ({ value: x, label: t(`s_${x}`) }))]} /></label>
        <label>{t('filterSource')}<Select aria-label={t('filterSource')} value={get('source') ?? ''} onChange={(v) => set('source', v)} style={{ width: 150 }} options={[{ value: '', label: s('all') }, ...SOURCES.map((x) => ({ value: x, label: t(`src_${x}`) }))]} /></label>
        <label>{t('filterAgency')}<Select aria-label={t('filterAgency')} value={get('agencyId') ?? ''} onChange={(v) => set('agencyId', v)} style={{ width: 200 }} showSearch optionFilterProp="label" options={[{ value: '', label: s('all') }, ...agencyOptions(agencies)]} /></label>
        <label>{t('keyword')}<Input value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('keywordPh')} style={{ width: 200 }} allowClear /></label>
        <Checkbox checked={get('open') === 'true'} onChange={(e) => set('open', e.target.checked ? 'true' : undefined)}>{t('filterOpen')}</Checkbox>
        <Checkbox checked={get('overdue') === 'true'} onChange={(e) => set('overdue', e.target.checked ? 'true' : undefined)}>{t('filterOverdue')}</Checkbox>
        <Space><Button type="primary" htmlType="submit">{s('search')}</Button><Button onClick={() => { setQ(''); setParams(new URLSearchParams(), { replace: true }); }}>{s('reset')}</Button></Space>
      </form>
      <AsyncBlock state={state}>
        {(d) => (
          <Table<WorkOrder> rowKey="id" dataSource={d.items} loading={state.loading} pagination={{ pageSize: 20, showTotal: (n) => s('total', { n }) }} locale={{ emptyText: t('empty') }} scroll={{ x: 980 }}
            columns={[
              { title: t('colNo'), dataIndex: 'orderNo', render: (v: string, o) => <Link to={`${base}/${o.id}`}>{v}</Link> },
              { title: t('colTitle'), dataIndex: 'title' },
              { title: t('colSource'), dataIndex: 'source', render: (v: string) => t(`src_${v}` as 'src_manual') },
              { title: t('colStage'), dataIndex: 'status', render: (v: string) => t(`s_${v}` as 's_closed') },
              { title: t('colOwner'), dataIndex: 'agencyId', render: (v: string | null) => (v ? nameOf(v) : t('unassigned')) },
              { title: t('colDeadline'), dataIndex: 'stageDueAt', render: (v: string | null, o) => <DeadlineTag colour={o.deadlineColour} at={v} /> },
              { title: t('colCreated'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, lang) },
            ]} />
        )}
      </AsyncBlock>
    </>
  );
}

const num = (r: Record<string, unknown>, k: string) => Number(r[k] ?? r[k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] ?? 0);

/** 分单位统计: open orders per stage, overdue and closed on time, one row per handling unit. */
function AgencyTable({ tick }: { tick: number }) {
  const t = useT(woMessages);
  const { nameOf } = useAgencies();
  const state = useAsync(() => workOrdersApi.agencyTable(), [tick]);
  const cols = ['pending_sign', 'verifying', 'rectifying', 'explaining', 'callback', 'appealing'] as const;
  return (
    <AsyncBlock state={state}>
      {(d) => (
        <Table rowKey={(r) => String(r.agencyId ?? r.agency_id ?? 'none')} dataSource={d.items} pagination={false} size="small" scroll={{ x: 900 }}
          columns={[
            { title: t('colOwner'), key: 'a', render: (_: unknown, r) => { const id = (r.agencyId ?? r.agency_id) as string | null; return id ? nameOf(id) : t('unassigned'); } },
            { title: t('open'), key: 'open', render: (_: unknown, r) => num(r, 'open') },
            ...cols.map((c) => ({ title: t(`s_${c}`), key: c, render: (_: unknown, r: Record<string, unknown>) => num(r, c) })),
            { title: t('overdue'), key: 'overdue', render: (_: unknown, r) => <strong style={{ color: num(r, 'overdue') ? '#b42318' : undefined }}>{num(r, 'overdue')}</strong> },
            { title: t('closed'), key: 'closed', render: (_: unknown, r) => num(r, 'closed') },
            { title: t('closedOnTime'), key: 'cot', render: (_: unknown, r) => num(r, 'closedOnTime') },
          ]} />
      )}
    </AsyncBlock>
  );
}
