import { Alert, Button } from 'antd';
import { ApiError } from '../../api/client.ts';
import { useT } from '../../i18n/i18n.tsx';
import { staffMessages } from '../../i18n/staff.ts';

/**
 * A failed write, said plainly. A 409 (someone else acted first: stale version, already claimed, wrong state)
 * gets its own words and a refresh button, because the only sensible next step is to look at the new state.
 */
export function ApiErrorAlert({ error, onRefresh }: { error: unknown; onRefresh?: () => void }) {
  const t = useT(staffMessages);
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const conflict = api?.status === 409;
  const fields = api ? Object.entries(api.fieldErrors).filter(([, m]) => m !== api.message) : [];
  return (
    <Alert
      type={conflict ? 'warning' : 'error'}
      showIcon
      role="alert"
      style={{ marginBottom: 12 }}
      message={conflict ? t('conflict') : api?.problem.title ?? String(error)}
      description={
        <>
          <div>{api?.message ?? (error instanceof Error ? error.message : '')}</div>
          {conflict && <div>{t('conflictHint')}</div>}
          {fields.length > 0 && <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>{fields.map(([f, m]) => <li key={f}>{f}：{m}</li>)}</ul>}
        </>
      }
      action={conflict && onRefresh ? <Button size="small" onClick={onRefresh}>{t('refreshNow')}</Button> : undefined}
    />
  );
}
