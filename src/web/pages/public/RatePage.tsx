import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { ratingsApi, type WindowRater } from '../../api/oversight.ts';
import { ApiError } from '../../api/client.ts';
import { useAsync } from '../../flows/useAsync.ts';
import { AccessBar } from '../../a11y/AccessBar.tsx';
import { useAnnounce } from '../../a11y/Announcer.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { woMessages } from '../../i18n/oversight.ts';
import './public.css';

const RESET_AFTER_MS = 8000;
/** Faces for the five GB/T 39046 levels (1 非常满意 … 5 非常不满意); the words are always shown with them. */
const FACES: Record<number, string> = { 1: '😄', 2: '🙂', 3: '😐', 4: '🙁', 5: '😞' };

/**
 * /rate/:windowId — the tablet on the hall window (no login). It shows the visit that just ended at this window,
 * five large level buttons with words, an optional comment, then a thank-you screen that resets by itself for
 * the next person. Plain HTML (no UI kit): it loads fast on a cheap tablet and every target is ≥ 64px.
 */
export default function RatePage() {
  const { windowId = '' } = useParams();
  const t = useT(woMessages);
  const announce = useAnnounce();
  const state = useAsync(() => ratingsApi.window(windowId), [windowId]);
  const [level, setLevel] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [thanks, setThanks] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const reset = () => { setLevel(null); setComment(''); setThanks(false); setError(null); state.reload(); };
  useEffect(() => {
    if (!thanks) return;
    heading.current?.focus();
    const timer = setTimeout(reset, RESET_AFTER_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [thanks]);
  // Poll for the next visit while nobody is rating, so the tablet wakes up when the clerk ends a visit.
  useEffect(() => {
    if (thanks || level !== null) return;
    const timer = setInterval(() => state.reload(), 15000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [thanks, level]);
  const submit = async (w: WindowRater) => {
    if (!w.visit || level === null) return;
    setBusy(true);
    setError(null);
    try {
      await ratingsApi.rateWindow(windowId, { visitId: w.visit.visitId, level, comment: comment.trim() || null, channel: 'hall_tablet' });
      setThanks(true);
      announce(t('rateThanks'));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const w = state.data;
  return (
    <div className="tb-rate">
      <header className="tb-rate-header"><span>{t('rateWindow', { id: windowId })}</span><AccessBar compact /></header>
      <main id="main" className="tb-rate-main" tabIndex={-1}>
        {thanks ? (
          <section className="tb-rate-thanks" aria-live="polite">
            <h1 ref={heading} tabIndex={-1}>{t('rateThanks')}</h1>
            <p>{t('rateThanksHint')}</p>
            <button type="button" className="tb-rate-btn tb-rate-btn--primary" onClick={reset}>{t('rateAgain')}</button>
          </section>
        ) : state.error ? (
          <p role="alert" className="tb-rate-note">{t('rateLoadFailed')}</p>
        ) : !w ? null : !w.visit ? (
          <><h1>{t('rateTitle')}</h1><p className="tb-rate-note">{t('rateNoVisit')}</p></>
        ) : (
          <form onSubmit={(e) => { e.preventDefault(); void submit(w); }}>
            <h1>{t('rateTitle')}</h1>
            <p className="tb-rate-note">
              {w.staffOnDuty && <span>{t('rateStaff', { name: w.staffOnDuty.name })}　</span>}
              {w.visit.itemName && <span>{t('rateVisit', { item: w.visit.itemName })}</span>}
            </p>
            <fieldset className="tb-rate-levels">
              <legend>{t('rateChoose')}</legend>
              {w.levels.map((l) => (
                <button key={l.level} type="button" className={`tb-rate-level tb-rate-level--${l.level}`} aria-pressed={level === l.level} onClick={() => setLevel(l.level)}>
                  <span aria-hidden="true" className="tb-rate-face">{FACES[l.level]}</span>{l.label}
                </button>
              ))}
            </fieldset>
            {level !== null && (
              <>
                <label htmlFor="rate-comment" className="tb-rate-label">{level >= 4 ? t('rateCommentBad') : t('rateComment')}</label>
                <textarea id="rate-comment" className="tb-rate-text" value={comment} onChange={(e) => setComment(e.target.value)} maxLength={500} rows={3} />
              </>
            )}
            {error && <p role="alert" className="tb-rate-error">{error}</p>}
            <button type="submit" className="tb-rate-btn tb-rate-btn--primary" disabled={level === null || busy}>{t('rateSubmit')}</button>
          </form>
        )}
      </main>
    </div>
  );
}
