import { Link, NavLink, Outlet, useNavigate } from 'react-router-dom';
import { useEffect, useRef, useState } from 'react';
import { Button } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { AntdRoot } from '../../components/pc/AntdRoot.tsx';
import { AccessBar, SkipLink } from '../../a11y/AccessBar.tsx';
import { useSession } from '../../session/session.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { common } from '../../i18n/common.ts';
import { portalMessages } from '../../i18n/portal.ts';
import './portal.css';

/** The PC portal frame: identity header, main navigation, user menu, footer. Pages render in <main>. */
export default function PortalLayout() {
  return (
    <AntdRoot>
      <SkipLink />
      <PortalHeader />
      <main id="main" className="tb-main" tabIndex={-1}>
        <Outlet />
      </main>
      <PortalFooter />
    </AntdRoot>
  );
}

export function PortalHeader() {
  const t = useT(portalMessages);
  const c = useT(common);
  return (
    <header className="tb-header">
      <div className="tb-topbar">
        <div className="tb-container tb-topbar-inner">
          <span>{c('siteSub')}</span>
          <AccessBar />
        </div>
      </div>
      <div className="tb-container tb-brandbar">
        <Link to="/" className="tb-brand" aria-label={c('siteName')}>
          <span className="tb-brand-mark" aria-hidden="true">通</span>
          <span className="tb-brand-text">
            <strong>闵行区</strong> 一网通办
          </span>
        </Link>
        <nav aria-label={t('mainNav')} className="tb-nav">
          <NavLink to="/" end>{t('navHome')}</NavLink>
          <NavLink to={`/search?audience=${encodeURIComponent('个人')}`}>{t('navPerson')}</NavLink>
          <NavLink to={`/search?audience=${encodeURIComponent('法人')}`}>{t('navEnterprise')}</NavLink>
          <NavLink to="/my/cases">{t('navMyCases')}</NavLink>
        </nav>
        <UserMenu />
      </div>
    </header>
  );
}

/**
 * The user menu as a disclosure (button + list of links), which screen readers and keyboards handle well and
 * which keeps antd's Dropdown (and its menu/tooltip code) out of every PC page.
 */
function UserMenu() {
  const { me, logout } = useSession();
  const c = useT(common);
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  if (!me) {
    return (
      <Button type="primary" onClick={() => navigate(`/login?returnTo=${encodeURIComponent(location.pathname + location.search)}`)}>
        {c('login')}
      </Button>
    );
  }
  return (
    <div className="tb-user-menu" ref={ref}>
      <Button icon={<UserOutlined aria-hidden="true" />} aria-expanded={open} aria-controls="tb-user-menu-list" onClick={() => setOpen((o) => !o)}>
        {me.actingFor ? `${me.name} · ${me.actingFor.name}` : me.name}
      </Button>
      {open && (
        <ul id="tb-user-menu-list" onClick={() => setOpen(false)}>
          <li><Link to="/my/cases">{c('myCases')}</Link></li>
          <li><Link to="/my/drafts">{c('myDrafts')}</Link></li>
          <li><button type="button" onClick={() => void logout().then(() => navigate('/'))}>{c('logout')}</button></li>
        </ul>
      )}
    </div>
  );
}

function PortalFooter() {
  const t = useT(portalMessages);
  return (
    <footer className="tb-footer">
      <div className="tb-container">
        <p>{t('footerAbout')}</p>
        <p>
          {t('footerHotline')} · {t('footerA11y')}
        </p>
      </div>
    </footer>
  );
}
