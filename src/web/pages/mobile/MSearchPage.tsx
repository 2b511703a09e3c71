import { useSearchParams } from 'react-router-dom';
import { DotLoading, ErrorBlock } from 'antd-mobile';
import { MLinkList } from '../../components/mobile/MLinkList.tsx';
import { catalogApi } from '../../api/catalog.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { MSearchBar } from './MSearchBar.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { portalMessages } from '../../i18n/portal.ts';

export default function MSearchPage() {
  const t = useT(portalMessages);
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const res = useAsync(() => catalogApi.search(q, { theme: params.get('theme') ?? undefined, lifeEvent: params.get('lifeEvent') ?? undefined, agencyId: params.get('agency') ?? undefined, limit: 50 }), [params.toString()]);
  return (
    <>
      <MSearchBar initial={q} />
      <h1 className="tbm-section-title">{q ? t('resultsFor', { q }) : params.get('label') ?? t('searchLabel')}</h1>
      {res.loading && <DotLoading />}
      {res.error && <ErrorBlock status="default" title={res.error.message} description="" />}
      {res.data && (
        <>
          <p aria-live="polite">{res.data.items.length ? t('resultsCount', { n: res.data.total }) : t('noResults')}</p>
          <MLinkList rows={res.data.items.map((i) => ({ key: i.key, to: `/m/items/${encodeURIComponent(i.key)}`, title: i.name, description: i.agencyName }))} />
        </>
      )}
    </>
  );
}
