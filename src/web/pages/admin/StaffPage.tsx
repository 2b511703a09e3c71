import { useState } from 'react';
import { Alert, App, Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { adminApi, ROLE_CODES, type StaffRow } from '../../api/admin.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { AsyncBlock } from '../../components/AsyncBlock.tsx';
import { Field } from '../../components/staff/Field.tsx';
import { ApiErrorAlert } from '../../components/staff/ApiErrorAlert.tsx';
import { agencyOptions, useAgencies } from '../../components/staff/useAgencies.ts';
import { NoAccess, useRoles } from '../staff/StaffLayout.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { adminMessages } from '../../i18n/admin.ts';
import { staffMessages } from '../../i18n/staff.ts';

/**
 * 人员与角色: accounts of the agencies one administers, their roles with scope (agency), enable/disable,
 * password reset (the one-time password is shown once), new accounts and role grants.
 */
export default function StaffPage() {
  const t = useT(adminMessages);
  const s = useT(staffMessages);
  const { has } = useRoles();
  const { message } = App.useApp();
  const { agencies, nameOf } = useAgencies();
  const [agencyId, setAgencyId] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const state = useAsync(() => adminApi.staff(agencyId || undefined), [agencyId]);
  if (!has('dept_admin', 'center_admin')) return <NoAccess />;
  const run = async (fn: () => Promise<unknown>, ok?: string) => { setError(null); try { await fn(); if (ok) message.success(ok); state.reload(); } catch (e) { setError(e); } };
  const roleLabel = (r: string) => s(`role_${r}` as 'role_reviewer');
  return (
    <>
      <h1>{t('staffTitle')}</h1>
      <div className="tb-filters"><label>{t('stAgency')}<Select aria-label={t('stAgency')} value={agencyId} onChange={setAgencyId} style={{ width: 260 }} showSearch optionFilterProp="label" options={[{ value: '', label: s('all') }, ...agencyOptions(agencies)]} /></label></div>
      {secret && <Alert type="success" showIcon closable onClose={() => setSecret(null)} message={secret} style={{ marginBottom: 12 }} role="status" />}
      <ApiErrorAlert error={error} />
      <NewStaff onCreated={(pw) => { setSecret(t('stCreated', { pw })); state.reload(); }} />
      <AsyncBlock state={state}>
        {(d) => (
          <Table<StaffRow> rowKey="id" size="small" dataSource={d.items} pagination={{ pageSize: 20, showTotal: (n) => s('total', { n }) }} scroll={{ x: 1100 }}
            columns={[
              { title: t('stLogin'), dataIndex: 'login' }, { title: t('stName'), dataIndex: 'name' }, { title: t('stPhone'), dataIndex: 'phone' },
              { title: t('stAgency'), dataIndex: 'agencyId', render: (v: string) => nameOf(v) },
              { title: t('stRoles'), key: 'roles', render: (_: unknown, u) => (
                <Space wrap size={4}>
                  {u.roles.map((r) => <Tag key={`${r.role}@${r.agencyId}`} closable closeIcon={<span aria-label={t('revokeRole', { role: roleLabel(r.role), agency: nameOf(r.agencyId) })}>×</span>}
                    onClose={(e) => { e.preventDefault(); void run(() => adminApi.revokeRole(u.id, r.role, r.agencyId)); }}>{roleLabel(r.role)} @ {nameOf(r.agencyId)}</Tag>)}
                  <GrantRole onGrant={(role, agency) => run(() => adminApi.grantRole(u.id, role, agency))} label={`${t('grant')} ${u.name}`} />
                </Space>
              ) },
              { title: t('stActive'), key: 'a', render: (_: unknown, u) => <>{u.active ? t('active') : t('inactive')}{u.lockedUntil && <Tag color="red">{t('locked')}</Tag>}</> },
              { title: s('actions'), key: 'x', render: (_: unknown, u) => (
                <Space>
                  <Button size="small" onClick={() => void run(() => adminApi.setActive(u.id, !u.active))} aria-label={`${u.active ? t('deactivate') : t('activate')} ${u.name}`}>{u.active ? t('deactivate') : t('activate')}</Button>
                  <Button size="small" aria-label={`${t('resetPw')} ${u.name}`} onClick={() => void run(async () => { const r = await adminApi.resetPassword(u.id); setSecret(t('pwReset', { pw: r.temporaryPassword })); })}>{t('resetPw')}</Button>
                </Space>
              ) },
            ]} />
        )}
      </AsyncBlock>
    </>
  );
}

function GrantRole({ onGrant, label }: { onGrant: (role: string, agencyId: string) => void; label: string }) {
  const t = useT(adminMessages);
  const s = useT(staffMessages);
  const { agencies } = useAgencies();
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState<string>();
  const [agency, setAgency] = useState<string>();
  if (!open) return <Button size="small" type="dashed" onClick={() => setOpen(true)} aria-label={label}>+</Button>;
  return (
    <Space size={4} wrap>
      <Select size="small" aria-label={t('role')} value={role} onChange={setRole} style={{ width: 130 }} options={ROLE_CODES.map((r) => ({ value: r, label: s(`role_${r}`) }))} placeholder={t('role')} />
      <Select size="small" aria-label={t('roleScope')} value={agency} onChange={setAgency} style={{ width: 170 }} showSearch optionFilterProp="label" options={agencyOptions(agencies)} placeholder={t('roleScope')} />
      <Button size="small" type="primary" disabled={!role || !agency} onClick={() => { onGrant(role!, agency!); setOpen(false); }}>{t('grant')}</Button>
      <Button size="small" onClick={() => setOpen(false)}>{s('cancel')}</Button>
    </Space>
  );
}

function NewStaff({ onCreated }: { onCreated: (pw: string) => void }) {
  const t = useT(adminMessages);
  const { agencies } = useAgencies();
  const [v, setV] = useState({ login: '', name: '', phone: '', agencyId: '' });
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setError(null);
    try {
      const r = await adminApi.createStaff({ login: v.login.trim(), name: v.name.trim(), phone: v.phone.trim() || null, agencyId: v.agencyId });
      onCreated(r.temporaryPassword);
      setV({ login: '', name: '', phone: '', agencyId: '' });
    } catch (e) { setError(e); }
  };
  return (
    <Card size="small" title={t('stNew')} style={{ marginBottom: 12 }}>
      <ApiErrorAlert error={error} />
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} aria-label={t('stNew')}>
        <Space wrap align="end">
          <Field label={t('stLogin')} required><Input value={v.login} onChange={(e) => setV({ ...v, login: e.target.value })} style={{ width: 160 }} autoComplete="off" /></Field>
          <Field label={t('stName')} required><Input value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} style={{ width: 140 }} /></Field>
          <Field label={t('stPhone')}><Input value={v.phone} onChange={(e) => setV({ ...v, phone: e.target.value })} style={{ width: 150 }} inputMode="tel" /></Field>
          <Field label={t('stAgency')} required><Select value={v.agencyId || undefined} onChange={(a) => setV({ ...v, agencyId: a })} style={{ width: 220 }} showSearch optionFilterProp="label" options={agencyOptions(agencies)} /></Field>
          <Button type="primary" htmlType="submit" disabled={!v.login.trim() || !v.name.trim() || !v.agencyId} style={{ marginBottom: 12 }}>{t('stNew')}</Button>
        </Space>
      </form>
    </Card>
  );
}
