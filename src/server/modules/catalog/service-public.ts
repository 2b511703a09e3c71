import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { agencyMap, shortAgencyName, type AgencyInfo } from './agencies.js';
import { publishedGuides } from './read-cache.js';
import { allowsCatalog } from './policy.js';
import * as repo from './repository.js';
import type { ItemListQuery } from './schemas.js';
import { guideView, loadBundle, loadBundles } from './views.js';

type DueDate = (db: Db, start: Date, limit: { days: number; unit: 'working' | 'natural' }) => Promise<Date>;
let calendar: Promise<DueDate | null> | null = null;
/** The calendar module is optional to the catalog: without it, only natural-day limits get a date. */
function calendarDueDate(): Promise<DueDate | null> {
  const path = '../calendar/service.js';
  calendar ??= import(/* @vite-ignore */ path).then((m: { dueDate?: DueDate }) => m.dueDate ?? null).catch(() => null);
  return calendar;
}

// One formatter for the process: building an Intl.DateTimeFormat costs more than formatting with it.
const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });
export const shanghaiDay = (d: Date) => SHANGHAI_DAY.format(d);

type Limit = { days: number; unit: 'working' | 'natural' };

/** The date a case applied for now would be due by the committed limit (即办件: today). */
export async function expectedCompletion(db: Db, item: { immediate: boolean; committedLimit: Limit }, now = new Date()): Promise<{ date: string; basis: string } | null> {
  if (item.immediate) return { date: shanghaiDay(now), basis: '即办件，当场办结' };
  const limit = item.committedLimit;
  const due = await calendarDueDate();
  const basis = `今日申请，承诺${limit.days}${limit.unit === 'working' ? '个工作日' : '个自然日'}内办结`;
  if (due) return { date: shanghaiDay(await due(db, now, limit)), basis };
  if (limit.unit === 'natural') return { date: shanghaiDay(new Date(now.getTime() + limit.days * 86_400_000)), basis };
  return null;
}

const summaryOf = (row: repo.SummaryRow, agencies: Map<string, AgencyInfo>) => {
  const agency = agencies.get(row.agency_id);
  return {
    id: row.item_id,
    key: row.key,
    versionId: row.id,
    version: row.version,
    name: row.name,
    agencyId: row.agency_id,
    agencyName: agency ? shortAgencyName(agency) : row.agency_id,
    kind: row.kind,
    audience: row.audience,
    themes: row.themes,
    lifeEvents: row.life_events,
    channels: row.channels,
    onlineDepth: row.online_depth,
    visits: row.visits,
    immediate: row.immediate,
    haoban: row.haoban,
    kuaiban: row.kuaiban,
    noVisit: row.no_visit,
    committedLimit: { days: row.committed_limit_days, unit: row.committed_limit_unit },
    implementationCode: row.implementation_code,
  };
};
export type ItemSummary = ReturnType<typeof summaryOf>;
/** Lists need no materials: the summary row and the (cached) agency names are enough. */
export const summariesOf = async (db: Db, rows: repo.SummaryRow[]) => {
  const agencies = await agencyMap(db);
  return rows.map((row) => summaryOf(row, agencies));
};

const splitThemes = (theme?: string) => {
  const parts = (theme ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  // 个人 / 法人 are the portal's two top-level themes: they select the audience rather than a service theme.
  return { audience: parts.find((p) => p === '个人' || p === '法人'), themes: parts.filter((p) => p !== '个人' && p !== '法人') };
};

export async function listItems(db: Db, q: ItemListQuery) {
  const t = splitThemes(q.theme);
  const filters = { agencyId: q.agencyId, themes: t.themes, audience: q.audience ?? t.audience, lifeEvent: q.lifeEvent, channel: q.channel, kind: q.kind };
  const rows = await repo.publishedSummaries(db, filters).orderBy('i.popularity', 'desc').orderBy('v.name').limit(q.limit).offset(q.offset).execute();
  return { items: await summariesOf(db, rows), limit: q.limit, offset: q.offset };
}
export { splitThemes };

/**
 * The public guide page: the published version with everything the page shows, its channel publication, and the
 * expected completion date. The first two come from the guide cache (read-cache.ts: a few seconds, cleared on
 * publish) already serialised — JSON.stringify of a whole guide was the largest cost left per request; the date is
 * computed per request because it depends on today, and appended to the cached JSON text.
 */
export async function getGuideJson(db: Db, idOrKey: string): Promise<string> {
  const guide = await publishedGuides.get(db, idOrKey, async () => {
    const view = await loadPublishedGuide(db, idOrKey);
    return { view, json: JSON.stringify(view) };
  });
  const completion = await expectedCompletion(db, guide.view);
  return `${guide.json.slice(0, -1)},"expectedCompletion":${JSON.stringify(completion)}}`;
}

async function loadPublishedGuide(db: Db, idOrKey: string) {
  const row = await repo.findPublishedVersionByItemRef(db, idOrKey);
  if (!row) {
    // Only the unhappy path pays for telling an unknown item (404) from an unpublished one (409).
    const item = await repo.findItemByIdOrKey(db, idOrKey);
    if (!item) throw notFound('事项');
    throw new AppError('ITEM_NOT_PUBLISHED', { detail: `事项“${item.key}”尚未发布` });
  }
  const [bundle, channels] = await Promise.all([loadBundle(db, row), repo.findChannels(db, row.item_id)]);
  return {
    ...guideView(bundle),
    channelPublication: channels.map((c) => ({ channel: c.channel, published: c.published, since: c.published_since, versionId: c.version_id })),
  };
}

/** Version history (事项动态管理). Drafts are listed only to staff who may read them. */
export async function listVersions(db: Db, actor: Actor, idOrKey: string) {
  const item = await repo.findItemByIdOrKey(db, idOrKey);
  if (!item) throw notFound('事项');
  const staff = allowsCatalog(actor, 'item.read_drafts', item.agency_id);
  const versions = await repo.listVersionsOfItem(db, item.id);
  return {
    itemId: item.id,
    key: item.key,
    currentVersionId: item.current_version_id,
    versions: versions.filter((v) => staff || v.status !== 'draft').map((v) => ({
      id: v.id, version: v.version, status: v.status, name: v.name, changeNote: v.change_note, createdAt: v.created_at,
      publishedAt: v.published_at, archivedAt: v.archived_at, ...(staff ? { createdBy: v.created_by, publishedBy: v.published_by } : {}),
    })),
  };
}

export async function getVersion(db: Db, actor: Actor, idOrKey: string, n: number) {
  const item = await repo.findItemByIdOrKey(db, idOrKey);
  if (!item) throw notFound('事项');
  const row = await repo.findVersionByNumber(db, item.id, n);
  // A draft is not public: to anyone else it does not exist.
  if (!row || (row.status === 'draft' && !allowsCatalog(actor, 'item.read_drafts', item.agency_id))) throw notFound('事项版本');
  return guideView(await loadBundle(db, row));
}

/** Tag lists for the portal's navigation, counted over published items. */
export async function listTags(db: Db, field: 'themes' | 'life_events') {
  const rows = await repo.publishedSummaries(db, {}).execute();
  const counts = new Map<string, number>();
  for (const r of rows) for (const t of r[field]) counts.set(t, (counts.get(t) ?? 0) + 1);
  const audience = new Map<string, number>();
  for (const r of rows) for (const a of r.audience) audience.set(a, (audience.get(a) ?? 0) + 1);
  return {
    ...(field === 'themes' ? { audiences: [...audience].map(([name, count]) => ({ name, count })) } : {}),
    items: [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh')),
  };
}

export async function listDepartments(db: Db) {
  const rows = await repo.publishedSummaries(db, {}).execute();
  const agencies = await agencyMap(db);
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.agency_id, (counts.get(r.agency_id) ?? 0) + 1);
  return {
    items: [...counts].map(([id, count]) => {
      const a = agencies.get(id);
      return { id, name: a?.name ?? id, shortName: a ? shortAgencyName(a) : id, phone: a?.phone ?? null, itemCount: count };
    }).sort((a, b) => b.itemCount - a.itemCount),
  };
}

export { loadBundles };
