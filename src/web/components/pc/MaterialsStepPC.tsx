import { useState } from 'react';
import { Button, Checkbox, Progress, Tag } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import type { MaterialState, MaterialUploads } from '../../flows/useMaterialUploads.ts';
import { formatSize } from '../../app/format.ts';
import { useAnnounce } from '../../a11y/Announcer.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { applyMessages } from '../../i18n/apply.ts';

/** Upload per required material with progress and preview, or the exemption where the guide allows it. */
export function MaterialsStepPC({ uploads }: { uploads: MaterialUploads }) {
  const t = useT(applyMessages);
  if (!uploads.state.length) return <p>{t('noMaterials')}</p>;
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      {uploads.state.map((s) => <MaterialRow key={s.material.id} s={s} uploads={uploads} />)}
    </div>
  );
}

function MaterialRow({ s, uploads }: { s: MaterialState; uploads: MaterialUploads }) {
  const t = useT(applyMessages);
  const announce = useAnnounce();
  const [rejected, setRejected] = useState<string | null>(null);
  const m = s.material;
  const inputId = `upload-${m.id}`;
  const onFiles = (files: FileList | null) => {
    setRejected(null);
    for (const file of Array.from(files ?? [])) {
      const reason = uploads.add(m.id, file);
      if (reason) {
        setRejected(`${file.name}：${reason}`);
        announce(`${file.name}：${reason}`, 'assertive');
      }
    }
  };
  return (
    <div className="tb-card" role="group" aria-labelledby={`${inputId}-title`}>
      <h3 id={`${inputId}-title`} style={{ margin: '0 0 4px', fontSize: '1.05em' }}>
        {m.name} {m.required ? <Tag color="red">{t('required')}</Tag> : <Tag>{t('optional')}</Tag>}
      </h3>
      <p className="tb-field-help" id={`${inputId}-hint`}>{t('uploadHint', { mb: m.maxSizeMb, count: m.count })}</p>
      {m.exemptable && (
        <Checkbox checked={s.exempt} onChange={(e) => uploads.setExempt(m.id, e.target.checked)}>
          {t('useExemption')}{m.eLicenceType ? `（${m.eLicenceType}）` : m.exemptReason ? `（${m.exemptReason}）` : ''}
        </Checkbox>
      )}
      {!s.exempt && (
        <div style={{ marginTop: 8 }}>
          <input id={inputId} className="tb-file-input" type="file" accept="image/jpeg,image/png,application/pdf" multiple aria-describedby={`${inputId}-hint`}
            onChange={(e) => { onFiles(e.target.files); e.target.value = ''; }} />
          <label htmlFor={inputId} className="tb-file-label"><UploadOutlined aria-hidden="true" />{t('uploadFor', { name: m.name })}</label>
        </div>
      )}
      {rejected && <div className="tb-field-error" role="alert">{rejected}</div>}
      <ul style={{ listStyle: 'none', padding: 0, margin: '8px 0 0', display: 'grid', gap: 8 }}>
        {s.files.map((f) => (
          <li key={f.localId} style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
            {f.previewUrl ? <img className="tb-thumb" src={f.previewUrl} alt={`${t('preview')}：${f.name}`} /> : null}
            <span style={{ minWidth: 160 }}>{f.name || f.uploaded?.fileName || t('uploaded')} {f.size > 0 && <small>({formatSize(f.size)})</small>}</span>
            {f.status === 'uploading' && (
              <Progress percent={f.progress} size="small" style={{ width: 200 }} aria-label={t('uploading', { p: f.progress })} />
            )}
            {f.status === 'done' && <Tag color="green">{t('uploaded')}</Tag>}
            {f.status === 'done' && f.uploaded && !f.previewUrl && (
              <a href={f.uploaded.url} target="_blank" rel="noreferrer">{f.mime === 'application/pdf' ? t('openPdf') : t('preview')}</a>
            )}
            {f.status === 'error' && <span className="tb-field-error" role="alert">{t('uploadFailed')}：{f.error}</span>}
            <Button size="small" icon={<DeleteOutlined aria-hidden="true" />} onClick={() => uploads.remove(m.id, f.localId)} aria-label={t('removeFile', { name: f.name })} />
          </li>
        ))}
      </ul>
    </div>
  );
}
