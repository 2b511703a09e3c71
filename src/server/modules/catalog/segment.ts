import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * Chinese segmentation for catalog search (jieba in search mode). PostgreSQL's own parser does not split Chinese
 * words and behaves differently under different locales, so documents and queries are segmented here and handed
 * to PostgreSQL as ready-made tsvector / tsquery literals: the result is the same on every server.
 */
let jieba: Jieba | null = null;
const segmenter = () => (jieba ??= Jieba.withDict(dict));

// Anything that is not a letter or a digit (punctuation, brackets, spaces) never becomes a lexeme.
const WORDLIKE = /[\p{L}\p{N}]/u;
const MAX_POSITION = 16383;

export function segment(text: string): string[] {
  if (!text) return [];
  return segmenter()
    .cutForSearch(text, true)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w && WORDLIKE.test(w));
}

export type Weight = 'A' | 'B' | 'C' | 'D';
export interface WeightedText {
  weight: Weight;
  texts: string[];
  /** Short tags (synonyms, life events, themes) are also kept whole, so "开饭店" matches as one word. */
  whole?: boolean;
}

const quote = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** Builds a tsvector literal ('食品':1A '经营':2A …) from weighted texts. */
export function toTsvectorLiteral(parts: WeightedText[]): string {
  const positions = new Map<string, string[]>();
  let pos = 0;
  for (const part of parts) {
    for (const t of part.texts) {
      const words = segment(t);
      if (part.whole && t.trim().length > 1 && !words.includes(t.trim().toLowerCase())) words.push(t.trim().toLowerCase());
      for (const w of words) {
        pos = Math.min(pos + 1, MAX_POSITION);
        const list = positions.get(w) ?? [];
        if (list.length < 200) list.push(`${pos}${part.weight}`);
        positions.set(w, list);
      }
    }
  }
  return [...positions].map(([w, ps]) => `${quote(w)}:${ps.join(',')}`).join(' ');
}

export interface SearchTerms {
  /** All words must match (the last one as a prefix, for as-you-type). */
  strict: string;
  /** Any word may match: used when the strict query finds nothing. */
  loose: string;
  /** Words worth highlighting in the results, longest first. */
  words: string[];
}

/**
 * Turns a user query into tsquery literals. Single characters such as 开 or 办 are dropped when longer words exist,
 * because they match half the catalogue; the whole query is also tried as one prefix so "开饭店" finds the life event.
 */
export function toSearchTerms(query: string): SearchTerms | null {
  const q = query.trim().toLowerCase().replace(/\s+/g, ' ');
  const words = [...new Set(q.split(' ').flatMap(segment))];
  if (words.length === 0) return null;
  const meaningful = words.some((w) => [...w].length > 1) ? words.filter((w) => [...w].length > 1) : words;
  const last = meaningful[meaningful.length - 1];
  const all = meaningful.map((w) => (w === last ? `${quote(w)}:*` : quote(w))).join(' & ');
  const whole = q.replace(/\s/g, '');
  const wholeTerm = WORDLIKE.test(whole) ? `${quote(whole)}:*` : null;
  const strict = wholeTerm ? `${wholeTerm} | (${all})` : `(${all})`;
  const loose = [...(wholeTerm ? [wholeTerm] : []), ...meaningful.map((w) => `${quote(w)}:*`)].join(' | ');
  const highlight = [...new Set([whole, ...meaningful])].filter((w) => w && WORDLIKE.test(w)).sort((a, b) => b.length - a.length);
  return { strict, loose, words: highlight };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Marks the query words in a text with <em>…</em>; the rest of the text is HTML-escaped. */
export function highlight(textValue: string, words: string[]): string | null {
  const lower = textValue.toLowerCase();
  const marks = new Array<boolean>(textValue.length).fill(false);
  let any = false;
  for (const w of words) {
    for (let i = lower.indexOf(w); i >= 0; i = lower.indexOf(w, i + w.length)) {
      for (let k = i; k < i + w.length; k++) marks[k] = true;
      any = true;
    }
  }
  if (!any) return null;
  let out = '';
  for (let i = 0; i < textValue.length; i++) {
    if (marks[i] && (i === 0 || !marks[i - 1])) out += '<em>';
    out += escapeHtml(textValue[i]);
    if (marks[i] && (i === textValue.length - 1 || !marks[i + 1])) out += '</em>';
  }
  return out;
}
