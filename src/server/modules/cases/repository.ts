import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import '../../platform/db/platform-tables.js';
import type { CaseCorrectionsTable, CaseMaterialsTable, CasePausesTable, CasesTable, CaseStepsTable, CaseVisitsTable } from './tables.js';

// ── process definitions ───────────────────────────────────────────────
export const findLatestDefinition = (db: Executor, key: string) =>
  db.selectFrom('process_definitions').selectAll().where('key', '=', key).orderBy('version', 'desc').limit(1).executeTakeFirst();
export const findDefinition = (db: Executor, key: string, version: number) =>
  db.selectFrom('process_definitions').selectAll().where('key', '=', key).where('version', '=', version).executeTakeFirst();
export const listLatestDefinitions = (db: Executor) =>
  db.selectFrom('process_definitions').distinctOn('key').select(['key', 'version', 'name', 'created_at']).orderBy('key').orderBy('version', 'desc').execute();
export const insertDefinition = (db: Executor, row: { key: string; version: number; name: string; definition: unknown; digest: string }) =>
  db.insertInto('process_definitions').values({ ...row, definition: JSON.stringify(row.definition) }).onConflict((oc) => oc.columns(['key', 'version']).doNothing()).execute();

// ── case numbers ──────────────────────────────────────────────────────
/** Takes the next sequence of the region's day; the row lock serialises only same-region same-day submissions. */
export async function nextCaseSeq(db: Executor, regionCode: string, day: string): Promise<number> {
  const r = await db
    .insertInto('case_counters')
    .values({ region_code: regionCode, day, last_seq: 1 })
    .onConflict((oc) => oc.columns(['region_code', 'day']).doUpdateSet({ last_seq: sql`case_counters.last_seq + 1` }))
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return r.last_seq;
}

// ── cases ─────────────────────────────────────────────────────────────
export const insertCase = (db: Executor, row: Insertable<CasesTable>) => db.insertInto('cases').values(row).returningAll().executeTakeFirstOrThrow();
export const findCaseById = (db: Executor, id: string) => db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
export const findCaseByNo = (db: Executor, caseNo: string) => db.selectFrom('cases').selectAll().where('case_no', '=', caseNo).executeTakeFirst();
/** Locks the case row for the rest of the transaction: actions on one case run one after another. */
export const lockCaseById = (db: Executor, id: string) => db.selectFrom('cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
/** Writes a change and bumps the optimistic version; callers hold the row lock. */
export const updateCase = (db: Executor, id: string, patch: Updateable<CasesTable>) =>
  db.updateTable('cases').set({ ...patch, version: sql`version + 1`, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

export const findDraftsOfApplicant = (db: Executor, userId: string, enterpriseId: string | null) =>
  db.selectFrom('cases').select(['id', 'item_id', 'item_version_id', 'item_name', 'channel', 'created_at', 'updated_at', 'version'])
    .where('status', '=', 'draft').where('created_by_user_id', '=', userId)
    .where((eb) => (enterpriseId ? eb('enterprise_id', '=', enterpriseId) : eb('enterprise_id', 'is', null)))
    .orderBy('updated_at', 'desc').limit(100).execute();

export const findCasesOfApplicant = (db: Executor, userId: string, enterpriseId: string | null, opts: { limit: number; offset: number; status?: string }) => {
  let q = db.selectFrom('cases')
    .select(['id', 'case_no', 'status', 'outcome', 'item_id', 'item_name', 'agency_id', 'channel', 'submitted_at', 'accepted_at', 'deadline_at', 'completed_at', 'delivered_at'])
    .where('status', '<>', 'draft');
  q = enterpriseId ? q.where('enterprise_id', '=', enterpriseId) : q.where('applicant_user_id', '=', userId).where('enterprise_id', 'is', null);
  if (opts.status) q = q.where('status', '=', opts.status as never);
  return q.orderBy('submitted_at', 'desc').limit(opts.limit).offset(opts.offset).execute();
};

// ── steps (环节) ──────────────────────────────────────────────────────
export async function nextStepSeq(db: Executor, caseId: string): Promise<number> {
  const r = await db.selectFrom('case_steps').select((eb) => eb.fn.max('seq').as('m')).where('case_id', '=', caseId).executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}
export const insertStep = (db: Executor, row: Insertable<CaseStepsTable>) => db.insertInto('case_steps').values(row).returningAll().executeTakeFirstOrThrow();
export const updateStep = (db: Executor, id: string, patch: Updateable<CaseStepsTable>) => db.updateTable('case_steps').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
export const findPendingSteps = (db: Executor, caseId: string) =>
  db.selectFrom('case_steps').selectAll().where('case_id', '=', caseId).where('state', '=', 'pending').orderBy('seq').execute();
export const findStepsOfCase = (db: Executor, caseId: string) => db.selectFrom('case_steps').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
export const findStepsOfActivation = (db: Executor, caseId: string, nodeId: string, activation: number) =>
  db.selectFrom('case_steps').selectAll().where('case_id', '=', caseId).where('node_id', '=', nodeId).where('activation', '=', activation).where('node_kind', '<>', 'log').orderBy('seq').execute();
export async function lastActivation(db: Executor, caseId: string, nodeId: string): Promise<number> {
  const r = await db.selectFrom('case_steps').select((eb) => eb.fn.max('activation').as('m')).where('case_id', '=', caseId).where('node_id', '=', nodeId).executeTakeFirst();
  return Number(r?.m ?? 0);
}
export const cancelPendingSteps = (db: Executor, caseId: string, at: Date) =>
  db.updateTable('case_steps').set({ state: 'cancelled', ended_at: at }).where('case_id', '=', caseId).where('state', '=', 'pending').execute();

// ── materials ─────────────────────────────────────────────────────────
/** Replaces the case's materials: all of them, or only those named in `onlyIds` (a 补正 resubmission). */
export async function replaceMaterials(db: Executor, caseId: string, rows: Omit<Insertable<CaseMaterialsTable>, 'case_id'>[], onlyIds?: string[]) {
  if (onlyIds && onlyIds.length === 0) return [];
  let del = db.deleteFrom('case_materials').where('case_id', '=', caseId);
  if (onlyIds) del = del.where('material_id', 'in', onlyIds);
  await del.execute();
  if (rows.length === 0) return [];
  return db.insertInto('case_materials').values(rows.map((r) => ({ ...r, case_id: caseId }))).returningAll().execute();
}
export const insertMaterials = async (db: Executor, caseId: string, rows: Omit<Insertable<CaseMaterialsTable>, 'case_id'>[]) =>
  rows.length === 0 ? [] : db.insertInto('case_materials').values(rows.map((r) => ({ ...r, case_id: caseId }))).returningAll().execute();
export const findMaterialsOfCase = (db: Executor, caseId: string) => db.selectFrom('case_materials').selectAll().where('case_id', '=', caseId).orderBy('material_id').execute();

// ── pauses, corrections ───────────────────────────────────────────────
export const insertPause = (db: Executor, row: Insertable<CasePausesTable>) => db.insertInto('case_pauses').values(row).returningAll().executeTakeFirstOrThrow();
export const findOpenPause = (db: Executor, caseId: string) =>
  db.selectFrom('case_pauses').selectAll().where('case_id', '=', caseId).where('ended_at', 'is', null).where('kind', '<>', 'extension').executeTakeFirst();
export const closePause = (db: Executor, id: string, endedAt: Date, shiftedDays: number) =>
  db.updateTable('case_pauses').set({ ended_at: endedAt, shifted_days: shiftedDays }).where('id', '=', id).execute();
export const findPausesOfCase = (db: Executor, caseId: string) => db.selectFrom('case_pauses').selectAll().where('case_id', '=', caseId).orderBy('started_at').execute();
export const insertCorrection = (db: Executor, row: Insertable<CaseCorrectionsTable>) => db.insertInto('case_corrections').values(row).returningAll().executeTakeFirstOrThrow();
export const findOpenCorrection = (db: Executor, caseId: string) =>
  db.selectFrom('case_corrections').selectAll().where('case_id', '=', caseId).where('resubmitted_at', 'is', null).where('timed_out_at', 'is', null).executeTakeFirst();
export const findCorrectionsOfCase = (db: Executor, caseId: string) => db.selectFrom('case_corrections').selectAll().where('case_id', '=', caseId).orderBy('requested_at').execute();
export const updateCorrection = (db: Executor, id: string, patch: Updateable<CaseCorrectionsTable>) => db.updateTable('case_corrections').set(patch).where('id', '=', id).execute();

// ── visits (到现场) ───────────────────────────────────────────────────
export const insertVisit = (db: Executor, row: Insertable<CaseVisitsTable>) => db.insertInto('case_visits').values(row).returningAll().executeTakeFirstOrThrow();
export const lockVisit = (db: Executor, id: string) => db.selectFrom('case_visits').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
export const endVisit = (db: Executor, id: string, endedAt: Date) => db.updateTable('case_visits').set({ ended_at: endedAt }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
export const findVisitsOfCase = (db: Executor, caseId: string) => db.selectFrom('case_visits').selectAll().where('case_id', '=', caseId).orderBy('started_at').execute();

// ── archive (电子档案) ────────────────────────────────────────────────
export const insertArchive = (db: Executor, row: { case_id: string; case_no: string; content: Record<string, unknown>; manifest_sm3: string }) =>
  db.insertInto('case_archives').values({ ...row, content: JSON.stringify(row.content) }).onConflict((oc) => oc.column('case_id').doNothing()).execute();
export const findArchive = (db: Executor, caseId: string) => db.selectFrom('case_archives').selectAll().where('case_id', '=', caseId).executeTakeFirst();

// ── idempotency (platform table) ──────────────────────────────────────
/**
 * Claims a key. A concurrent claim of the same key waits on the primary key until the first transaction ends,
 * then sees the committed row: so two identical submissions racing create one case.
 */
export async function claimIdempotencyKey(db: Executor, scope: string, key: string, requestHash: string): Promise<boolean> {
  const r = await db.insertInto('idempotency_keys').values({ scope, key, request_hash: requestHash, response: null })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}
export const findIdempotencyKey = (db: Executor, scope: string, key: string) =>
  db.selectFrom('idempotency_keys').selectAll().where('scope', '=', scope).where('key', '=', key).executeTakeFirst();
export const saveIdempotentResponse = (db: Executor, scope: string, key: string, response: unknown) =>
  db.updateTable('idempotency_keys').set({ response: JSON.stringify(response) }).where('scope', '=', scope).where('key', '=', key).execute();

// ── inbox (待办) and overdue lists ─────────────────────────────────────
export interface InboxFilter {
  userId: string;
  pools: { role: string; agencyIds: string[] }[];
  itemId?: string;
  status?: string;
  colour?: 'green' | 'yellow' | 'red';
  appliedFrom?: Date;
  appliedTo?: Date;
  caseNo?: string;
  sort: 'deadline' | 'submitted';
  limit: number;
  offset: number;
}

const colourSql = sql<string>`CASE WHEN c.deadline_at IS NULL THEN NULL WHEN coalesce(c.paused_at, now()) > c.deadline_at THEN 'red' WHEN c.warn_at IS NOT NULL AND coalesce(c.paused_at, now()) >= c.warn_at THEN 'yellow' ELSE 'green' END`;

function inboxBase(db: Executor, f: InboxFilter) {
  let q = db.selectFrom('case_steps as s').innerJoin('cases as c', 'c.id', 's.case_id').where('s.state', '=', 'pending').where((eb) => {
    const mine = [eb('s.assignee_user_id', '=', f.userId), eb('s.claimed_by_user_id', '=', f.userId)];
    for (const p of f.pools) {
      if (p.agencyIds.length) mine.push(eb.and([eb('s.role', '=', p.role), eb('s.agency_id', 'in', p.agencyIds), eb('s.assignee_user_id', 'is', null), eb('s.claimed_by_user_id', 'is', null)]));
    }
    return eb.or(mine);
  });
  if (f.itemId) q = q.where('c.item_id', '=', f.itemId);
  if (f.appliedFrom) q = q.where('c.submitted_at', '>=', f.appliedFrom);
  if (f.appliedTo) q = q.where('c.submitted_at', '<', f.appliedTo);
  if (f.caseNo) q = q.where('c.case_no', 'like', `%${f.caseNo.replace(/[%_\\]/g, '\\$&')}%`);
  if (f.colour) q = q.where(colourSql, '=', f.colour);
  return q;
}

export function findInbox(db: Executor, f: InboxFilter) {
  let q = inboxBase(db, f);
  if (f.status) q = q.where('c.status', '=', f.status as never);
  return q
    .select(['s.id as task_id', 's.node_id', 's.node_name', 's.node_kind', 's.agency_id as task_agency_id', 's.role', 's.assignee_user_id', 's.claimed_by_user_id', 's.started_at as task_started_at',
      'c.id', 'c.case_no', 'c.status', 'c.version', 'c.item_id', 'c.item_name', 'c.agency_id', 'c.applicant_name', 'c.channel', 'c.submitted_at', 'c.deadline_at', 'c.warn_at', 'c.immediate'])
    .select(colourSql.as('colour'))
    .orderBy(f.sort === 'deadline' ? sql`c.deadline_at ASC NULLS LAST` : sql`c.submitted_at DESC`)
    .orderBy('s.seq')
    .limit(f.limit).offset(f.offset).execute();
}

export function countInboxByStatus(db: Executor, f: InboxFilter) {
  return inboxBase(db, f).select(['c.status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('c.status').execute();
}

export function findOverdue(db: Executor, agencyId: string | null, limit: number, offset: number) {
  let q = db.selectFrom('cases as c').where('c.status', 'in', ['in_progress', 'submitted']).where('c.paused_at', 'is', null).where('c.deadline_at', '<', new Date());
  if (agencyId) q = q.where('c.agency_id', '=', agencyId);
  return q.select(['c.id', 'c.case_no', 'c.status', 'c.item_id', 'c.item_name', 'c.agency_id', 'c.applicant_name', 'c.accepted_at', 'c.deadline_at', 'c.warned_red_at'])
    .orderBy('c.deadline_at').limit(limit).offset(offset).execute();
}
