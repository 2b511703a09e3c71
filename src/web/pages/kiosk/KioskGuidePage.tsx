import { useNavigate, useParams } from 'react-router-dom';
import { Alert, Button } from 'antd';
import { catalogApi } from '../../api/catalog.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { AsyncBlock } from '../../components/AsyncBlock.tsx';
import { LimitsSection, MaterialsSection, WhereSection } from '../../components/pc/GuideSections.tsx';
import { useSession } from '../../session/session.tsx';
import { KioskSteps } from './KioskSteps.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { portalMessages } from '../../i18n/portal.ts';

/** The guide at the kiosk: what matters standing in front of the screen — time, materials, where; then apply. */
export default function KioskGuidePage() {
  const { key = '' } = useParams();
  const t = useT(portalMessages);
  const navigate = useNavigate();
  const { me } = useSession();
  const res = useAsync(() => catalogApi.guide(key), [key]);
  const apply = () => navigate(me ? `/kiosk/apply/${encodeURIComponent(key)}` : `/kiosk/login?returnTo=${encodeURIComponent(`/kiosk/apply/${key}`)}`);
  return (
    <>
      <KioskSteps current={0} />
      <AsyncBlock state={res} rows={10}>
        {(g) => (
          <>
            <h1 style={{ fontSize: '1.6em' }}>{g.name}</h1>
            <p>{g.agencyName}</p>
            {g.channels.kiosk ? (
              <Button type="primary" size="large" style={{ minWidth: 320, marginBottom: 20 }} onClick={apply}>{t('applyOnline')}</Button>
            ) : (
              <Alert type="info" showIcon message={t('notOnline')} style={{ marginBottom: 20 }} />
            )}
            <div style={{ display: 'grid', gap: 16 }}>
              <LimitsSection guide={g} />
              <MaterialsSection guide={g} />
              <WhereSection guide={g} />
            </div>
          </>
        )}
      </AsyncBlock>
    </>
  );
}
