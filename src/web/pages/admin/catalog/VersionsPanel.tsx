import { useState } from 'react';
import { App, Button, Table, Tag } from 'antd';
import { adminApi, type VersionRow } from '../../../api/admin.ts';
import { useAsync } from '../../../flows/useAsync.ts';
import { AsyncBlock } from '../../../components/AsyncBlock.tsx';
import { ApiErrorAlert } from '../../../components/staff/ApiErrorAlert.tsx';
import { useRoles } from '../../staff/StaffLayout.tsx';
import { formatDateTime } from '../../../app/format.ts';
import { useLang, useT } from '../../../i18n/i18n.tsx';
import { adminMessages } from '../../../i18n/admin.ts';

/** 版本历史 and 发布: a center admin publishes a draft; the previous published version is archived. */
export function VersionsPanel({ itemKey, versions, onPublished }: { itemKey: string; versions: VersionRow[]; onPublished: () => void }) {
  const t = useT(adminMessages);
  const { lang } = useLang();
  const { has } = useRoles();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const publish = async (v: number) => {
    setError(null);
    try { await adminApi.publish(itemKey, v); message.success(t('published', { v })); onPublished(); } catch (e) { setError(e); }
  };
  const center = has('center_admin');
  return (
    <>
      {!center && <p>{t('publishOnlyCenter')}</p>}
      <ApiErrorAlert error={error} onRefresh={onPublished} />
      <Table<VersionRow> rowKey="id" size="small" pagination={false} dataSource={[...versions].sort((a, b) => b.version - a.version)}
        columns={[
          { title: '#', dataIndex: 'version', width: 60 },
          { title: t('colState'), dataIndex: 'status', render: (s: string) => <Tag color={s === 'published' ? 'green' : s === 'draft' ? 'gold' : 'default'}>{t(`vs_${s}` as 'vs_draft')}</Tag> },
          { title: t('changeNote'), dataIndex: 'changeNote' },
          { title: t('vCreated'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, lang) },
          { title: t('vPublished'), dataIndex: 'publishedAt', render: (v: string | null) => formatDateTime(v, lang) || '—' },
          { title: '', key: 'p', render: (_: unknown, r) => (center && r.status === 'draft' ? <Button type="primary" size="small" onClick={() => void publish(r.version)}>{t('publish', { v: r.version })}</Button> : null) },
        ]} />
    </>
  );
}

/** The guide check of this item (its draft when there is one). */
export function ItemCheckPanel({ itemKey }: { itemKey: string }) {
  const t = useT(adminMessages);
  const state = useAsync(() => adminApi.itemCheck(itemKey), [itemKey]);
  return (
    <AsyncBlock state={state}>
      {(r) => (
        <>
          <p><strong>{t('score')}：{r.score}</strong> <Button size="small" onClick={state.reload}>{t('recheck')}</Button></p>
          {r.findings.length === 0 ? <p>{t('noFindings')}</p> : (
            <ul>{r.findings.map((f, i) => <li key={i}><Tag color={f.severity === 'error' ? 'red' : f.severity === 'warning' ? 'orange' : 'blue'}>{t(`f_${f.severity}` as 'f_error')}</Tag>{f.element ?? f.field ?? f.rule ?? ''} {f.message}</li>)}</ul>
          )}
        </>
      )}
    </AsyncBlock>
  );
}
