import { isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { useT } from '../i18n/i18n.tsx';
import { common } from '../i18n/common.ts';

/** Last resort when a page throws while rendering or its chunk fails to load (e.g. after a deploy). */
export function RouteErrorPage() {
  const err = useRouteError();
  const t = useT(common);
  const detail = isRouteErrorResponse(err) ? err.statusText : err instanceof Error ? err.message : '';
  return (
    <main id="main" className="tb-fallback-page">
      <h1>{t('loadFailed')}</h1>
      <p>{detail}</p>
      <button type="button" className="tb-plain-btn" onClick={() => window.location.reload()}>
        {t('retry')}
      </button>{' '}
      <a href="/">{t('home')}</a>
    </main>
  );
}
