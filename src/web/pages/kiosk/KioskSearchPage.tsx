import { useNavigate, useSearchParams } from 'react-router-dom';
import { catalogApi } from '../../api/catalog.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { AsyncBlock } from '../../components/AsyncBlock.tsx';
import { SearchBox } from '../../components/pc/SearchBox.tsx';
import { KioskSteps } from './KioskSteps.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { portalMessages } from '../../i18n/portal.ts';

export default function KioskSearchPage() {
  const t = useT(portalMessages);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const res = useAsync(() => catalogApi.search(q, { limit: 30 }), [q]);
  return (
    <>
      <KioskSteps current={0} />
      <div style={{ maxWidth: 900, marginBottom: 16 }}><SearchBox basePath="/kiosk" initial={q} /></div>
      <h1 style={{ fontSize: '1.4em' }}>{t('resultsFor', { q })}</h1>
      <AsyncBlock state={res}>
        {(r) => (
          <>
            <p aria-live="polite">{r.items.length ? t('resultsCount', { n: r.total }) : t('noResults')}</p>
            <ul className="tbk-big-grid" style={{ listStyle: 'none', padding: 0 }}>
              {r.items.map((i) => (
                <li key={i.key}>
                  <button type="button" className="tbk-big-btn" style={{ width: '100%' }} onClick={() => navigate(`/kiosk/items/${encodeURIComponent(i.key)}`)}>
                    {i.name}<small>{i.agencyName}</small>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </AsyncBlock>
    </>
  );
}
