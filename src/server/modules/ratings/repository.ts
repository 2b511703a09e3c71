import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { RatingInvitationsTable, RatingsTable } from './tables.js';
import './tables.js';

export type Invitation = Selectable<RatingInvitationsTable>;
export type Rating = Selectable<RatingsTable>;

export const findConfig = (db: Executor) => db.selectFrom('rating_config').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();

export const updateConfig = (db: Executor, patch: Partial<{ bad_levels: number[]; invitation_valid_days: number; visit_rating_minutes: number; visit_token_minutes: number; region_code: string }>, by: string) =>
  db.updateTable('rating_config').set({ ...patch, updated_by: by, updated_at: new Date() }).where('id', '=', 1).returningAll().executeTakeFirstOrThrow();

/** Inserts an invitation unless one exists for the case or visit already (events are delivered at least once). */
export async function insertInvitationOnce(db: Executor, inv: Insertable<RatingInvitationsTable>): Promise<Invitation | undefined> {
  const target = inv.kind === 'case' ? sql`(case_id) WHERE kind = 'case'` : sql`(visit_id) WHERE kind = 'visit'`;
  const r = await sql<Invitation>`INSERT INTO rating_invitations (kind, case_id, case_no, visit_id, item_id, item_name, item_kind, agency_id,
      applicant_user_id, hall_id, window_id, staff_user_id, occurred_at, expires_at, token_hash)
    VALUES (${inv.kind}, ${inv.case_id ?? null}, ${inv.case_no ?? null}, ${inv.visit_id ?? null}, ${inv.item_id ?? null}, ${inv.item_name ?? null},
      ${inv.item_kind ?? null}, ${inv.agency_id ?? null}, ${inv.applicant_user_id ?? null}, ${inv.hall_id ?? null}, ${inv.window_id ?? null},
      ${inv.staff_user_id ?? null}, ${inv.occurred_at}, ${inv.expires_at}, ${inv.token_hash ?? null})
    ON CONFLICT ${target} DO NOTHING RETURNING *`.execute(db);
  return r.rows[0];
}

/** Locks the invitation row so two ratings of the same case cannot both become the counted one. */
export const lockInvitationOfCase = (db: Executor, caseId: string) =>
  db.selectFrom('rating_invitations').selectAll().where('kind', '=', 'case').where('case_id', '=', caseId).forUpdate().executeTakeFirst();

export const lockInvitationOfVisit = (db: Executor, visitId: string) =>
  db.selectFrom('rating_invitations').selectAll().where('kind', '=', 'visit').where('visit_id', '=', visitId).forUpdate().executeTakeFirst();

export const countRatingsOfInvitation = async (db: Executor, invitationId: string) =>
  Number((await db.selectFrom('ratings').select(db.fn.countAll<number>().as('n')).where('invitation_id', '=', invitationId).executeTakeFirstOrThrow()).n);

export const insertRating = (db: Executor, r: Insertable<RatingsTable>) => db.insertInto('ratings').values(r).returningAll().executeTakeFirstOrThrow();

export const setCountedRating = (db: Executor, invitationId: string, ratingId: string) =>
  db.updateTable('rating_invitations').set({ counted_rating_id: ratingId }).where('id', '=', invitationId).execute();

export const findRating = (db: Executor, id: string) => db.selectFrom('ratings').selectAll().where('id', '=', id).executeTakeFirst();

/** Open invitations of one applicant (the in-app "待评价" list). */
export const findOpenInvitationsOf = (db: Executor, userId: string, now: Date) =>
  db.selectFrom('rating_invitations').selectAll()
    .where('applicant_user_id', '=', userId).where('expires_at', '>', now).where('counted_rating_id', 'is', null)
    .orderBy('occurred_at', 'desc').limit(100).execute();

export const findRatingsOfRater = (db: Executor, userId: string) =>
  db.selectFrom('ratings').selectAll().where('rater_user_id', '=', userId).orderBy('rated_at', 'desc').limit(200).execute();

export interface RatingFilter { agencyIds: string[] | null; caseId?: string; windowId?: string; bad?: boolean; from?: Date; to?: Date; limit: number; offset: number }

export function findRatings(db: Executor, f: RatingFilter) {
  let q = db.selectFrom('ratings').selectAll();
  if (f.agencyIds) q = q.where('agency_id', 'in', f.agencyIds.length ? f.agencyIds : ['-']);
  if (f.caseId) q = q.where('case_id', '=', f.caseId);
  if (f.windowId) q = q.where('window_id', '=', f.windowId);
  if (f.bad !== undefined) q = q.where('is_bad', '=', f.bad);
  if (f.from) q = q.where('rated_at', '>=', f.from);
  if (f.to) q = q.where('rated_at', '<', f.to);
  return q.orderBy('rated_at', 'desc').limit(f.limit).offset(f.offset).execute();
}

/** The latest visit at a window that may still be rated on the hall terminal without a token. */
export const findRecentVisitAtWindow = (db: Executor, windowId: string, since: Date) =>
  db.selectFrom('rating_invitations').selectAll()
    .where('kind', '=', 'visit').where('window_id', '=', windowId).where('occurred_at', '>=', since)
    .orderBy('occurred_at', 'desc').limit(1).executeTakeFirst();

/** The last visit seen at a window, to show the hall and staff on duty. */
export const findLastVisitAtWindow = (db: Executor, windowId: string) =>
  db.selectFrom('rating_invitations').select(['hall_id', 'window_id', 'staff_user_id', 'agency_id', 'occurred_at'])
    .where('kind', '=', 'visit').where('window_id', '=', windowId).orderBy('occurred_at', 'desc').limit(1).executeTakeFirst();

export const markPushed = (db: Executor, id: string, cityRef: string) =>
  db.updateTable('ratings').set({ push_status: 'pushed', pushed_at: new Date(), city_ref: cityRef, push_error: null, push_attempts: sql`push_attempts + 1` }).where('id', '=', id).execute();

export const markPushFailed = (db: Executor, id: string, error: string, final: boolean) =>
  db.updateTable('ratings').set({ push_status: final ? 'failed' : 'pending', push_error: error.slice(0, 500), push_attempts: sql`push_attempts + 1` }).where('id', '=', id).execute();

export const markAppealUpheld = (db: Executor, id: string) =>
  db.updateTable('ratings').set({ appeal_upheld: true }).where('id', '=', id).returningAll().executeTakeFirst();

/**
 * The display name of a staff member, for the hall terminal. Reads identity's users table: identity has no contract
 * function for names yet (noted in the README); replace with it once it exists.
 */
export const findStaffName = async (db: Executor, userId: string) =>
  (await db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst())?.name ?? null;
