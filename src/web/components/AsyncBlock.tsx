import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n.tsx';
import { common } from '../i18n/common.ts';

/**
 * Loading / error / content for one piece of a page, in plain HTML (no UI kit) so that every page group can use
 * it and the portal home stays light. The error has a retry button keyboard users can reach.
 */
export function AsyncBlock<T>({ state, children, rows = 3 }: { state: { data?: T; error?: Error; loading: boolean; reload: () => void }; children: (data: T) => ReactNode; rows?: number }) {
  const c = useT(common);
  if (state.error) {
    return (
      <div className="tb-async-error" role="alert">
        <strong>{c('loadFailed')}</strong>
        <p>{state.error.message}</p>
        <button type="button" className="tb-plain-btn" onClick={state.reload}>{c('retry')}</button>
      </div>
    );
  }
  if (state.loading && state.data === undefined) {
    return (
      <div className="tb-skeleton" role="status" aria-busy="true">
        <span className="tb-sr-only">{c('loading')}</span>
        {Array.from({ length: rows }, (_, i) => <div key={i} className="tb-skeleton-line" style={{ width: `${90 - ((i * 17) % 40)}%` }} />)}
      </div>
    );
  }
  return <>{state.data !== undefined ? children(state.data) : null}</>;
}
