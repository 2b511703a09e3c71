import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useSession, oidcLoginUrl, STAFF_ROLES } from '../../session/session.tsx';
import { DEMO_ACCOUNTS, type DemoAccount } from '../../app/demo-accounts.ts';
import { ApiError } from '../../api/client.ts';
import { useAnnounce } from '../../a11y/Announcer.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { applyMessages } from '../../i18n/apply.ts';

/** Only same-site paths are accepted as returnTo, so the login cannot be used to redirect elsewhere. */
export function safeReturnTo(v: string | null, fallback = '/'): string {
  return v && v.startsWith('/') && !v.startsWith('//') ? v : fallback;
}

/** /login — 统一身份认证 (OIDC) and, in demo mode, one-click demo accounts. */
export default function LoginPage() {
  const t = useT(applyMessages);
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const { devLogin } = useSession();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const login = async (a: DemoAccount) => {
    setBusy(a.login);
    setError(null);
    try {
      const me = await devLogin(a.login, a.enterpriseUscc);
      announce(t('loggedIn', { name: me?.name ?? a.name }));
      const staff = me?.roles.some((r) => STAFF_ROLES.includes(r.role));
      navigate(staff && returnTo === '/' ? '/workbench' : returnTo);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };
  const groups = ['residents', 'enterprises', 'staff'] as const;
  return (
    <div className="tb-container" style={{ maxWidth: 880 }}>
      <h1 className="tb-page-title">{t('loginTitle')}</h1>
      <Card>
        <p>{t('loginLead')}</p>
        <Button type="primary" size="large" href={oidcLoginUrl(returnTo)}>{t('loginOidc')}</Button>
      </Card>
      <Card style={{ marginTop: 16 }} title={<h2 style={{ margin: 0, fontSize: '1.1em' }}>{t('demoTitle')}</h2>}>
        <p>{t('demoLead')}</p>
        {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
        {groups.map((g) => (
          <div key={g} style={{ marginBottom: 12 }}>
            <Typography.Title level={3} style={{ fontSize: '1em' }}>{t(g)}</Typography.Title>
            <Space wrap>
              {DEMO_ACCOUNTS.filter((a) => a.group === g).map((a) => (
                <Button key={a.login} loading={busy === a.login} onClick={() => void login(a)} aria-label={`${t('loginAs', { name: a.name })}（${a.note}）`}>
                  {a.name} <small style={{ opacity: 0.8 }}>{a.note}</small>
                </Button>
              ))}
            </Space>
          </div>
        ))}
      </Card>
    </div>
  );
}
