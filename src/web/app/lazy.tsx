import { lazy, Suspense, type ComponentType } from 'react';
import { useT } from '../i18n/i18n.tsx';
import { common } from '../i18n/common.ts';

/** A lazily loaded page: its code (and its UI kit) is fetched when the route is first visited. */
export function page(load: () => Promise<{ default: ComponentType }>) {
  const Component = lazy(load);
  return (
    <Suspense fallback={<PageLoading />}>
      <Component />
    </Suspense>
  );
}

export function PageLoading() {
  const t = useT(common);
  return (
    <div className="tb-page-loading" role="status" aria-live="polite">
      <span className="tb-spinner" aria-hidden="true" />
      {t('loading')}
    </div>
  );
}
