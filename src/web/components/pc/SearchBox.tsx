import { useEffect, useRef, useState } from 'react';
import { AutoComplete, Input } from 'antd';
import { useNavigate } from 'react-router-dom';
import { catalogApi } from '../../api/catalog.ts';
import type { ItemSummary } from '../../api/types.ts';
import { useT } from '../../i18n/i18n.tsx';
import { portalMessages } from '../../i18n/portal.ts';

/**
 * Service search with suggestions as you type (事项搜索): debounced, the previous request cancelled, Enter
 * searches, choosing a suggestion opens its guide. antd's AutoComplete gives the combobox/listbox roles.
 */
export function SearchBox({ initial = '', size = 'large', basePath = '' }: { initial?: string; size?: 'large' | 'middle'; basePath?: string }) {
  const t = useT(portalMessages);
  const navigate = useNavigate();
  const [q, setQ] = useState(initial);
  const [items, setItems] = useState<ItemSummary[]>([]);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    const text = q.trim();
    if (!text) {
      setItems([]);
      return;
    }
    const timer = window.setTimeout(() => {
      abort.current?.abort();
      abort.current = new AbortController();
      catalogApi.suggest(text, abort.current.signal).then(setItems, () => setItems([]));
    }, 200);
    return () => window.clearTimeout(timer);
  }, [q]);

  const search = (value: string) => value.trim() && navigate(`${basePath}/search?q=${encodeURIComponent(value.trim())}`);
  return (
    <div role="search">
      <AutoComplete
        value={q}
        onChange={setQ}
        onSelect={(key: string) => navigate(`${basePath}/items/${encodeURIComponent(key)}`)}
        options={items.map((i) => ({ value: i.key, label: <span>{i.name} <small style={{ opacity: 0.75 }}>· {i.agencyName}</small></span> }))}
        notFoundContent={q.trim() ? t('noSuggestions') : null}
        style={{ width: '100%' }}
        popupMatchSelectWidth
      >
        <Input.Search
          size={size}
          aria-label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
          enterButton={t('searchButton')}
          onSearch={search}
          allowClear
        />
      </AutoComplete>
    </div>
  );
}
