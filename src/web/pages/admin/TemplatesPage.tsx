import { useState } from 'react';
import { App, Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { adminApi, type Delivery, type Template } from '../../api/admin.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { AsyncBlock } from '../../components/AsyncBlock.tsx';
import { Field } from '../../components/staff/Field.tsx';
import { ApiErrorAlert } from '../../components/staff/ApiErrorAlert.tsx';
import { formatDateTime } from '../../app/format.ts';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { adminMessages } from '../../i18n/admin.ts';
import { staffMessages } from '../../i18n/staff.ts';

/** 消息模板 (with their variables) and the delivery log of the notification outbox. */
export default function TemplatesPage() {
  const t = useT(adminMessages);
  const s = useT(staffMessages);
  const { message } = App.useApp();
  const state = useAsync(() => adminApi.templates(), []);
  const [edit, setEdit] = useState<Template | null>(null);
  const [error, setError] = useState<unknown>(null);
  const save = async () => {
    if (!edit) return;
    setError(null);
    try { await adminApi.saveTemplate(edit.key, edit.channel, { title: edit.title, body: edit.body }); message.success(t('tplSaved')); setEdit(null); state.reload(); } catch (e) { setError(e); }
  };
  return (
    <>
      <h1>{t('tplTitle')}</h1>
      {edit && (
        <Card size="small" title={`${edit.key} · ${edit.channel}`} style={{ marginBottom: 12 }}>
          <ApiErrorAlert error={error} />
          <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
            <Field label={t('tplTitleField')} required><Input value={edit.title} onChange={(e) => setEdit({ ...edit, title: e.target.value })} /></Field>
            <Field label={t('tplBody')} required help={`${t('tplVars')}：${edit.variables.map((v) => `{{${v}}}`).join(' ')}`}><Input.TextArea value={edit.body} onChange={(e) => setEdit({ ...edit, body: e.target.value })} autoSize={{ minRows: 3 }} /></Field>
            <Space><Button type="primary" htmlType="submit">{s('save')}</Button><Button onClick={() => setEdit(null)}>{s('cancel')}</Button></Space>
          </form>
        </Card>
      )}
      <AsyncBlock state={state}>
        {(d) => (
          <Table<Template> rowKey={(r) => `${r.key}:${r.channel}`} size="small" dataSource={d.items} pagination={{ pageSize: 15 }} scroll={{ x: 1000 }}
            columns={[
              { title: t('tplKey'), dataIndex: 'key', render: (v: string, r) => <>{v}<div className="tb-field-help">{r.description}</div></> },
              { title: t('tplChannel'), dataIndex: 'channel', render: (v: string, r) => <>{v}{r.essential && <Tag color="blue" style={{ marginLeft: 4 }}>{t('tplEssential')}</Tag>}</> },
              { title: t('tplTitleField'), dataIndex: 'title' }, { title: t('tplBody'), dataIndex: 'body' },
              { title: s('actions'), key: 'x', render: (_: unknown, r) => <Button size="small" aria-label={`${s('edit')} ${r.key} ${r.channel}`} onClick={() => setEdit(r)}>{s('edit')}</Button> },
            ]} />
        )}
      </AsyncBlock>
      <DeliveryLog />
    </>
  );
}

function DeliveryLog() {
  const t = useT(adminMessages);
  const s = useT(staffMessages);
  const { lang } = useLang();
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const state = useAsync(() => adminApi.deliveries({ status: status || undefined, page, pageSize: 20 }), [status, page]);
  return (
    <>
      <h2>{t('deliveries')}</h2>
      <div className="tb-filters"><label>{t('dlStatus')}<Select aria-label={t('dlStatus')} value={status} onChange={(v) => { setStatus(v); setPage(1); }} style={{ width: 140 }} options={[{ value: '', label: s('all') }, ...(['queued', 'sent', 'failed', 'skipped'] as const).map((x) => ({ value: x, label: t(`ds_${x}`) }))]} /></label></div>
      <AsyncBlock state={state}>
        {(d) => (
          <Table<Delivery> rowKey="id" size="small" dataSource={d.items} pagination={{ current: d.page, pageSize: d.pageSize, total: d.total, onChange: setPage, showTotal: (n) => s('total', { n }) }} scroll={{ x: 900 }}
            columns={[
              { title: t('dlAt'), key: 'at', render: (_: unknown, r) => formatDateTime(r.sentAt ?? r.createdAt, lang) },
              { title: t('tplKey'), key: 'k', render: (_: unknown, r) => r.templateKey ?? r.template ?? '' },
              { title: t('dlChannel'), dataIndex: 'channel' }, { title: t('dlRecipient'), key: 'r', render: (_: unknown, r) => r.recipient ?? r.phone ?? '' },
              { title: t('dlStatus'), dataIndex: 'status', render: (v: string) => <Tag color={v === 'failed' ? 'red' : v === 'sent' ? 'green' : 'default'}>{t(`ds_${v}` as 'ds_sent')}</Tag> },
              { title: t('dlError'), dataIndex: 'error' },
            ]} />
        )}
      </AsyncBlock>
    </>
  );
}
