import { useNavigate } from 'react-router-dom';
import { catalogApi } from '../../api/catalog.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { AsyncBlock } from '../../components/AsyncBlock.tsx';
import { SearchBox } from '../../components/pc/SearchBox.tsx';
import { useSession } from '../../session/session.tsx';
import { KioskSteps } from './KioskSteps.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { kioskMessages } from '../../i18n/kiosk.ts';

/** Kiosk start screen: the steps, search, and the services most asked for as large touch buttons. */
export default function KioskHomePage() {
  const t = useT(kioskMessages);
  const navigate = useNavigate();
  const { me } = useSession();
  const home = useAsync(() => catalogApi.home(), []);
  return (
    <>
      <h1 style={{ fontSize: '1.6em' }}>{t('welcome')}</h1>
      <KioskSteps current={0} />
      <div style={{ maxWidth: 900, marginBottom: 24 }}>
        <SearchBox basePath="/kiosk" />
      </div>
      {!me && (
        <button type="button" className="tbk-big-btn tbk-big-btn--primary" style={{ marginBottom: 24, width: '100%', maxWidth: 560 }} onClick={() => navigate('/kiosk/login')}>
          {t('login')}
          <small>{t('idCardLogin')}</small>
        </button>
      )}
      <AsyncBlock state={home} rows={6}>
        {(h) => (
          <ul className="tbk-big-grid" style={{ listStyle: 'none', padding: 0 }}>
            {h.popular.map((i) => (
              <li key={i.key}>
                <button type="button" className="tbk-big-btn" style={{ width: '100%' }} onClick={() => navigate(`/kiosk/items/${encodeURIComponent(i.key)}`)}>
                  {i.name}
                  <small>{i.agencyName}</small>
                </button>
              </li>
            ))}
          </ul>
        )}
      </AsyncBlock>
    </>
  );
}
