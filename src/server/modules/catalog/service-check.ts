import type { Db } from '../../platform/db/database.js';
import { agenciesWith, type Actor } from '../../platform/auth/actor.js';
import { notFound } from '../../platform/errors/app-error.js';
import { agencyMap, shortAgencyName } from './agencies.js';
import { checkGuide, type Finding, type Severity } from './guide-rules.js';
import { allowsCatalog, requireCatalog } from './policy.js';
import * as repo from './repository.js';
import { guideView, loadBundle, loadBundles } from './views.js';

export interface ItemCheck {
  itemId: string;
  key: string;
  name: string;
  agencyId: string;
  version: number;
  status: string;
  score: number;
  findings: Finding[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const bySeverity = (fs: Finding[]) => {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const x of fs) out[x.severity]++;
  return out;
};

/**
 * The guide accuracy report over published guides: findings and a score per item, and per department the average
 * score. Department admins see their own agency; the center admin and supervisors see the whole district.
 */
export async function guideCheckReport(db: Db, actor: Actor, opts: { agencyId?: string; itemKey?: string }) {
  let agencyIds: string[] | null = null;
  if (opts.agencyId) requireCatalog(actor, 'guide.check', opts.agencyId);
  else if (!allowsCatalog(actor, 'guide.check', 'mh')) {
    requireCatalog(actor, 'guide.check');
    agencyIds = agenciesWith(actor, ['dept_admin']);
  }
  const rows = await repo.publishedVersions(db, { agencyId: opts.agencyId, itemKey: opts.itemKey }).orderBy('i.agency_id').orderBy('i.key').execute();
  const visible = agencyIds ? rows.filter((r) => agencyIds!.includes(r.agency_id)) : rows;
  const bundles = await loadBundles(db, visible);
  const items: ItemCheck[] = bundles.map((b) => {
    const { findings, score } = checkGuide(guideView(b));
    return { itemId: b.row.item_id, key: b.row.key, name: b.row.name, agencyId: b.row.agency_id, version: b.row.version, status: b.row.status, score, findings };
  });
  const agencies = await agencyMap(db);
  const departments = [...new Set(items.map((i) => i.agencyId))].map((id) => {
    const own = items.filter((i) => i.agencyId === id);
    const findings = own.flatMap((i) => i.findings);
    const agency = agencies.get(id);
    return { agencyId: id, agencyName: agency ? shortAgencyName(agency) : id, items: own.length, score: round1(own.reduce((s, i) => s + i.score, 0) / own.length), findings: bySeverity(findings) };
  });
  const all = items.flatMap((i) => i.findings);
  return {
    generatedAt: new Date().toISOString(),
    summary: { items: items.length, averageScore: items.length ? round1(items.reduce((s, i) => s + i.score, 0) / items.length) : null, findings: bySeverity(all) },
    departments: departments.sort((a, b) => a.score - b.score),
    items: items.sort((a, b) => a.score - b.score),
  };
}

/** Checks one item as its editor sees it: the draft when there is one, else the published version. */
export async function checkItemGuide(db: Db, actor: Actor, idOrKey: string): Promise<ItemCheck> {
  const item = await repo.findItemByIdOrKey(db, idOrKey);
  if (!item) throw notFound('事项');
  requireCatalog(actor, 'guide.check', item.agency_id);
  const row = (await repo.findVersionByStatus(db, item.id, 'draft')) ?? (await repo.findVersionByStatus(db, item.id, 'published'));
  if (!row) throw notFound('事项版本');
  const { findings, score } = checkGuide(guideView(await loadBundle(db, row)));
  return { itemId: item.id, key: item.key, name: row.name, agencyId: item.agency_id, version: row.version, status: row.status, score, findings };
}
