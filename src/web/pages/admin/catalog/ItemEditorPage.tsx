import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Space, Tabs } from 'antd';
import { adminApi, type ItemVersion } from '../../../api/admin.ts';
import type { FormSchema } from '../../../../shared/form-schema.ts';
import type { ProcessNode } from '../../../api/staff.ts';
import { useAsync } from '../../../flows/useAsync.ts';
import { AsyncBlock } from '../../../components/AsyncBlock.tsx';
import { ApiErrorAlert } from '../../../components/staff/ApiErrorAlert.tsx';
import { toContent, diff, type Content } from './content.ts';
import { GuideFields, LimitFields } from './GuideFields.tsx';
import { MaterialsEditor } from './MaterialsEditor.tsx';
import { FormSchemaEditor } from './FormSchemaEditor.tsx';
import { ProcessDiagram } from './ProcessDiagram.tsx';
import { VersionsPanel, ItemCheckPanel } from './VersionsPanel.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { adminMessages } from '../../../i18n/admin.ts';

/** Loads the latest version (draft if any) with the process definitions, for editing. */
async function load(key: string) {
  const list = await adminApi.versions(key);
  const latest = [...list.versions].sort((a, b) => b.version - a.version)[0];
  const [version, defs] = await Promise.all([adminApi.version(key, latest.version), adminApi.processDefinitions().catch(() => [])]);
  return { version, versions: list.versions, defs };
}

/** 事项编辑: guide elements, materials, form schema with live preview, process diagram, limits; saving writes the draft. */
export default function ItemEditorPage() {
  const { key = '' } = useParams();
  const t = useT(adminMessages);
  const state = useAsync(() => load(key), [key]);
  return (
    <>
      <p><Link to="/admin/items">← {t('backToItems')}</Link></p>
      <AsyncBlock state={state} rows={10}>{(d) => <Editor key={`${d.version.version}-${d.version.status}`} {...d} itemKey={key} reload={state.reload} />}</AsyncBlock>
    </>
  );
}

function Editor({ version, versions, defs, itemKey, reload }: Awaited<ReturnType<typeof load>> & { itemKey: string; reload: () => void }) {
  const t = useT(adminMessages);
  const { message } = App.useApp();
  const [original] = useState<Content>(() => toContent(version));
  const [c, setC] = useState<Content>(original);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: string, v: unknown) => setC((x) => ({ ...x, [k]: v }));
  const patch = diff(original, c);
  const dirty = Object.keys(patch).length > 0;
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const saved = (await adminApi.patchItem(itemKey, patch)) as ItemVersion;
      message.success(t('savedDraft', { v: saved.version ?? '' }));
      reload();
    } catch (e) { setError(e); } finally { setBusy(false); }
  };
  const def = defs.find((d) => d.key === c.processKey);
  const tabs = [
    { key: 'guide', label: t('tabGuide'), children: <GuideFields c={c} set={set} /> },
    { key: 'materials', label: t('tabMaterials'), children: <MaterialsEditor value={(c.materials as Record<string, unknown>[]) ?? []} onChange={(m) => set('materials', m)} /> },
    { key: 'form', label: t('tabForm'), children: <FormSchemaEditor value={c.form as FormSchema} onChange={(f) => set('form', f)} /> },
    { key: 'process', label: t('tabProcess'), children: def ? <><p>{def.definition.description}</p><ProcessDiagram name={def.name} nodes={def.definition.nodes as unknown as ProcessNode[]} /></> : <Alert type="warning" message={String(c.processKey)} /> },
    { key: 'limits', label: t('tabLimits'), children: <LimitFields c={c} set={set} processKeys={defs.map((d) => d.key)} /> },
    { key: 'versions', label: t('tabVersions'), children: <VersionsPanel itemKey={itemKey} versions={versions} onPublished={reload} /> },
    { key: 'check', label: t('tabCheck'), children: <ItemCheckPanel itemKey={itemKey} /> },
  ];
  return (
    <>
      <h1>{t('editorTitle', { name: version.name })}</h1>
      <p>{t('editingVersion', { v: version.version, state: t(`vs_${version.status}` as 'vs_draft') })} {t('draftNote')}</p>
      <ApiErrorAlert error={error} />
      <Space style={{ marginBottom: 8 }}><Button type="primary" onClick={() => void save()} disabled={!dirty} loading={busy}>{t('saveDraft')}</Button></Space>
      <Tabs items={tabs} />
    </>
  );
}
