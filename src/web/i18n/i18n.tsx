import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

/**
 * Two languages: zh-CN (default, the language of the service) and English. Each page group keeps a small typed
 * dictionary made with defineMessages(); the English half must have exactly the Chinese half's keys, so a missing
 * translation is a type error rather than a blank on screen. The choice is persisted in localStorage.
 */
export type Lang = 'zh-CN' | 'en';
export const LANGS: { value: Lang; label: string }[] = [
  { value: 'zh-CN', label: '简体中文' },
  { value: 'en', label: 'English' },
];
const STORAGE_KEY = 'tb.lang';

export interface Messages<K extends string> {
  'zh-CN': Record<K, string>;
  en: Record<K, string>;
}

export function defineMessages<K extends string>(zh: Record<K, string>, en: Record<K, string>): Messages<K> {
  return { 'zh-CN': zh, en };
}

/** Replaces {name} placeholders. */
export function format(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

interface LangState {
  lang: Lang;
  setLang: (l: Lang) => void;
}
const LangContext = createContext<LangState>({ lang: 'zh-CN', setLang: () => {} });

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch {
    /* storage blocked (private mode): default */
  }
  return 'zh-CN';
}

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* not persisted; still switched for this visit */
    }
  }, []);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangState {
  return useContext(LangContext);
}

/** `const t = useT(messages); t('title', { n: 3 })` — typed keys of the page group's dictionary. */
export function useT<K extends string>(messages: Messages<K>) {
  const { lang } = useLang();
  return useCallback((key: K, vars?: Record<string, string | number>) => format(messages[lang][key] ?? messages['zh-CN'][key] ?? key, vars), [lang, messages]);
}
