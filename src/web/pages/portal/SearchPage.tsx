import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, List, Tag } from 'antd';
import { catalogApi } from '../../api/catalog.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { SearchBox } from '../../components/pc/SearchBox.tsx';
import { AsyncBlock } from '../../components/AsyncBlock.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { portalMessages } from '../../i18n/portal.ts';

/** Search results (搜索结果): free text and/or one facet (theme, life event, department, audience). */
export default function SearchPage() {
  const t = useT(portalMessages);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const q = params.get('q') ?? '';
  const aud = params.get('audience');
  const facet = { theme: params.get('theme') ?? undefined, lifeEvent: params.get('lifeEvent') ?? undefined, agencyId: params.get('agency') ?? undefined, audience: aud === '个人' || aud === '法人' ? (aud as '个人' | '法人') : undefined };
  const label = params.get('label') ?? '';
  const results = useAsync(() => catalogApi.search(q, { ...facet, limit: 50 }), [params.toString()]);
  const filterText = facet.theme ? t('filterByTheme', { name: label }) : facet.lifeEvent ? t('filterByEvent', { name: label }) : facet.agencyId ? t('filterByDept', { name: label }) : facet.audience ? (facet.audience === '法人' ? t('navEnterprise') : t('navPerson')) : '';
  return (
    <div className="tb-container">
      <div style={{ margin: '20px 0' }}>
        <SearchBox initial={q} size="large" />
      </div>
      <h1 className="tb-page-title">{q ? t('resultsFor', { q }) : filterText || t('searchLabel')}</h1>
      {filterText && q && <Tag>{filterText}</Tag>}
      {filterText && <Link to={q ? `/search?q=${encodeURIComponent(q)}` : '/'}>{t('clearFilter')}</Link>}
      <AsyncBlock state={results} rows={6}>
        {(r) => (
          <>
            <p aria-live="polite">{r.items.length ? t('resultsCount', { n: r.total }) : t('noResults')}</p>
            <List
              className="tb-card"
              dataSource={r.items}
              renderItem={(i) => (
                <List.Item
                  actions={[
                    <Link key="g" to={`/items/${encodeURIComponent(i.key)}`} aria-label={`${t('viewGuide')}：${i.name}`}>{t('viewGuide')}</Link>,
                    <Button key="a" type="primary" onClick={() => navigate(`/apply/${encodeURIComponent(i.key)}`)} aria-label={`${t('applyOnline')}：${i.name}`}>{t('applyOnline')}</Button>,
                  ]}
                >
                  <List.Item.Meta
                    title={<Link to={`/items/${encodeURIComponent(i.key)}`}>{i.name}</Link>}
                    description={
                      <>
                        {i.agencyName}
                        {i.committedLimit && ` · ${t('committedDays', { n: i.committedLimit.days, unit: i.committedLimit.unit === 'working' ? t('workingDay') : t('naturalDay') })}`}
                        {i.summary && <div>{i.summary}</div>}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </>
        )}
      </AsyncBlock>
    </div>
  );
}
