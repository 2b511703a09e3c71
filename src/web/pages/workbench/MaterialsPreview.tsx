import { useState } from 'react';
import { Button, Card, Empty, List, Space, Tag } from 'antd';
import { contentUrl, type StaffCase } from '../../api/staff.ts';
import { formatSize } from '../../app/format.ts';
import { useT } from '../../i18n/i18n.tsx';
import { wbMessages } from '../../i18n/workbench.ts';

/**
 * The case's materials with an inline preview: images as <img>, PDFs in the browser's own viewer (<iframe>);
 * other types are downloaded. Reading a file is checked and logged by the materials module.
 */
export function MaterialsPreview({ c }: { c: StaffCase }) {
  const t = useT(wbMessages);
  const [open, setOpen] = useState<{ id: string; name: string; mime: string } | null>(null);
  if (!c.materials.length) return <Card title={t('materials')} size="small" style={{ marginBottom: 16 }}><Empty /></Card>;
  return (
    <Card title={t('materials')} size="small" style={{ marginBottom: 16 }}>
      <List
        dataSource={c.materials}
        renderItem={(m) => (
          <List.Item>
            <div style={{ width: '100%' }}>
              <Space wrap><strong>{m.name}</strong><Tag>{t(`m_${m.method}` as 'm_exempt')}</Tag>{m.eLicenceNo && <Tag color="blue">{m.eLicenceNo}</Tag>}</Space>
              {m.note && <div className="tb-field-help">{m.note}</div>}
              {m.files.length === 0 ? <div className="tb-field-help">{t('noFiles')}</div> : (
                <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
                  {m.files.map((f) => (
                    <li key={f.uploadId}>
                      {f.fileName} <span className="tb-field-help">（{formatSize(f.size)}）</span>{' '}
                      {(f.mime.startsWith('image/') || f.mime === 'application/pdf') && (
                        <Button size="small" type="link" onClick={() => setOpen({ id: f.uploadId, name: f.fileName, mime: f.mime })} aria-label={`${t('preview')} ${f.fileName}`}>{t('preview')}</Button>
                      )}
                      <a href={contentUrl(f.uploadId)} download={f.fileName} aria-label={`${t('download')} ${f.fileName}`}>{t('download')}</a>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </List.Item>
        )}
      />
      {open && (
        <section aria-label={t('previewOf', { name: open.name })} style={{ marginTop: 12 }}>
          <Space style={{ marginBottom: 8 }}><strong>{t('previewOf', { name: open.name })}</strong><Button size="small" onClick={() => setOpen(null)}>{t('closePreview')}</Button></Space>
          {open.mime.startsWith('image/')
            ? <img src={contentUrl(open.id)} alt={open.name} className="tb-preview-img" />
            : <iframe src={contentUrl(open.id)} title={open.name} className="tb-preview-frame" />}
        </section>
      )}
    </Card>
  );
}
