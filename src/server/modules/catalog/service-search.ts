import type { Db } from '../../platform/db/database.js';
import * as repo from './repository.js';
import type { SearchQuery } from './schemas.js';
import { highlight, toSearchTerms } from './segment.js';
import { searchAnswers } from './read-cache.js';
import { splitThemes, summariesOf } from './service-public.js';

/**
 * Item search in Chinese: the query is segmented like the documents; all words must match first (the last as a
 * prefix, for as-you-type), and only when that finds nothing does any word suffice. Each hit says where it matched.
 * Answers are the same for every visitor, so popular searches (食品, 营业执照 …) are served from a few-second cache
 * (read-cache.ts), cleared when an item is published.
 */
export function searchItems(db: Db, q: SearchQuery) {
  const key = JSON.stringify([q.q, q.agencyId ?? null, q.theme ?? null, q.audience ?? null, q.channel ?? null, q.limit]);
  return searchAnswers.get(db, key, () => runSearch(db, q));
}

async function runSearch(db: Db, q: SearchQuery) {
  const terms = toSearchTerms(q.q);
  if (!terms) return { query: q.q, mode: 'none' as const, total: 0, items: [] };
  const t = splitThemes(q.theme);
  const filters = { agencyId: q.agencyId, themes: t.themes, audience: q.audience ?? t.audience, channel: q.channel };
  const whole = q.q.replace(/\s/g, '');
  let mode: 'strict' | 'loose' = 'strict';
  let rows = await repo.searchPublished(db, terms.strict, whole, filters, q.limit);
  if (rows.length === 0) {
    mode = 'loose';
    rows = await repo.searchPublished(db, terms.loose, whole, filters, q.limit);
  }
  const summaries = await summariesOf(db, rows);
  return {
    query: q.q,
    mode,
    total: rows.length,
    items: summaries.map((s, i) => {
      const r = rows[i];
      const synonyms = r.synonyms.map((x) => highlight(x, terms.words)).filter((x): x is string => !!x);
      const lifeEvents = r.life_events.map((x) => highlight(x, terms.words)).filter((x): x is string => !!x);
      const themes = r.themes.map((x) => highlight(x, terms.words)).filter((x): x is string => !!x);
      const agency = highlight(s.agencyName, terms.words);
      const name = highlight(r.name, terms.words);
      const matchedIn = [name && 'name', synonyms.length && 'synonyms', lifeEvents.length && 'lifeEvents', themes.length && 'themes', agency && 'department'].filter(Boolean);
      return {
        ...s,
        rank: Math.round(Number(r.rank) * 1000) / 1000,
        highlights: { name: name ?? escapeOnly(r.name), synonyms, lifeEvents, themes, department: agency },
        matchedIn: matchedIn.length ? matchedIn : ['conditions'],
      };
    }),
  };
}

const escapeOnly = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
