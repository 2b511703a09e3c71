import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Breadcrumb } from 'antd';
import { catalogApi } from '../../api/catalog.ts';
import { casesApi } from '../../api/services.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { AsyncBlock } from '../../components/AsyncBlock.tsx';
import { ApplyFlowPC } from '../../components/pc/ApplyFlowPC.tsx';
import { RequireLogin } from '../../components/pc/RequireLogin.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { common } from '../../i18n/common.ts';
import { applyMessages } from '../../i18n/apply.ts';
import { portalMessages } from '../../i18n/portal.ts';

/** /apply/:key[?draft=id] — online application on the PC portal (channel pc). */
export default function ApplyPage() {
  const { key = '' } = useParams();
  const [params] = useSearchParams();
  const draftId = params.get('draft');
  const t = useT(applyMessages);
  const c = useT(common);
  const p = useT(portalMessages);
  const loaded = useAsync(async () => ({ guide: await catalogApi.guide(key), draft: draftId ? await casesApi.draft(draftId) : null }), [key, draftId]);
  return (
    <div className="tb-container">
      <Breadcrumb style={{ marginTop: 16 }} items={[{ title: <Link to="/">{c('home')}</Link> }, { title: <Link to={`/items/${encodeURIComponent(key)}`}>{p('guideTitle')}</Link> }, { title: p('applyOnline') }]} />
      <RequireLogin>
        {() => (
          <AsyncBlock state={loaded} rows={10}>
            {({ guide, draft }) => (
              <>
                <h1 className="tb-page-title">{t('applyTitle', { name: guide.name })}</h1>
                <div className="tb-card">
                  {guide.channels.pc ? (
                    <ApplyFlowPC guide={guide} draft={draft} ctx={{ channel: 'pc' }} casePath={(id) => `/my/cases/${encodeURIComponent(id)}`} />
                  ) : (
                    <Alert type="warning" showIcon message={t('channelClosed')} />
                  )}
                </div>
              </>
            )}
          </AsyncBlock>
        )}
      </RequireLogin>
    </div>
  );
}
