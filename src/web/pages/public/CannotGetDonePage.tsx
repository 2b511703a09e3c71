import { useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { workOrdersApi } from '../../api/oversight.ts';
import { ApiError } from '../../api/client.ts';
import { AccessBar, SkipLink } from '../../a11y/AccessBar.tsx';
import { useAnnounce } from '../../a11y/Announcer.tsx';
import { formatDate } from '../../app/format.ts';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { woMessages } from '../../i18n/oversight.ts';
import { common } from '../../i18n/common.ts';
import './public.css';

type Key = 'itemName' | 'place' | 'whatHappened' | 'caseNo' | 'contactName' | 'contactPhone';
const PHONE = /^1[3-9]\d{9}$/;

/**
 * /cannot-get-done — 办不成事反映: anyone (logged in or not) reports what they could not get done. Plain HTML form
 * with its own checks (required, phone) said at each field and in a summary; the answer is the order number and
 * the date we will reply by. The server rate-limits reports.
 */
export default function CannotGetDonePage() {
  const t = useT(woMessages);
  const c = useT(common);
  const { lang } = useLang();
  const announce = useAnnounce();
  const [v, setV] = useState<Record<Key, string>>({ itemName: '', place: '', whatHappened: '', caseNo: '', contactName: '', contactPhone: '' });
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<{ orderNo: string; replyBy: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const check = () => {
    const e: Partial<Record<Key, string>> = {};
    for (const k of ['itemName', 'place', 'whatHappened', 'contactPhone'] as const) if (!v[k].trim()) e[k] = t('required');
    if (v.contactPhone.trim() && !PHONE.test(v.contactPhone.trim())) e.contactPhone = t('cgdPhoneInvalid');
    return e;
  };
  const submit = async () => {
    const e = check();
    setErrors(e);
    if (Object.keys(e).length) { setTimeout(() => summary.current?.focus()); return; }
    setBusy(true);
    setFailure(null);
    try {
      const body = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x.trim()]).filter(([, x]) => x)) as Parameters<typeof workOrdersApi.cannotGetDone>[0];
      const r = await workOrdersApi.cannotGetDone(body);
      setDone({ orderNo: r.orderNo, replyBy: r.replyBy });
      announce(t('cgdDone'));
    } catch (err) {
      if (err instanceof ApiError) { setErrors(err.fieldErrors as Partial<Record<Key, string>>); setFailure(err.message); } else setFailure(String(err));
    } finally {
      setBusy(false);
    }
  };
  const field = (k: Key, label: string, opts: { required?: boolean; area?: boolean; hint?: string; placeholder?: string; type?: string } = {}): ReactNode => {
    const id = `cgd-${k}`;
    const describedBy = [opts.hint && `${id}-hint`, errors[k] && `${id}-err`].filter(Boolean).join(' ') || undefined;
    const props = { id, name: k, value: v[k], 'aria-invalid': errors[k] ? true : undefined, 'aria-describedby': describedBy, required: opts.required, placeholder: opts.placeholder,
      onChange: (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value }) };
    return (
      <div className="tb-pf">
        <label htmlFor={id}>{label}{opts.required && <span className="tb-required" aria-hidden="true">*</span>}</label>
        {opts.area ? <textarea {...props} rows={5} maxLength={2000} /> : <input {...props} type={opts.type ?? 'text'} maxLength={k === 'whatHappened' ? 2000 : 200} />}
        {opts.hint && <div id={`${id}-hint`} className="tb-field-help">{opts.hint}</div>}
        {errors[k] && <div id={`${id}-err`} className="tb-field-error">{errors[k]}</div>}
      </div>
    );
  };
  const errorList = Object.entries(errors) as [Key, string][];
  return (
    <div className="tb-public">
      <SkipLink />
      <header className="tb-plain-header"><Link to="/" className="tb-brand-plain">{c('siteName')}</Link><AccessBar compact /></header>
      <main id="main" className="tb-public-main" tabIndex={-1}>
        <h1>{t('cgdTitle')}</h1>
        {done ? (
          <div className="tb-public-done" role="status">
            <h2>{t('cgdDone')}</h2>
            <p><strong>{t('cgdOrderNo', { no: done.orderNo })}</strong></p>
            {done.replyBy && <p>{t('cgdReplyBy', { date: formatDate(done.replyBy, lang) })}</p>}
            <button type="button" className="tb-public-btn" onClick={() => { setDone(null); setV({ itemName: '', place: '', whatHappened: '', caseNo: '', contactName: '', contactPhone: '' }); }}>{t('cgdAnother')}</button>
          </div>
        ) : (
          <form noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
            <p>{t('cgdIntro')}</p>
            {errorList.length > 0 && (
              <div className="tb-error-summary" ref={summary} tabIndex={-1} role="alert">
                <ul>{errorList.map(([k, m]) => <li key={k}><a href={`#cgd-${k}`}>{m}</a></li>)}</ul>
              </div>
            )}
            {failure && <p role="alert" className="tb-field-error">{failure}</p>}
            {field('itemName', t('cgdItem'), { required: true })}
            {field('place', t('cgdPlace'), { required: true, placeholder: t('cgdPlacePh') })}
            {field('whatHappened', t('cgdWhat'), { required: true, area: true })}
            {field('caseNo', t('cgdCaseNo'))}
            {field('contactName', t('cgdName'))}
            {field('contactPhone', t('cgdPhone'), { required: true, type: 'tel', hint: t('cgdPhoneHint') })}
            <button type="submit" className="tb-public-btn" disabled={busy}>{t('cgdSubmit')}</button>
          </form>
        )}
      </main>
    </div>
  );
}
