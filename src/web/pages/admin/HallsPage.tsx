import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { adminApi, type Hall } from '../../api/admin.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { AsyncBlock } from '../../components/AsyncBlock.tsx';
import { ApiErrorAlert } from '../../components/staff/ApiErrorAlert.tsx';
import { useRoles } from '../staff/StaffLayout.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { adminMessages } from '../../i18n/admin.ts';
import { staffMessages } from '../../i18n/staff.ts';

type Win = Hall['windows'][number];
const TYPES = ['无差别综窗', '分领域综窗', '单一功能', '专窗'];

/** 大厅、窗口与自助终端: each hall with its windows (edited as a whole list, as the API replaces it) and kiosks. */
export default function HallsPage() {
  const t = useT(adminMessages);
  const state = useAsync(() => adminApi.halls(), []);
  return (
    <>
      <h1>{t('hallsTitle')}</h1>
      <AsyncBlock state={state} rows={6}>{(d) => <>{d.halls.map((h) => <HallCard key={h.id} hall={h} reload={state.reload} />)}</>}</AsyncBlock>
    </>
  );
}

function HallCard({ hall, reload }: { hall: Hall; reload: () => void }) {
  const t = useT(adminMessages);
  const s = useT(staffMessages);
  const { has } = useRoles();
  const { message } = App.useApp();
  const [windows, setWindows] = useState<Win[]>(hall.windows);
  const [error, setError] = useState<unknown>(null);
  const editable = has('center_admin');
  const setWin = (i: number, patch: Partial<Win>) => setWindows(windows.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  const save = async () => {
    setError(null);
    try {
      await adminApi.saveHall(hall.id, { name: hall.name, level: hall.level, agencyId: hall.agencyId, address: hall.address, hours: hall.hours, phone: hall.phone, appointment: hall.appointment, active: hall.active,
        windows: windows.map((w) => ({ id: w.id.trim(), name: w.name.trim(), type: w.type, itemKeys: w.itemKeys, active: w.active })) });
      message.success(t('hallSaved'));
      reload();
    } catch (e) { setError(e); }
  };
  return (
    <Card size="small" title={hall.name} style={{ marginBottom: 16 }} extra={<Tag>{hall.level}</Tag>}>
      <p style={{ marginTop: 0 }}>{hall.address} · {hall.hours} · {hall.phone}</p>
      <ApiErrorAlert error={error} />
      <h2>{t('windows')}</h2>
      <Table<Win> rowKey={(_, i) => String(i)} size="small" pagination={false} dataSource={windows} scroll={{ x: 900 }}
        columns={[
          { title: t('winId'), key: 'id', width: 110, render: (_, w, i) => (editable ? <Input aria-label={`${t('winId')} ${i + 1}`} value={w.id} onChange={(e) => setWin(i, { id: e.target.value })} /> : w.id) },
          { title: t('winName'), key: 'n', render: (_, w, i) => (editable ? <Input aria-label={`${t('winName')} ${i + 1}`} value={w.name} onChange={(e) => setWin(i, { name: e.target.value })} /> : w.name) },
          { title: t('winType'), key: 'ty', width: 160, render: (_, w, i) => (editable ? <Select aria-label={`${t('winType')} ${i + 1}`} value={w.type} onChange={(v) => setWin(i, { type: v })} style={{ width: 150 }} options={TYPES.map((x) => ({ value: x, label: x }))} /> : w.type) },
          { title: t('winItems'), key: 'it', render: (_, w, i) => (editable ? <Input aria-label={`${t('winItems')} ${i + 1}`} value={w.itemKeys.join(',')} onChange={(e) => setWin(i, { itemKeys: e.target.value.split(',').map((x) => x.trim()).filter(Boolean) })} placeholder="*" /> : w.itemKeys.includes('*') ? t('allItems') : w.itemKeys.join('、')) },
          { title: t('rateLink'), key: 'r', width: 100, render: (_, w) => <Link to={`/rate/${encodeURIComponent(w.id)}`} target="_blank">{t('rateLink')}</Link> },
          ...(editable ? [{ title: '', key: 'x', width: 50, render: (_: unknown, w: Win, i: number) => <Button aria-label={t('winRemove', { id: w.id || i + 1 })} onClick={() => setWindows(windows.filter((_, j) => j !== i))}>×</Button> }] : []),
        ]} />
      {editable && (
        <Space style={{ marginTop: 8 }}>
          <Button onClick={() => setWindows([...windows, { id: '', name: '', type: '无差别综窗', itemKeys: ['*'], active: true }])}>{t('winAdd')}</Button>
          <Button type="primary" onClick={() => void save()}>{s('save')}</Button>
        </Space>
      )}
      {(hall.kiosks ?? []).length > 0 && (
        <>
          <h2>{t('kiosks')}</h2>
          <Table size="small" rowKey="terminalId" pagination={false} dataSource={hall.kiosks}
            columns={[{ title: t('termId'), dataIndex: 'terminalId' }, { title: t('winName'), dataIndex: 'name' }, { title: t('venue'), dataIndex: 'venueType' }, { title: t('address'), dataIndex: 'address' }]} />
        </>
      )}
    </Card>
  );
}
