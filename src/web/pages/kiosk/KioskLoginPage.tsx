import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Input, Space } from 'antd';
import people from '../../../server/demo/data/people.json';
import { checkIdCard } from '../../../server/platform/validation/identifiers.ts';
import { useSession } from '../../session/session.tsx';
import { DEMO_ACCOUNTS } from '../../app/demo-accounts.ts';
import { ApiError } from '../../api/client.ts';
import { KioskSteps } from './KioskSteps.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { kioskMessages } from '../../i18n/kiosk.ts';
import { applyMessages } from '../../i18n/apply.ts';

/**
 * Kiosk identification. A real kiosk reads the ID card with its card reader and logs in through the unified
 * identity; in demo mode the number typed here (checked per GB 11643 first) selects the demo resident with that
 * number and logs in with the documented dev login. Unknown numbers are refused, never guessed.
 */
const demoByIdCard = new Map(people.residents.map((r) => [r.idCard, r.login]));

export default function KioskLoginPage() {
  const t = useT(kioskMessages);
  const a = useT(applyMessages);
  const [params] = useSearchParams();
  const raw = params.get('returnTo');
  const returnTo = raw && raw.startsWith('/kiosk') ? raw : '/kiosk';
  const navigate = useNavigate();
  const { devLogin } = useSession();
  const [idCard, setIdCard] = useState('');
  const [error, setError] = useState<string | null>(null);
  const login = async (loginName: string, uscc?: string) => {
    setError(null);
    try {
      await devLogin(loginName, uscc);
      navigate(returnTo);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  const submitIdCard = () => {
    const verdict = checkIdCard(idCard);
    if (!verdict.valid) return setError(verdict.reason ?? '');
    const known = demoByIdCard.get(idCard);
    if (!known) return setError(t('idCardUnknown'));
    void login(known);
  };
  return (
    <>
      <KioskSteps current={1} />
      <h1 style={{ fontSize: '1.6em' }}>{t('login')}</h1>
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16, fontSize: '1.1em' }} />}
      <form className="tb-card" style={{ maxWidth: 720 }} onSubmit={(e) => { e.preventDefault(); submitIdCard(); }}>
        <label htmlFor="kiosk-idcard" style={{ display: 'block', fontWeight: 600, marginBottom: 8 }}>{t('idCardLabel')}</label>
        <Space.Compact style={{ width: '100%' }}>
          <Input id="kiosk-idcard" size="large" value={idCard} onChange={(e) => setIdCard(e.target.value.toUpperCase().replace(/\s/g, ''))} maxLength={18}
            inputMode="text" autoComplete="off" aria-describedby="kiosk-idcard-hint" aria-invalid={!!error} style={{ fontSize: '1.3em', letterSpacing: 2 }} />
          <Button type="primary" size="large" htmlType="submit">{t('confirm')}</Button>
        </Space.Compact>
        <p id="kiosk-idcard-hint" className="tb-field-help">{t('idCardHint')}</p>
      </form>
      <h2 style={{ marginTop: 24 }}>{t('demoLogin')}</h2>
      <div className="tbk-big-grid">
        {DEMO_ACCOUNTS.filter((d) => d.group !== 'staff').map((d) => (
          <button key={d.login} type="button" className="tbk-big-btn" onClick={() => void login(d.login, d.enterpriseUscc)}>
            {a('loginAs', { name: d.name })}
            <small>{d.note}</small>
          </button>
        ))}
      </div>
    </>
  );
}
