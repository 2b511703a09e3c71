import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Row, Space, Tag } from 'antd';
import { workbenchApi, type CaseAction, type StaffCase } from '../../api/staff.ts';
import { adminApi } from '../../api/admin.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { AsyncBlock } from '../../components/AsyncBlock.tsx';
import { useAnnounce } from '../../a11y/Announcer.tsx';
import { useRoles } from '../staff/StaffLayout.tsx';
import { allowedActions } from './caseActions.ts';
import { ActionForm } from './ActionForm.tsx';
import { CaseBasics, CaseHistory, FormDataCard } from './CaseFacts.tsx';
import { MaterialsPreview } from './MaterialsPreview.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { wbMessages } from '../../i18n/workbench.ts';
import { staffMessages } from '../../i18n/staff.ts';

/** The item version's form schema (for field titles): the case names the version by id, the catalogue by number. */
async function schemaOf(c: StaffCase): Promise<Record<string, unknown> | null> {
  try {
    const list = await adminApi.versions(c.item.id);
    const v = list.versions.find((x) => x.id === c.item.versionId);
    return v ? ((await adminApi.version(c.item.id, v.version)).formSchema ?? null) : null;
  } catch {
    return null; // titles are a nicety: the raw field names still show
  }
}

/** 办件办理: facts on the left, the actions this person may take now on the right. */
export default function CaseWorkPage() {
  const { id = '' } = useParams();
  const t = useT(wbMessages);
  const s = useT(staffMessages);
  const state = useAsync(async () => {
    const [c, defs] = await Promise.all([workbenchApi.caseDetail(id), workbenchApi.processDefinitions().catch(() => [])]);
    return { c, def: defs.find((d) => d.key === c.process.key), schema: await schemaOf(c) };
  }, [id]);
  return (
    <>
      <p className="tb-no-print"><Link to="/workbench">← {t('backToInbox')}</Link></p>
      <AsyncBlock state={state} rows={8}>
        {({ c, def, schema }) => (
          <>
            <h1>
              {t('caseTitle', { no: c.caseNo })} <Tag color="blue" style={{ verticalAlign: 'middle' }}>{c.statusLabel}</Tag>
              <Button size="small" onClick={state.reload} style={{ marginLeft: 8 }}>{s('refresh')}</Button>
            </h1>
            <Row gutter={16}>
              <Col xs={24} xl={15}>
                <CaseBasics c={c} />
                <FormDataCard c={c} schema={schema} canReveal={c.steps.some((st) => st.mine)} />
                <MaterialsPreview c={c} />
                <CaseHistory c={c} />
              </Col>
              <Col xs={24} xl={9}>
                <ActionPanel c={c} def={def} schema={schema} reload={state.reload} />
              </Col>
            </Row>
          </>
        )}
      </AsyncBlock>
    </>
  );
}

function ActionPanel({ c, def, schema, reload }: { c: StaffCase; def: Parameters<typeof allowedActions>[1]; schema: Record<string, unknown> | null; reload: () => void }) {
  const t = useT(wbMessages);
  const { me, has } = useRoles();
  const { message } = App.useApp();
  const announce = useAnnounce();
  const [open, setOpen] = useState<CaseAction | null>(null);
  const allowed = useMemo(() => allowedActions(c, def, { name: me?.name ?? '', has }), [c, def, me, has]);
  const fieldLabels = useMemo(() => Object.fromEntries(Object.entries((schema?.properties as Record<string, { title?: string }>) ?? {}).map(([k, p]) => [k, p.title ?? k])), [schema]);
  const done = (a: CaseAction) => {
    const text = t('done', { action: t(`a_${a}` as 'a_accept') });
    message.success(text);
    announce(text);
    setOpen(null);
    reload();
  };
  return (
    <Card title={t('actions')} size="small" style={{ position: 'sticky', top: 8 }}>
      {allowed.step && <p style={{ marginTop: 0 }}>{t('yourTask', { node: allowed.step.nodeName })}</p>}
      {allowed.needsClaim && <Alert type="info" showIcon message={t('notClaimedYet')} style={{ marginBottom: 8 }} />}
      {allowed.actions.length === 0 ? <p>{t('noActions')}</p> : (
        <Space wrap>
          {allowed.actions.map((a) => (
            <Button key={a} type={open === a ? 'primary' : 'default'} aria-expanded={open === a} onClick={() => setOpen(open === a ? null : a)}>{t(`a_${a}` as 'a_accept')}</Button>
          ))}
        </Space>
      )}
      {open && <ActionForm key={open} c={c} action={open} allowed={allowed} onDone={done} onCancel={() => setOpen(null)} onRefresh={() => { setOpen(null); reload(); }} fieldLabels={fieldLabels} />}
    </Card>
  );
}
