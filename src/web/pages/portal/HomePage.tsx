import { Link } from 'react-router-dom';
import { catalogApi } from '../../api/catalog.ts';
import type { Facet, ItemSummary } from '../../api/types.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { SearchBox } from '../../components/pc/SearchBox.tsx';
import { AsyncBlock } from '../../components/AsyncBlock.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { portalMessages } from '../../i18n/portal.ts';

const HOT_WORDS = ['食品经营许可', '居住证', '开饭店', '残疾人补贴', '就业登记'];

/** Portal home (首页): search, popular services, themes for residents and businesses, life events, departments. */
export default function HomePage() {
  const t = useT(portalMessages);
  const home = useAsync(() => catalogApi.home(), []);
  return (
    <>
      <div className="tb-hero">
        <div className="tb-container">
          <h1>{t('searchLabel')}</h1>
          <SearchBox />
          <p className="tb-hot">
            {t('hotWords')}：
            {HOT_WORDS.map((w) => (
              <Link key={w} to={`/search?q=${encodeURIComponent(w)}`}>{w}</Link>
            ))}
          </p>
        </div>
      </div>
      <div className="tb-container">
        <AsyncBlock state={home} rows={8}>
          {(h) => (
            <>
              <ItemTiles title={t('popular')} items={h.popular} />
              <FacetChips title={t('personThemes')} facets={h.personThemes} param="theme" />
              <FacetChips title={t('enterpriseThemes')} facets={h.enterpriseThemes} param="theme" />
              <FacetChips title={t('lifeEvents')} facets={h.lifeEvents} param="lifeEvent" />
              <FacetChips title={t('departments')} facets={h.departments} param="agency" />
            </>
          )}
        </AsyncBlock>
      </div>
    </>
  );
}

function ItemTiles({ title, items }: { title: string; items: ItemSummary[] }) {
  if (!items.length) return null;
  return (
    <section className="tb-section" aria-labelledby="sec-popular">
      <h2 id="sec-popular">{title}</h2>
      <ul className="tb-grid" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((i) => (
          <li key={i.key}>
            <Link className="tb-tile" to={`/items/${encodeURIComponent(i.key)}`}>
              <strong>{i.name}</strong>
              <span>{i.agencyName}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function FacetChips({ title, facets, param, basePath = '' }: { title: string; facets: Facet[]; param: string; basePath?: string }) {
  if (!facets.length) return null;
  const id = `sec-${param}-${title.length}`;
  return (
    <section className="tb-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul className="tb-chips" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {facets.map((f) => (
          <li key={f.key}>
            <Link className="tb-chip" to={`${basePath}/search?${param}=${encodeURIComponent(f.key)}&label=${encodeURIComponent(f.name)}`}>
              {f.name}
              {f.count !== undefined && <span className="tb-sr-only">（{f.count}）</span>}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
