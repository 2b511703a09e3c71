import { useA11y, type A11ySettings } from './a11y.tsx';
import { useAnnounce } from './Announcer.tsx';
import { LANGS, useLang, useT } from '../i18n/i18n.tsx';
import { common } from '../i18n/common.ts';

/**
 * The bar on every page (PC, mobile, kiosk, workbench, admin): language and 适老化 / 无障碍 switches. Plain
 * buttons with aria-pressed, no UI library, so it costs nothing in any bundle and works with the keyboard.
 */
export function AccessBar({ compact = false }: { compact?: boolean }) {
  const { settings, elderMode, setElderMode, toggle } = useA11y();
  const { lang, setLang } = useLang();
  const t = useT(common);
  const announce = useAnnounce();
  const switchElder = () => {
    setElderMode(!elderMode);
    announce(t(elderMode ? 'elderModeOff' : 'elderModeOn'));
  };
  const parts: { key: keyof A11ySettings; label: string }[] = [
    { key: 'largeText', label: t('largeText') },
    { key: 'highContrast', label: t('highContrast') },
    { key: 'readingGuide', label: t('readingGuide') },
  ];
  return (
    <nav className={`tb-access-bar${compact ? ' tb-access-bar--compact' : ''}`} aria-label={t('a11yBar')}>
      <button type="button" className="tb-access-btn tb-access-btn--main" aria-pressed={elderMode} onClick={switchElder}>
        {t('elderMode')}
      </button>
      {!compact &&
        parts.map((p) => (
          <button key={p.key} type="button" className="tb-access-btn" aria-pressed={settings[p.key]} onClick={() => toggle(p.key)}>
            {p.label}
          </button>
        ))}
      <label className="tb-access-lang">
        <span className="tb-sr-only">{t('language')}</span>
        <select value={lang} onChange={(e) => setLang(e.target.value as typeof lang)} aria-label={t('language')}>
          {LANGS.map((l) => (
            <option key={l.value} value={l.value} lang={l.value}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
    </nav>
  );
}

export function SkipLink({ target = 'main' }: { target?: string }) {
  const t = useT(common);
  return (
    <a className="tb-skip-link" href={`#${target}`}>
      {t('skipToMain')}
    </a>
  );
}
