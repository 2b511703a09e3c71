import { useCallback, useState } from 'react';
import { Outlet, useNavigate } from 'react-router-dom';
import { Button, Modal } from 'antd';
import { AntdRoot } from '../../components/pc/AntdRoot.tsx';
import { AccessBar, SkipLink } from '../../a11y/AccessBar.tsx';
import { useAnnounce } from '../../a11y/Announcer.tsx';
import { useSession } from '../../session/session.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { kioskMessages } from '../../i18n/kiosk.ts';
import { kioskTerminalId } from './terminal.ts';
import { useIdleLogout } from './useIdleLogout.ts';
import './kiosk.css';

const IDLE_SECONDS = 120;
const WARN_AT = 20;

/** Full-screen kiosk frame: big header with the terminal id, idle countdown, a warning before auto logout. */
export default function KioskLayout() {
  const t = useT(kioskMessages);
  const { me, logout } = useSession();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [terminal] = useState(() => kioskTerminalId());
  const onIdle = useCallback(() => {
    void logout().finally(() => {
      navigate('/kiosk');
      announce(t('loggedOutIdle'), 'assertive');
    });
  }, [logout, navigate, announce, t]);
  const idle = useIdleLogout(!!me, IDLE_SECONDS, onIdle);
  return (
    <AntdRoot scale={1.35}>
      <div className="tbk">
        <SkipLink />
        <header className="tbk-header">
          <div>
            <div className="tbk-title">{t('title')}</div>
            <div className="tbk-terminal">{terminal ? t('terminal', { id: terminal }) : t('noTerminal')}</div>
          </div>
          <div className="tbk-header-actions">
            {me && <span className="tbk-idle" aria-live="off">{t('idleIn', { s: idle.left })}</span>}
            <Button size="large" onClick={() => navigate('/kiosk')}>{t('home')}</Button>
            {me && <Button size="large" onClick={onIdle}>{t('logoutNow')}</Button>}
            {document.fullscreenEnabled && !document.fullscreenElement && <Button size="large" onClick={() => void document.documentElement.requestFullscreen().catch(() => {})}>{t('fullscreen')}</Button>}
            <AccessBar compact />
          </div>
        </header>
        <main id="main" className="tbk-main" tabIndex={-1}>
          <Outlet context={{ terminal }} />
        </main>
        <footer className="tbk-footer">{t('help')}</footer>
        <Modal open={!!me && idle.left <= WARN_AT && idle.left > 0} title={t('stillThere')} closable={false} maskClosable={false}
          footer={[<Button key="k" type="primary" size="large" onClick={idle.reset}>{t('keepGoing')}</Button>, <Button key="o" size="large" onClick={onIdle}>{t('logoutNow')}</Button>]}>
          <p role="timer" aria-live="assertive" style={{ fontSize: '1.3em' }}>{t('stillThereHint', { s: idle.left })}</p>
        </Modal>
      </div>
    </AntdRoot>
  );
}
