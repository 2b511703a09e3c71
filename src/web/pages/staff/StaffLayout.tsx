import type { ReactNode } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { App, Button, Result, Skeleton } from 'antd';
import { AntdRoot } from '../../components/pc/AntdRoot.tsx';
import { AccessBar, SkipLink } from '../../a11y/AccessBar.tsx';
import { STAFF_ROLES, useSession, type Me } from '../../session/session.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { staffMessages } from '../../i18n/staff.ts';
import './staff.css';

export type StaffKey = keyof (typeof staffMessages)['zh-CN'];
type Key = StaffKey;
export interface NavEntry { to: string; label: Key; roles: string[]; end?: boolean }

/**
 * The frame of the workbench and the admin console: a title bar with the accessibility bar and the signed-in
 * person, a side navigation showing only what the person's roles may open, and the page in <main>.
 * Anyone without a staff role gets a sign-in prompt instead of a broken page.
 */
export function StaffFrame({ title, home, nav }: { title: Key; home: string; nav: NavEntry[] }) {
  return (
    <AntdRoot>
      {/* antd's <App> gives the pages the message/notification context of App.useApp(). */}
      <App>
        <SkipLink />
        <StaffGate>
          {(me) => (
            <div className="tb-staff">
              <StaffHeader title={title} home={home} me={me} />
              <div className="tb-staff-body">
                <StaffNav nav={nav.filter((n) => me.roles.some((r) => n.roles.includes(r.role)))} />
                <main id="main" className="tb-staff-main" tabIndex={-1}>
                  <Outlet />
                </main>
              </div>
            </div>
          )}
        </StaffGate>
      </App>
    </AntdRoot>
  );
}

function StaffGate({ children }: { children: (me: Me) => ReactNode }) {
  const { me, loading } = useSession();
  const t = useT(staffMessages);
  const navigate = useNavigate();
  const location = useLocation();
  if (loading) return <Skeleton active style={{ padding: 24 }} />;
  if (!me || !me.roles.some((r) => STAFF_ROLES.includes(r.role))) {
    return (
      <main id="main" tabIndex={-1}>
        <Result status="403" title={t('staffOnly')} subTitle={t('staffOnlyHint')}
          extra={<Button type="primary" onClick={() => navigate(`/login?returnTo=${encodeURIComponent(location.pathname + location.search)}`)}>{t('goLogin')}</Button>} />
      </main>
    );
  }
  return <>{children(me)}</>;
}

function StaffHeader({ title, home, me }: { title: Key; home: string; me: Me }) {
  const t = useT(staffMessages);
  const { logout } = useSession();
  const navigate = useNavigate();
  const roles = [...new Set(me.roles.map((r) => t(`role_${r.role}` as Key)))].join('、');
  return (
    <header className="tb-staff-header">
      <Link to={home} className="tb-staff-brand">
        <span className="tb-brand-mark" aria-hidden="true">通</span> {t(title)}
      </Link>
      <div className="tb-staff-switch">
        <Link to="/workbench">{t('workbench')}</Link>
        <Link to="/admin">{t('admin')}</Link>
        <Link to="/">{t('toPortal')}</Link>
      </div>
      <AccessBar compact />
      <span className="tb-staff-user">{me.name}（{roles}）</span>
      <Button size="small" onClick={() => void logout().then(() => navigate('/login'))}>{t('logout')}</Button>
    </header>
  );
}

function StaffNav({ nav }: { nav: NavEntry[] }) {
  const t = useT(staffMessages);
  return (
    <nav className="tb-staff-nav" aria-label={t('staffNav')}>
      <ul>
        {nav.map((n) => (
          <li key={n.to}>
            <NavLink to={n.to} end={n.end}>{t(n.label)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Shown inside a page when the person's roles do not cover it (the API would refuse anyway). */
export function NoAccess() {
  const t = useT(staffMessages);
  return <Result status="403" title={t('noAccess')} />;
}

export function useRoles() {
  const { me } = useSession();
  return {
    me,
    has: (...roles: string[]) => !!me?.roles.some((r) => roles.includes(r.role)),
    agenciesWith: (...roles: string[]) => [...new Set((me?.roles ?? []).filter((r) => roles.includes(r.role)).map((r) => r.agencyId))],
  };
}
