import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Button, NoticeBar } from 'antd-mobile';
import { useSession, oidcLoginUrl } from '../../session/session.tsx';
import { DEMO_ACCOUNTS } from '../../app/demo-accounts.ts';
import { ApiError } from '../../api/client.ts';
import { useT } from '../../i18n/i18n.tsx';
import { applyMessages } from '../../i18n/apply.ts';

/** Phone login: unified identity, and demo residents / enterprise representatives in demo mode. */
export default function MLoginPage() {
  const t = useT(applyMessages);
  const [params] = useSearchParams();
  const raw = params.get('returnTo');
  const returnTo = raw && raw.startsWith('/') && !raw.startsWith('//') ? raw : '/m';
  const { devLogin } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <h1 className="tbm-section-title">{t('loginTitle')}</h1>
      <div className="tbm-card">
        <p>{t('loginLead')}</p>
        <Button block color="primary" size="large" onClick={() => location.assign(oidcLoginUrl(returnTo))}>{t('loginOidc')}</Button>
      </div>
      <div className="tbm-card">
        <h2 style={{ fontSize: '1em' }}>{t('demoTitle')}</h2>
        {error && <NoticeBar color="alert" content={error} wrap />}
        <div className="tbm-actions">
          {DEMO_ACCOUNTS.filter((a) => a.group !== 'staff').map((a) => (
            <Button key={a.login} block onClick={() => devLogin(a.login, a.enterpriseUscc).then(() => navigate(returnTo), (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)))}>
              {t('loginAs', { name: a.name })}（{a.note}）
            </Button>
          ))}
        </div>
      </div>
    </>
  );
}
