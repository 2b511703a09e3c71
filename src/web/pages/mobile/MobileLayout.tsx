import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ConfigProvider, TabBar } from 'antd-mobile';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import enUS from 'antd-mobile/es/locales/en-US';
import { AccessBar, SkipLink } from '../../a11y/AccessBar.tsx';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { common } from '../../i18n/common.ts';
import { portalMessages } from '../../i18n/portal.ts';
import { useSession } from '../../session/session.tsx';
import './mobile.css';

/** The H5 frame: title bar, the accessibility bar, content, bottom tabs (首页 / 我的办件 / 我的). */
export default function MobileLayout() {
  const { lang } = useLang();
  const c = useT(common);
  const p = useT(portalMessages);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { me, logout } = useSession();
  const isHome = pathname === '/m' || pathname === '/m/';
  const tab = pathname.startsWith('/m/my') ? '/m/my/cases' : pathname.startsWith('/m/login') ? '/m/login' : '/m';
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN}>
      <div className="tbm">
        <SkipLink />
        <header className="tbm-header">
          {/* A plain title bar with a real back button: antd-mobile's NavBar wraps it in an unnamed role=button. */}
          <div className="tbm-navbar">
            {!isHome && (
              <button type="button" className="tbm-back" onClick={() => navigate(-1)}>
                <span aria-hidden="true">‹ </span>{c('back')}
              </button>
            )}
            <span className="tbm-title">{c('siteName')}</span>
          </div>
          <AccessBar compact />
        </header>
        <main id="main" className="tbm-main" tabIndex={-1}>
          <Outlet />
        </main>
        <nav className="tbm-tabbar" aria-label={p('mainNav')}>
          <TabBar activeKey={tab} onChange={(k) => (k === '/m/login' && me ? void logout().then(() => navigate('/m')) : navigate(k))}>
            <TabBar.Item key="/m" icon={<Icon d="M3 3h8v8H3zM13 3h8v8h-8zM3 13h8v8H3zM13 13h8v8h-8z" />} title={p('navHome')} />
            <TabBar.Item key="/m/my/cases" icon={<Icon d="M4 5h16v2H4zM4 11h16v2H4zM4 17h16v2H4z" />} title={p('navMyCases')} />
            <TabBar.Item key="/m/login" icon={<Icon d="M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9zm0 2c-4.4 0-8 2.2-8 5v2h16v-2c0-2.8-3.6-5-8-5z" />} title={me ? c('logout') : c('login')} />
          </TabBar>
        </nav>
      </div>
    </ConfigProvider>
  );
}

/** Tab icons as inline SVG: decorative, hidden from assistive technology (the tab title is the name). */
function Icon({ d }: { d: string }) {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="currentColor" aria-hidden="true" focusable="false">
      <path d={d} />
    </svg>
  );
}
