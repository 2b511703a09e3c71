import { useState } from 'react';
import { App, Button, Card, Input, Select, Space, Table } from 'antd';
import { adminApi, type Agency } from '../../api/admin.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { AsyncBlock } from '../../components/AsyncBlock.tsx';
import { Field } from '../../components/staff/Field.tsx';
import { ApiErrorAlert } from '../../components/staff/ApiErrorAlert.tsx';
import { useRoles } from '../staff/StaffLayout.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { adminMessages } from '../../i18n/admin.ts';
import { staffMessages } from '../../i18n/staff.ts';

type Draft = { id: string; name: string; shortName: string; uscc: string; regionCode: string; parentId: string; nature: string; address: string; phone: string };
const empty: Draft = { id: '', name: '', shortName: '', uscc: '', regionCode: '310112', parentId: 'mh', nature: '机关', address: '', phone: '' };

/** 机构: the agency list; the center admin creates and edits (USCC and region code are checked by the server). */
export default function AgenciesPage() {
  const t = useT(adminMessages);
  const s = useT(staffMessages);
  const { has } = useRoles();
  const { message } = App.useApp();
  const state = useAsync(() => adminApi.agencies(), []);
  const [edit, setEdit] = useState<{ draft: Draft; isNew: boolean } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const center = has('center_admin');
  const save = async () => {
    if (!edit) return;
    setError(null);
    const d = edit.draft;
    const common = { name: d.name.trim(), shortName: d.shortName.trim() || null, parentId: d.parentId, nature: d.nature.trim(), address: d.address.trim() || null, phone: d.phone.trim() || null };
    try {
      if (edit.isNew) await adminApi.createAgency({ ...common, id: d.id.trim(), uscc: d.uscc.trim(), regionCode: d.regionCode.trim() });
      else await adminApi.patchAgency(d.id, common);
      message.success(t('agSaved'));
      setEdit(null);
      state.reload();
    } catch (e) { setError(e); }
  };
  const field = (k: keyof Draft, label: string, disabled = false) => (
    <Field label={label}><Input value={edit!.draft[k]} disabled={disabled} onChange={(e) => setEdit({ ...edit!, draft: { ...edit!.draft, [k]: e.target.value } })} style={{ width: 240 }} /></Field>
  );
  return (
    <>
      <h1>{t('agenciesTitle')}</h1>
      {center && !edit && <Button type="primary" onClick={() => setEdit({ draft: empty, isNew: true })} style={{ marginBottom: 12 }}>{t('agNew')}</Button>}
      {edit && (
        <Card size="small" title={edit.isNew ? t('agNew') : `${s('edit')} ${edit.draft.name}`} style={{ marginBottom: 12 }}>
          <ApiErrorAlert error={error} />
          <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
            <Space wrap>
              {field('id', t('agId'), !edit.isNew)}{field('name', t('agName'))}{field('shortName', t('agShort'))}{field('uscc', t('agUscc'), !edit.isNew)}{field('regionCode', t('agRegion'), !edit.isNew)}
              <Field label={t('agParent')}><Select value={edit.draft.parentId} onChange={(p) => setEdit({ ...edit, draft: { ...edit.draft, parentId: p } })} style={{ width: 240 }} showSearch optionFilterProp="label" options={(state.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))} /></Field>
              {field('nature', t('agNature'))}{field('address', t('agAddress'))}{field('phone', t('agPhone'))}
            </Space>
            <Space><Button type="primary" htmlType="submit">{s('save')}</Button><Button onClick={() => setEdit(null)}>{s('cancel')}</Button></Space>
          </form>
        </Card>
      )}
      <AsyncBlock state={state}>
        {(d) => (
          <Table<Agency> rowKey="id" size="small" dataSource={d.items} pagination={{ pageSize: 30 }} scroll={{ x: 1000 }}
            columns={[
              { title: t('agId'), dataIndex: 'id' }, { title: t('agName'), dataIndex: 'name' }, { title: t('agShort'), dataIndex: 'shortName' }, { title: t('agUscc'), dataIndex: 'uscc' },
              { title: t('agParent'), dataIndex: 'parentId' }, { title: t('agNature'), dataIndex: 'nature' }, { title: t('agPhone'), dataIndex: 'phone' },
              ...(center ? [{ title: s('actions'), key: 'x', render: (_: unknown, a: Agency) => <Button size="small" aria-label={`${s('edit')} ${a.name}`} onClick={() => setEdit({ isNew: false, draft: { ...empty, ...Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v ?? ''])) } as Draft })}>{s('edit')}</Button> }] : []),
            ]} />
        )}
      </AsyncBlock>
    </>
  );
}
