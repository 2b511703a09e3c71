import { useNavigate } from 'react-router-dom';
import { DotLoading, ErrorBlock, Space, Tag } from 'antd-mobile';
import { MLinkList } from '../../components/mobile/MLinkList.tsx';
import { catalogApi } from '../../api/catalog.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { MSearchBar } from './MSearchBar.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { portalMessages } from '../../i18n/portal.ts';
import type { Facet } from '../../api/types.ts';

/** H5 home: search, popular services, themes, life events. */
export default function MHomePage() {
  const t = useT(portalMessages);
  const navigate = useNavigate();
  const home = useAsync(() => catalogApi.home(), []);
  const facets = (title: string, list: Facet[], param: string) =>
    list.length > 0 && (
      <section>
        <h2 className="tbm-section-title">{title}</h2>
        <Space wrap>
          {list.map((f) => (
            <a key={f.key} className="tb-chip" href={`/m/search?${param}=${encodeURIComponent(f.key)}&label=${encodeURIComponent(f.name)}`}
              onClick={(e) => { e.preventDefault(); navigate(`/m/search?${param}=${encodeURIComponent(f.key)}&label=${encodeURIComponent(f.name)}`); }}>{f.name}</a>
          ))}
        </Space>
      </section>
    );
  return (
    <>
      <div className="tbm-hero">
        <h1>{t('searchLabel')}</h1>
        <MSearchBar />
      </div>
      {home.loading && <DotLoading />}
      {home.error && <ErrorBlock status="default" title={home.error.message} description="" />}
      {home.data && (
        <>
          <h2 className="tbm-section-title">{t('popular')}</h2>
          <MLinkList rows={home.data.popular.map((i) => ({ key: i.key, to: `/m/items/${encodeURIComponent(i.key)}`, title: i.name, description: i.agencyName, extra: i.onlineDepth && i.onlineDepth >= 3 ? <Tag color="primary">{t('applyOnline')}</Tag> : null }))} />
          {facets(t('personThemes'), home.data.personThemes, 'theme')}
          {facets(t('enterpriseThemes'), home.data.enterpriseThemes, 'theme')}
          {facets(t('lifeEvents'), home.data.lifeEvents, 'lifeEvent')}
        </>
      )}
    </>
  );
}
