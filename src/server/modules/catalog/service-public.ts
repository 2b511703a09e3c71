import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { agencyMap, shortAgencyName } from './agencies.js';
import { allowsCatalog } from './policy.js';
import * as repo from './repository.js';
import type { ItemListQuery } from './schemas.js';
import { guideView, loadBundle, loadBundles, type VersionBundle } from './views.js';

type DueDate = (db: Db, start: Date, limit: { days: number; unit: 'working' | 'natural' }) => Promise<Date>;
let calendar: Promise<DueDate | null> | null = null;
/** The calendar module is optional to the catalog: without it, only natural-day limits get a date. */
function calendarDueDate(): Promise<DueDate | null> {
  const path = '../calendar/service.js';
  calendar ??= import(/* @vite-ignore */ path).then((m: { dueDate?: DueDate }) => m.dueDate ?? null).catch(() => null);
  return calendar;
}

export const shanghaiDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);

/** The date a case applied for now would be due by the committed limit (即办件: today). */
export async function expectedCompletion(db: Db, b: VersionBundle, now = new Date()): Promise<{ date: string; basis: string } | null> {
  const r = b.row;
  if (r.immediate) return { date: shanghaiDay(now), basis: '即办件，当场办结' };
  const limit = { days: r.committed_limit_days, unit: r.committed_limit_unit };
  const due = await calendarDueDate();
  const unitText = limit.unit === 'working' ? '个工作日' : '个自然日';
  if (due) return { date: shanghaiDay(await due(db, now, limit)), basis: `今日申请，承诺${limit.days}${unitText}内办结` };
  if (limit.unit === 'natural') return { date: shanghaiDay(new Date(now.getTime() + limit.days * 86_400_000)), basis: `今日申请，承诺${limit.days}${unitText}内办结` };
  return null;
}

const summaryOf = (b: VersionBundle) => ({
  id: b.row.item_id,
  key: b.row.key,
  versionId: b.row.id,
  version: b.row.version,
  name: b.row.name,
  agencyId: b.row.agency_id,
  agencyName: b.agencyShortName,
  kind: b.row.kind,
  audience: b.row.audience,
  themes: b.row.themes,
  lifeEvents: b.row.life_events,
  channels: b.row.channels,
  onlineDepth: b.row.online_depth,
  visits: b.row.visits,
  immediate: b.row.immediate,
  haoban: b.row.haoban,
  kuaiban: b.row.kuaiban,
  noVisit: b.row.no_visit,
  committedLimit: { days: b.row.committed_limit_days, unit: b.row.committed_limit_unit },
  implementationCode: b.row.implementation_code,
});
export type ItemSummary = ReturnType<typeof summaryOf>;
export const summariesOf = async (db: Db, rows: repo.VersionRow[]) => (await loadBundlesLight(db, rows)).map(summaryOf);
// Lists need no materials: agency names are enough, so skip the per-version child queries.
async function loadBundlesLight(db: Db, rows: repo.VersionRow[]): Promise<VersionBundle[]> {
  const agencies = await agencyMap(db);
  return rows.map((row) => {
    const a = agencies.get(row.agency_id);
    return { row, situations: [], materials: [], files: new Map(), agencyName: a?.name ?? row.agency_id, agencyShortName: a ? shortAgencyName(a) : row.agency_id, agencyNature: a?.nature ?? '' };
  });
}

const splitThemes = (theme?: string) => {
  const parts = (theme ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  // 个人 / 法人 are the portal's two top-level themes: they select the audience rather than a service theme.
  return { audience: parts.find((p) => p === '个人' || p === '法人'), themes: parts.filter((p) => p !== '个人' && p !== '法人') };
};

export async function listItems(db: Db, q: ItemListQuery) {
  const t = splitThemes(q.theme);
  const filters = { agencyId: q.agencyId, themes: t.themes, audience: q.audience ?? t.audience, lifeEvent: q.lifeEvent, channel: q.channel, kind: q.kind };
  const rows = await repo.publishedVersions(db, filters).orderBy('i.popularity', 'desc').orderBy('v.name').limit(q.limit).offset(q.offset).execute();
  return { items: await summariesOf(db, rows), limit: q.limit, offset: q.offset };
}
export { splitThemes };

/** The public guide page: the published version with everything the page shows, and the expected completion date. */
export async function getGuide(db: Db, idOrKey: string) {
  const item = await repo.findItemByIdOrKey(db, idOrKey);
  if (!item) throw notFound('事项');
  const row = await repo.findVersionByStatus(db, item.id, 'published');
  if (!row) throw new AppError('ITEM_NOT_PUBLISHED', { detail: `事项“${item.key}”尚未发布` });
  const bundle = await loadBundle(db, row);
  const channels = await repo.findChannels(db, item.id);
  return {
    ...guideView(bundle),
    expectedCompletion: await expectedCompletion(db, bundle),
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
  const rows = await repo.publishedVersions(db, {}).execute();
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
  const rows = await repo.publishedVersions(db, {}).execute();
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
