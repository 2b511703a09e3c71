import type { ReactNode } from 'react';
import { Button, Result, Skeleton } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useSession, type Me } from '../../session/session.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { applyMessages } from '../../i18n/apply.ts';

/** Renders children only for a logged-in user; otherwise offers the login, coming back here afterwards. */
export function RequireLogin({ children, loginPath = '/login' }: { children: (me: Me) => ReactNode; loginPath?: string }) {
  const { me, loading } = useSession();
  const t = useT(applyMessages);
  const navigate = useNavigate();
  const location = useLocation();
  if (loading) return <Skeleton active />;
  if (!me) {
    return (
      <Result status="403" title={t('loginRequired')}
        extra={<Button type="primary" size="large" onClick={() => navigate(`${loginPath}?returnTo=${encodeURIComponent(location.pathname + location.search)}`)}>{t('loginToApply')}</Button>} />
    );
  }
  return <>{children(me)}</>;
}
