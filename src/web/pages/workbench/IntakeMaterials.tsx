import { useState } from 'react';
import { Button, Checkbox, List, Progress, Space, Tag } from 'antd';
import { workbenchApi } from '../../api/staff.ts';
import type { GuideMaterial } from '../../api/types.ts';
import { ApiErrorAlert } from '../../components/staff/ApiErrorAlert.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { wbMessages } from '../../i18n/workbench.ts';

export interface CollectedMaterial { materialId: string; name: string; uploads: { id: string; fileName: string }[]; paper: boolean; exempt: boolean }

/** How a collected material goes to the cases API: scans as uploads, otherwise paper received or exempted. */
export function materialInput(m: CollectedMaterial) {
  if (m.uploads.length) return { materialId: m.materialId, method: 'online_upload', uploadIds: m.uploads.map((u) => u.id) };
  if (m.paper) return { materialId: m.materialId, method: 'paper_at_window' };
  if (m.exempt) return { materialId: m.materialId, method: 'exempt' };
  return null;
}

/**
 * 收取材料: for each material of the guide, scan/upload on the applicant's behalf (the file belongs to them),
 * tick "paper received", or declare the exemption the guide allows. Required materials must be covered.
 */
export function IntakeMaterials({ materials, itemVersionId, applicantUserId, value, onChange }: { materials: GuideMaterial[]; itemVersionId: string; applicantUserId: string; value: CollectedMaterial[]; onChange: (v: CollectedMaterial[]) => void }) {
  const t = useT(wbMessages);
  const [progress, setProgress] = useState<Record<string, number>>({});
  const [error, setError] = useState<unknown>(null);
  const get = (m: GuideMaterial) => value.find((x) => x.materialId === m.id) ?? { materialId: m.id, name: m.name, uploads: [], paper: false, exempt: false };
  const put = (next: CollectedMaterial) => onChange([...value.filter((x) => x.materialId !== next.materialId), next]);
  const upload = (m: GuideMaterial, file: File) => {
    setError(null);
    const handle = workbenchApi.uploadOnBehalf(file, { materialId: m.id, itemVersionId, onBehalfOfUserId: applicantUserId }, (p) => setProgress((x) => ({ ...x, [m.id]: p })));
    handle.promise.then(
      (u) => { const cur = get(m); put({ ...cur, uploads: [...cur.uploads, { id: u.id, fileName: u.fileName ?? file.name }] }); setProgress((x) => ({ ...x, [m.id]: -1 })); },
      (e) => { setError(e); setProgress((x) => ({ ...x, [m.id]: -1 })); },
    );
  };
  return (
    <>
      <ApiErrorAlert error={error} />
      <List
        bordered
        dataSource={materials}
        renderItem={(m) => {
          const cur = get(m);
          const p = progress[m.id] ?? -1;
          const inputId = `scan-${m.id}`;
          return (
            <List.Item>
              <div style={{ width: '100%' }}>
                <Space wrap><strong>{m.name}</strong><Tag color={m.required ? 'red' : 'default'}>{m.required ? t('required') : t('optional')}</Tag></Space>
                <Space wrap style={{ marginTop: 6 }}>
                  <label htmlFor={inputId} className="ant-btn ant-btn-default" style={{ display: 'inline-flex', alignItems: 'center', padding: '4px 12px', cursor: 'pointer' }}>{t('scan')}</label>
                  <input id={inputId} type="file" accept="image/*,application/pdf" className="tb-sr-only" aria-label={`${t('scan')} ${m.name}`}
                    onChange={(e) => { const f = e.target.files?.[0]; if (f) upload(m, f); e.target.value = ''; }} />
                  <Checkbox checked={cur.paper} onChange={(e) => put({ ...cur, paper: e.target.checked })}>{t('paperCollected')}</Checkbox>
                  {m.exemptable && <Checkbox checked={cur.exempt} onChange={(e) => put({ ...cur, exempt: e.target.checked })}>{t('exempt')}</Checkbox>}
                </Space>
                {p >= 0 && <Progress percent={p} size="small" aria-label={t('uploading', { p })} />}
                {cur.uploads.length > 0 && (
                  <ul style={{ margin: '6px 0 0', paddingLeft: 18 }}>
                    {cur.uploads.map((u) => (
                      <li key={u.id}>{u.fileName} <Button size="small" type="link" onClick={() => put({ ...cur, uploads: cur.uploads.filter((x) => x.id !== u.id) })} aria-label={`× ${u.fileName}`}>×</Button></li>
                    ))}
                  </ul>
                )}
              </div>
            </List.Item>
          );
        }}
      />
    </>
  );
}

/** The names of required materials not covered yet. */
export function missingRequired(materials: GuideMaterial[], value: CollectedMaterial[]): string[] {
  return materials.filter((m) => m.required && !materialInput(value.find((x) => x.materialId === m.id) ?? { materialId: m.id, name: m.name, uploads: [], paper: false, exempt: false })).map((m) => m.name);
}
