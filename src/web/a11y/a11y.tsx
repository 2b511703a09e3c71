import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

/**
 * 适老化 / 无障碍 settings (GB/T 37668-2019, WCAG 2.1 AA). "适老化模式" switches on larger text, high contrast and
 * the reading guide together, as the city's sites do; each can also be set on its own. The settings live on
 * <html> as classes so plain CSS, antd tokens and antd-mobile variables all follow them, and are persisted.
 */
export interface A11ySettings {
  largeText: boolean;
  highContrast: boolean;
  readingGuide: boolean;
}
const DEFAULTS: A11ySettings = { largeText: false, highContrast: false, readingGuide: false };
const STORAGE_KEY = 'tb.a11y';

interface A11yState {
  settings: A11ySettings;
  /** True when every part of 适老化模式 is on. */
  elderMode: boolean;
  setElderMode: (on: boolean) => void;
  toggle: (key: keyof A11ySettings) => void;
  reset: () => void;
}
const A11yContext = createContext<A11yState | null>(null);

function load(): A11ySettings {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (raw) return { ...DEFAULTS, ...(JSON.parse(raw) as Partial<A11ySettings>) };
  } catch {
    /* corrupt or blocked storage: defaults */
  }
  return DEFAULTS;
}

export function A11yProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<A11ySettings>(load);
  useEffect(() => {
    const root = document.documentElement.classList;
    root.toggle('tb-large', settings.largeText);
    root.toggle('tb-contrast', settings.highContrast);
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
    } catch {
      /* not persisted */
    }
  }, [settings]);
  const setElderMode = useCallback((on: boolean) => setSettings({ largeText: on, highContrast: on, readingGuide: on }), []);
  const toggle = useCallback((key: keyof A11ySettings) => setSettings((s) => ({ ...s, [key]: !s[key] })), []);
  const reset = useCallback(() => setSettings(DEFAULTS), []);
  const value = useMemo<A11yState>(
    () => ({ settings, elderMode: settings.largeText && settings.highContrast && settings.readingGuide, setElderMode, toggle, reset }),
    [settings, setElderMode, toggle, reset],
  );
  return <A11yContext.Provider value={value}>{children}</A11yContext.Provider>;
}

export function useA11y(): A11yState {
  const v = useContext(A11yContext);
  if (!v) throw new Error('useA11y outside A11yProvider');
  return v;
}
