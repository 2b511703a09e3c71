import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

/**
 * One pair of aria-live regions for the whole app: pages call announce() for what a sighted user sees change
 * (errors after submit, upload finished, saved) so screen-reader users hear it too.
 */
type Politeness = 'polite' | 'assertive';
const AnnounceContext = createContext<(message: string, politeness?: Politeness) => void>(() => {});

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [polite, setPolite] = useState('');
  const [assertive, setAssertive] = useState('');
  const seq = useRef(0);
  const announce = useCallback((message: string, politeness: Politeness = 'polite') => {
    const set = politeness === 'assertive' ? setAssertive : setPolite;
    // Clearing first makes a repeated identical message be read again.
    set('');
    const n = ++seq.current;
    window.setTimeout(() => n === seq.current && set(message), 50);
  }, []);
  const value = useMemo(() => announce, [announce]);
  return (
    <AnnounceContext.Provider value={value}>
      {children}
      <div className="tb-sr-only" role="status" aria-live="polite" aria-atomic="true">{polite}</div>
      <div className="tb-sr-only" role="alert" aria-live="assertive" aria-atomic="true">{assertive}</div>
    </AnnounceContext.Provider>
  );
}

export function useAnnounce() {
  return useContext(AnnounceContext);
}
