import { useEffect, useRef, useState } from 'react';
import { Alert, Card, Progress, Table } from 'antd';
import { workOrdersApi, type ImportReport } from '../../api/oversight.ts';
import { ApiErrorAlert } from '../../components/staff/ApiErrorAlert.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { woMessages } from '../../i18n/oversight.ts';

/**
 * 12345 import: the file goes up with an upload progress bar; the server answers at once with the row-level
 * validation report and writes the valid rows in the background, whose progress is polled until done.
 */
export function ImportPanel({ onImported }: { onImported: () => void }) {
  const t = useT(woMessages);
  const [upload, setUpload] = useState(-1);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const poll = (id: string) => {
    timer.current = setTimeout(async () => {
      try {
        const r = await workOrdersApi.importStatus(id);
        setReport((old) => ({ ...r, errors: r.errors.length ? r.errors : old?.errors ?? [] }));
        if (r.status === 'done' || r.finishedAt) onImported();
        else poll(id);
      } catch (e) { setError(e); }
    }, 800);
  };
  const start = (file: File) => {
    setError(null);
    setReport(null);
    setUpload(0);
    workOrdersApi.importFile(file, setUpload).promise.then(
      (r) => { setReport(r); if (r.status === 'done' || r.finishedAt) onImported(); else poll(r.id); },
      (e) => { setError(e); setUpload(-1); },
    );
  };
  return (
    <Card title={t('importTitle')} size="small" style={{ marginBottom: 16 }}>
      <p style={{ marginTop: 0 }}>{t('importHint')}</p>
      <label htmlFor="wo-import" className="ant-btn ant-btn-default" style={{ display: 'inline-flex', alignItems: 'center', padding: '4px 12px', cursor: 'pointer' }}>{t('chooseFile')}</label>
      <input id="wo-import" type="file" accept=".csv,.json,text/csv,application/json" className="tb-sr-only" aria-label={t('importTitle')}
        onChange={(e) => { const f = e.target.files?.[0]; if (f) start(f); e.target.value = ''; }} />
      {upload >= 0 && <div style={{ marginTop: 8 }}>{t('uploadProgress')}<Progress percent={upload} aria-label={t('uploadProgress')} /></div>}
      {report && (
        <div style={{ marginTop: 8 }}>
          {t('writeProgress')}<Progress percent={Math.round(report.progress * 100)} status={report.finishedAt ? 'success' : 'active'} aria-label={t('writeProgress')} />
          <Alert type={report.errorRows ? 'warning' : 'success'} showIcon role="status" style={{ margin: '8px 0' }}
            message={t('importReport', { total: report.total, valid: report.valid, errors: report.errorRows, inserted: report.inserted, updated: report.updated })} />
          {report.errors.length > 0 && (
            <Table size="small" rowKey={(r) => `${r.row}-${r.field}-${r.message}`} dataSource={report.errors} pagination={{ pageSize: 10 }}
              columns={[{ title: t('errRow'), dataIndex: 'row', width: 80 }, { title: t('ticketNo'), dataIndex: 'ticketNo' }, { title: t('errField'), dataIndex: 'field' }, { title: t('errMessage'), dataIndex: 'message' }]} />
          )}
        </div>
      )}
      <ApiErrorAlert error={error} />
    </Card>
  );
}
