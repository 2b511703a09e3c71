import { useEffect, useState } from 'react';
import { adminApi, type Agency } from '../../api/admin.ts';

/** The agency list, loaded once per page session and shared (names for ids in every staff table). */
let cache: Promise<Agency[]> | null = null;

export function useAgencies(): { agencies: Agency[]; nameOf: (id: string | null | undefined) => string } {
  const [agencies, setAgencies] = useState<Agency[]>([]);
  useEffect(() => {
    cache ??= adminApi.agencies().then((a) => a.items).catch((e) => { cache = null; throw e; });
    let live = true;
    cache.then((a) => live && setAgencies(a), () => undefined);
    return () => { live = false; };
  }, []);
  const nameOf = (id: string | null | undefined) => {
    if (!id) return '—';
    const a = agencies.find((x) => x.id === id);
    return a ? a.shortName ?? a.name.replace(/^上海市闵行区/, '') : id;
  };
  return { agencies, nameOf };
}

/** Options for an agency picker: departments under the district, short names first. */
export function agencyOptions(agencies: Agency[]) {
  return agencies.map((a) => ({ value: a.id, label: a.shortName ?? a.name.replace(/^上海市闵行区/, '') }));
}
