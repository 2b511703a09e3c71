import { useMemo, useState } from 'react';
import { Button, Card, Col, Input, Row, Select, Table } from 'antd';
import { analyticsApi, type Figure, type Indicators } from '../../api/oversight.ts';
import { todayInShanghai } from '../../api/services.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { AsyncBlock } from '../../components/AsyncBlock.tsx';
import { BarChartBlock } from '../../components/staff/EChart.tsx';
import { agencyOptions, useAgencies } from '../../components/staff/useAgencies.ts';
import { useT } from '../../i18n/i18n.tsx';
import { woMessages } from '../../i18n/oversight.ts';

const pct = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 1000) / 10);
const yearStart = () => `${todayInShanghai().slice(0, 4)}-01-01`;

/**
 * 指标: the analytics API's figures for a date range and agency, each with its definition (numerator,
 * denominator, exclusions) printed beside it, and charts per agency, per item and of work orders.
 */
export default function IndicatorsPage() {
  const t = useT(woMessages);
  const { agencies, nameOf } = useAgencies();
  const [range, setRange] = useState({ from: yearStart(), to: todayInShanghai(), agencyId: '' });
  const [query, setQuery] = useState(range);
  const state = useAsync(async () => {
    const [ind, defs] = await Promise.all([analyticsApi.indicators({ from: query.from, to: query.to, agencyId: query.agencyId || undefined }), analyticsApi.definitions()]);
    return { ind, defs: new Map(defs.items.map((d) => [d.key, d])) };
  }, [query.from, query.to, query.agencyId]);
  return (
    <>
      <h1>{t('indicatorsTitle')}</h1>
      <form className="tb-filters" onSubmit={(e) => { e.preventDefault(); setQuery(range); }}>
        <label>{t('from')}<Input type="date" value={range.from} onChange={(e) => setRange({ ...range, from: e.target.value })} style={{ width: 170 }} required /></label>
        <label>{t('to')}<Input type="date" value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })} style={{ width: 170 }} required /></label>
        <label>{t('agency')}<Select aria-label={t('agency')} value={range.agencyId} onChange={(a) => setRange({ ...range, agencyId: a })} style={{ width: 240 }} showSearch optionFilterProp="label" options={[{ value: '', label: t('district') }, ...agencyOptions(agencies)]} /></label>
        <Button type="primary" htmlType="submit">{t('query')}</Button>
      </form>
      <AsyncBlock state={state} rows={8}>
        {({ ind, defs }) => (
          <>
            <Row gutter={[16, 16]}>
              {ind.figures.map((f) => <Col key={f.key} xs={24} md={12} xl={8}><FigureCard f={f} def={defs.get(f.key)} /></Col>)}
            </Row>
            <Charts ind={ind} nameOf={nameOf} />
          </>
        )}
      </AsyncBlock>
    </>
  );
}

function FigureCard({ f, def }: { f: Figure; def?: { numerator: string; denominator: string; excluded: string; source: string } }) {
  const t = useT(woMessages);
  const isRate = f.key.endsWith('_rate');
  const shown = f.value === null ? '—' : isRate ? `${pct(f.value)}%` : String(f.value);
  return (
    <Card size="small" title={f.name} style={{ height: '100%' }}>
      <div className="tb-figure-value" aria-label={`${f.name} ${shown}`}>{shown}</div>
      {typeof f.numerator === 'number' && <div className="tb-field-help">{f.numerator} / {f.denominator}</div>}
      <dl className="tb-def">
        <dt>{t('numerator')}</dt><dd>{def?.numerator ?? String(f.numerator)}</dd>
        <dt>{t('denominator')}</dt><dd>{def?.denominator ?? String(f.denominator)}</dd>
        <dt>{t('excluded')}</dt><dd>{def?.excluded ?? f.excluded}</dd>
        <dt>{t('sourceDoc')}</dt><dd>{def?.source ?? f.source}</dd>
      </dl>
    </Card>
  );
}

function Charts({ ind, nameOf }: { ind: Indicators; nameOf: (id: string) => string }) {
  const t = useT(woMessages);
  /** Column and series names come from the API's own figure names, so the page and the definitions agree. */
  const figName = (key: string) => ind.figures.find((f) => f.key === key)?.name ?? key;
  const RATE_KEYS = { caseRatingRate: 'case_rating_rate', badRate: 'bad_rate', badRectifiedRate: 'bad_rectified_rate', badRectifiedOnTimeRate: 'bad_rectified_on_time_rate', realNameCallbackRate: 'real_name_callback_rate' } as const;
  const agencyChart = useMemo(() => ({
    categories: ind.perAgency.map((a) => nameOf(String(a.agencyId))),
    series: [{ name: figName('bad_rate'), values: ind.perAgency.map((a) => pct(a.badRate as number | null)) }, { name: figName('case_rating_rate'), values: ind.perAgency.map((a) => pct(a.caseRatingRate as number | null)) }],
  }), [ind, nameOf]);
  const itemChart = useMemo(() => ({ categories: ind.perItem.map((i) => String(i.itemName)), series: [{ name: t('avgLevel'), values: ind.perItem.map((i) => (i.averageLevel as number | null) ?? null) }] }), [ind, t]);
  const orders = ind.workOrders.bySourceAndStage;
  const orderChart = useMemo(() => {
    const sources = [...new Set(orders.map((o) => o.source))];
    const statuses = [...new Set(orders.map((o) => o.status))];
    return { categories: sources.map((s) => t(`src_${s}` as 'src_manual')), series: statuses.map((st) => ({ name: t(`s_${st}` as 's_closed'), values: sources.map((s) => orders.find((o) => o.source === s && o.status === st)?.count ?? 0) })) };
  }, [orders, t]);
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
      <Col xs={24} xl={12}><Card size="small">{agencyChart.categories.length ? <BarChartBlock title={t('perAgencyChart')} {...agencyChart} max={100} /> : <p>{t('perAgencyChart')}：{t('noData')}</p>}</Card></Col>
      <Col xs={24} xl={12}><Card size="small">{orderChart.categories.length ? <BarChartBlock title={t('ordersChart')} {...orderChart} /> : <p>{t('ordersChart')}：{t('noData')}</p>}</Card></Col>
      <Col xs={24}><Card size="small">{itemChart.categories.length ? <BarChartBlock title={t('perItemChart')} {...itemChart} horizontal height={Math.max(240, itemChart.categories.length * 28)} max={5} /> : <p>{t('perItemChart')}：{t('noData')}</p>}</Card></Col>
      <Col xs={24}>
        <h2>{t('perAgencyTable')}</h2>
        <Table size="small" rowKey={(r) => String(r.agencyId)} dataSource={ind.perAgency} pagination={false} scroll={{ x: 900 }}
          columns={[
            { title: t('agency'), key: 'a', render: (_: unknown, r) => nameOf(String(r.agencyId)) },
            ...(['completedCases', 'ratings', 'badOrders', 'overdueOpen', 'closedLate'] as const).map((k) => ({ title: t(`col_${k}`), dataIndex: k })),
            ...(Object.keys(RATE_KEYS) as (keyof typeof RATE_KEYS)[]).map((k) => ({ title: figName(RATE_KEYS[k]), key: k, render: (_: unknown, r: Record<string, unknown>) => { const v = pct(r[k] as number | null); return v === null ? '—' : `${v}%`; } })),
            { title: figName('average_level'), dataIndex: 'averageLevel', render: (v: number | null) => v ?? '—' },
          ]} />
      </Col>
    </Row>
  );
}
