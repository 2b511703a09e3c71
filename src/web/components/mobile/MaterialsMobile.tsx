import { useState } from 'react';
import { Button, ProgressBar, Tag } from 'antd-mobile';
import type { MaterialUploads } from '../../flows/useMaterialUploads.ts';
import { useAnnounce } from '../../a11y/Announcer.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { applyMessages } from '../../i18n/apply.ts';

/** Materials on the phone: take a photo or pick a file per material; progress, thumbnail, remove, exemption. */
export function MaterialsMobile({ uploads }: { uploads: MaterialUploads }) {
  const t = useT(applyMessages);
  const announce = useAnnounce();
  const [rejected, setRejected] = useState<Record<string, string>>({});
  if (!uploads.state.length) return <p>{t('noMaterials')}</p>;
  return (
    <>
      {uploads.state.map(({ material: m, files, exempt }) => {
        const id = `mupload-${m.id}`;
        return (
          <div key={m.id} className="tbm-card" role="group" aria-labelledby={`${id}-t`}>
            <h3 id={`${id}-t`} style={{ margin: '0 0 4px', fontSize: '1em' }}>
              {m.name} {m.required ? <Tag color="danger">{t('required')}</Tag> : <Tag>{t('optional')}</Tag>}
            </h3>
            <p id={`${id}-h`} className="tb-field-help">{t('uploadHint', { mb: m.maxSizeMb, count: m.count })}</p>
            {/* A native checkbox: antd-mobile's hides its input (display: none), out of reach of keyboards and screen readers. */}
            {m.exemptable && (
              <label style={{ display: 'flex', alignItems: 'center', gap: 8, minHeight: 44 }}>
                <input type="checkbox" checked={exempt} onChange={(e) => uploads.setExempt(m.id, e.target.checked)} style={{ width: 22, height: 22 }} />
                {t('useExemption')}
              </label>
            )}
            {!exempt && (
              <>
                <input id={id} className="tb-file-input" type="file" accept="image/jpeg,image/png,application/pdf" aria-describedby={`${id}-h`}
                  onChange={(e) => {
                    const f = e.target.files?.[0];
                    e.target.value = '';
                    if (!f) return;
                    const reason = uploads.add(m.id, f);
                    setRejected((r) => ({ ...r, [m.id]: reason ? `${f.name}：${reason}` : '' }));
                    if (reason) announce(`${f.name}：${reason}`, 'assertive');
                  }} />
                <label htmlFor={id} className="tb-file-label" style={{ minHeight: 44, marginTop: 8 }}>{t('uploadFor', { name: m.name })}</label>
              </>
            )}
            {rejected[m.id] && <div className="tb-field-error" role="alert">{rejected[m.id]}</div>}
            {files.map((f) => (
              <div key={f.localId} style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 8, flexWrap: 'wrap' }}>
                {f.previewUrl && <img className="tb-thumb" src={f.previewUrl} alt={`${t('preview')}：${f.name}`} />}
                <span style={{ flex: 1, minWidth: 120, wordBreak: 'break-all' }}>{f.name}</span>
                {f.status === 'uploading' && <div style={{ width: '100%' }} role="progressbar" aria-valuenow={f.progress} aria-valuemin={0} aria-valuemax={100} aria-label={t('uploading', { p: f.progress })}><ProgressBar percent={f.progress} text /></div>}
                {f.status === 'done' && <Tag color="success">{t('uploaded')}</Tag>}
                {f.status === 'error' && <span className="tb-field-error" role="alert">{f.error}</span>}
                <Button size="small" onClick={() => uploads.remove(m.id, f.localId)} aria-label={t('removeFile', { name: f.name })}>×</Button>
              </div>
            ))}
          </div>
        );
      })}
    </>
  );
}
