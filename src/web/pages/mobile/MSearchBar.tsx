import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { MLinkList } from '../../components/mobile/MLinkList.tsx';
import { catalogApi } from '../../api/catalog.ts';
import type { ItemSummary } from '../../api/types.ts';
import { useT } from '../../i18n/i18n.tsx';
import { portalMessages } from '../../i18n/portal.ts';

/** Search with suggestions on the phone: a native search input (labelled) and a suggestion list below it. */
export function MSearchBar({ initial = '' }: { initial?: string }) {
  const t = useT(portalMessages);
  const navigate = useNavigate();
  const [q, setQ] = useState(initial);
  const [items, setItems] = useState<ItemSummary[]>([]);
  useEffect(() => {
    const text = q.trim();
    if (!text || text === initial) return setItems([]);
    const ctl = new AbortController();
    const timer = window.setTimeout(() => catalogApi.suggest(text, ctl.signal).then(setItems, () => setItems([])), 250);
    return () => {
      window.clearTimeout(timer);
      ctl.abort();
    };
  }, [q, initial]);
  return (
    <form role="search" onSubmit={(e) => { e.preventDefault(); if (q.trim()) navigate(`/m/search?q=${encodeURIComponent(q.trim())}`); }}>
      <div style={{ display: 'flex', gap: 8 }}>
        <label htmlFor="m-search" className="tb-sr-only">{t('searchLabel')}</label>
        <input id="m-search" type="search" className="tbm-input" style={{ flex: 1 }} value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('searchPlaceholder')} enterKeyHint="search" autoComplete="off" />
        <button type="submit" className="tb-plain-btn" style={{ minHeight: 44, minWidth: 64 }}>{t('searchButton')}</button>
      </div>
      {items.length > 0 && (
        <div style={{ marginTop: 6 }}>
          <MLinkList label={t('searchLabel')} rows={items.map((i) => ({ key: i.key, to: `/m/items/${encodeURIComponent(i.key)}`, title: i.name, description: i.agencyName }))} />
        </div>
      )}
    </form>
  );
}
