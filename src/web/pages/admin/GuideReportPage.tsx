import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, Col, Row, Select, Statistic, Table, Tag } from 'antd';
import { adminApi, type GuideCheckReport } from '../../api/admin.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { AsyncBlock } from '../../components/AsyncBlock.tsx';
import { BarChartBlock } from '../../components/staff/EChart.tsx';
import { agencyOptions, useAgencies } from '../../components/staff/useAgencies.ts';
import { useT } from '../../i18n/i18n.tsx';
import { adminMessages } from '../../i18n/admin.ts';
import { staffMessages } from '../../i18n/staff.ts';

type ItemRow = GuideCheckReport['items'][number];
const SEV_COLOUR = { error: 'red', warning: 'orange', info: 'blue' } as const;

/** 指南准确度报告: the score per department (chart and table) and the findings of each item, worst first. */
export default function GuideReportPage() {
  const t = useT(adminMessages);
  const s = useT(staffMessages);
  const { agencies, nameOf } = useAgencies();
  const [agencyId, setAgencyId] = useState('');
  const state = useAsync(() => adminApi.guideCheck(agencyId || undefined), [agencyId]);
  return (
    <>
      <h1>{t('checkTitle')}</h1>
      <div className="tb-filters">
        <label>{t('dept')}<Select aria-label={t('dept')} value={agencyId} onChange={setAgencyId} style={{ width: 260 }} showSearch optionFilterProp="label" options={[{ value: '', label: s('all') }, ...agencyOptions(agencies)]} /></label>
      </div>
      <AsyncBlock state={state} rows={8}>
        {(r) => (
          <>
            <Row gutter={16} style={{ marginBottom: 16 }}>
              <Col><Card size="small"><Statistic title={t('avgScore')} value={r.summary.averageScore} /></Card></Col>
              {(['error', 'warning', 'info'] as const).map((k) => <Col key={k}><Card size="small"><Statistic title={t(`f_${k}`)} value={r.summary.findings[k] ?? 0} /></Card></Col>)}
            </Row>
            <Card size="small" style={{ marginBottom: 16 }}>
              <BarChartBlock title={t('byDept')} categories={r.departments.map((d) => d.agencyName)} series={[{ name: t('score'), values: r.departments.map((d) => d.score) }]} max={100} />
            </Card>
            <h2>{t('perItem')}</h2>
            <Table<ItemRow> rowKey="key" size="small" dataSource={[...r.items].sort((a, b) => a.score - b.score)} pagination={{ pageSize: 20 }} scroll={{ x: 900 }}
              columns={[
                { title: t('colName'), dataIndex: 'name', render: (v: string, i) => <Link to={`/admin/items/${encodeURIComponent(i.key)}`}>{v}</Link> },
                { title: t('dept'), dataIndex: 'agencyId', render: (v: string) => nameOf(v) },
                { title: t('score'), dataIndex: 'score', width: 80, sorter: (a, b) => a.score - b.score },
                { title: t('findings'), key: 'f', render: (_: unknown, i) => (i.findings.length ? (
                  <ul style={{ margin: 0, paddingLeft: 16 }}>{i.findings.map((f, n) => <li key={n}><Tag color={SEV_COLOUR[f.severity]}>{t(`f_${f.severity}`)}</Tag>{f.element ? `${f.element}：` : ''}{f.message}</li>)}</ul>
                ) : t('noFindings')) },
              ]} />
          </>
        )}
      </AsyncBlock>
    </>
  );
}
