import { AccessBar, SkipLink } from '../../a11y/AccessBar.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { common } from '../../i18n/common.ts';

/** Placeholder for a reserved route: plain HTML, no UI kit, with the accessibility bar like every page. */
export default function ReservedPage() {
  const t = useT(common);
  return (
    <>
      <SkipLink />
      <header className="tb-plain-header">
        <a href="/" className="tb-brand-plain">{t('siteName')}</a>
        <AccessBar compact />
      </header>
      <main id="main" className="tb-fallback-page" tabIndex={-1}>
        <h1>{t('reserved')}</h1>
        <p>{t('reservedHint')}</p>
        <a href="/">{t('home')}</a>
      </main>
    </>
  );
}
