/**
 * Short-lived in-memory caches for the public catalogue's hottest reads: the guide page (办事指南) and item search.
 *
 * Every portal, mobile and kiosk visit reads guides and searches, while published content changes only when a
 * version is published. Rebuilding a guide took six queries per request and a search one full-text query, which
 * made them the slowest reads of the site (see bench/README.md for the figures).
 *
 * Freshness: publishing in this process clears both caches after its transaction commits (`forgetPublishedCatalog`),
 * so the editor sees the new version at once. Other server copies keep serving what they hold for at most the TTL
 * (a few seconds) — the `catalog.item_published` event is delivered to one worker, not to every copy, so it cannot
 * clear them. Search ranks also follow popularity (cases submitted) within the TTL; agency names follow the agency
 * cache (a minute). Failed loads (unknown item, not published, database errors) are never kept.
 */
interface Slot<T> {
  loadedAt: number;
  value: Promise<T>;
}

export class ReadCache<T> {
  // Per database handle, like the agency cache: test platforms in one process must not see each other's data.
  private readonly byDb = new WeakMap<object, Map<string, Slot<T>>>();

  /** ttlMs 0 turns the cache off (the benchmark measures the uncached path this way). */
  constructor(
    public ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  /**
   * The cached value for `key`, or `load()`'s result, shared by every request asking while it runs: one load per
   * key per TTL however many requests arrive. Callers must not mutate what they get.
   */
  get<V extends T>(db: object, key: string, load: () => Promise<V>, now = Date.now()): Promise<V> {
    if (this.ttlMs <= 0) return load();
    let entries = this.byDb.get(db);
    if (!entries) this.byDb.set(db, (entries = new Map()));
    const hit = entries.get(key);
    if (hit && now - hit.loadedAt < this.ttlMs) return hit.value as Promise<V>;
    const value = load();
    const slot: Slot<T> = { loadedAt: now, value };
    const map = entries;
    map.delete(key); // re-inserted last, so the first key is always the oldest one to evict
    map.set(key, slot);
    if (map.size > this.maxEntries) map.delete(map.keys().next().value!);
    value.catch(() => map.get(key) === slot && map.delete(key));
    return value;
  }

  /** Forgets everything held for this database handle. */
  clear(db: object): void {
    this.byDb.get(db)?.clear();
  }
}

/** Guide pages by the id or key the caller used (a district has a few thousand items at most). */
export const publishedGuides = new ReadCache<unknown>(5_000, 5_000);
/** Search answers by normalised query and filters; bounded, since anyone can ask anything. */
export const searchAnswers = new ReadCache<unknown>(5_000, 500);

/**
 * Called after a publish commits (not inside its transaction: a reader refilling the cache before the commit would
 * still see the old version). A load already running belongs to a cleared slot: its result reaches only the requests
 * that were waiting for it.
 */
export function forgetPublishedCatalog(db: object): void {
  publishedGuides.clear(db);
  searchAnswers.clear(db);
}
