import { useParams } from 'react-router-dom';
import { Alert } from 'antd';
import { catalogApi } from '../../api/catalog.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { AsyncBlock } from '../../components/AsyncBlock.tsx';
import { ApplyFlowPC } from '../../components/pc/ApplyFlowPC.tsx';
import { RequireLogin } from '../../components/pc/RequireLogin.tsx';
import { KioskSteps, useKioskTerminal } from './KioskSteps.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { applyMessages } from '../../i18n/apply.ts';

/** Applying at the kiosk: the PC flow at touch scale, recorded as channel "kiosk" with this terminal's id. */
export default function KioskApplyPage() {
  const { key = '' } = useParams();
  const t = useT(applyMessages);
  const terminal = useKioskTerminal();
  const res = useAsync(() => catalogApi.guide(key), [key]);
  return (
    <>
      <KioskSteps current={2} />
      <RequireLogin loginPath="/kiosk/login">
        {() => (
          <AsyncBlock state={res} rows={10}>
            {(guide) => (
              <>
                <h1 style={{ fontSize: '1.5em' }}>{t('applyTitle', { name: guide.name })}</h1>
                <div className="tb-card">
                  {guide.channels.kiosk ? (
                    // The kiosk shows no "my cases" page: the confirmation with the case number is the end of the visit.
                    <ApplyFlowPC guide={guide} draft={null} ctx={{ channel: 'kiosk', terminalId: terminal ?? undefined }} casePath={() => '/kiosk'} />
                  ) : (
                    <Alert type="warning" showIcon message={t('channelClosed')} />
                  )}
                </div>
              </>
            )}
          </AsyncBlock>
        )}
      </RequireLogin>
    </>
  );
}
