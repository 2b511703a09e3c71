import type { Executor } from '../../platform/db/database.js';
import type { Role } from '../../platform/auth/actor.js';
import './tables.js';

// ---- persons
export const insertPerson = (db: Executor, p: { login: string; name: string; id_card: string; phone: string | null }) =>
  db.insertInto('users').values({ kind: 'person', ...p }).returning('id').executeTakeFirstOrThrow();

// ---- agencies
export const findAgencyById = (db: Executor, id: string) => db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
export const findAgencyByIdOrUscc = (db: Executor, id: string, uscc: string) =>
  db.selectFrom('agencies').select('id').where((eb) => eb.or([eb('id', '=', id), eb('uscc', '=', uscc)])).executeTakeFirst();
export const insertAgency = (db: Executor, a: { id: string; name: string; short_name: string | null; uscc: string; region_code: string; parent_id: string; nature: string; address: string | null; phone: string | null }) =>
  db.insertInto('agencies').values(a).returningAll().executeTakeFirstOrThrow();
export const updateAgency = (db: Executor, id: string, changes: Partial<{ name: string; short_name: string | null; parent_id: string; nature: string; address: string | null; phone: string | null }>) =>
  db.updateTable('agencies').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

// ---- staff
export const findStaffInAgencies = (db: Executor, agencyIds: string[]) =>
  db
    .selectFrom('users')
    .select(['id', 'login', 'name', 'phone', 'agency_id', 'active', 'locked_until', 'created_at'])
    .where('kind', '=', 'staff')
    .where('agency_id', 'in', agencyIds)
    .orderBy('agency_id')
    .orderBy('login')
    .execute();
export const findGrantsOfUsers = (db: Executor, userIds: string[]) =>
  userIds.length ? db.selectFrom('role_grants').select(['user_id', 'role', 'agency_id']).where('user_id', 'in', userIds).orderBy('role').execute() : Promise.resolve([]);
export const insertStaff = (db: Executor, s: { login: string; name: string; phone: string | null; agency_id: string; password_hash: string }) =>
  db.insertInto('users').values({ kind: 'staff', ...s, password_changed_at: new Date() }).returning(['id', 'login', 'name', 'phone', 'agency_id', 'active']).executeTakeFirstOrThrow();
export const setUserActive = (db: Executor, id: string, active: boolean) => db.updateTable('users').set({ active }).where('id', '=', id).execute();
export const setPassword = (db: Executor, id: string, passwordHash: string) =>
  db.updateTable('users').set({ password_hash: passwordHash, password_changed_at: new Date(), failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
/** Ends every open session of a user (after disabling or a password reset). */
export const revokeSessionsOfUser = (db: Executor, userId: string) =>
  db.updateTable('sessions').set({ revoked_at: new Date() }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
export const insertGrant = (db: Executor, g: { user_id: string; role: Role; agency_id: string }) =>
  db.insertInto('role_grants').values(g).onConflict((oc) => oc.columns(['user_id', 'role', 'agency_id']).doNothing()).executeTakeFirst();
export const deleteGrant = (db: Executor, g: { user_id: string; role: Role; agency_id: string }) =>
  db.deleteFrom('role_grants').where('user_id', '=', g.user_id).where('role', '=', g.role).where('agency_id', '=', g.agency_id).executeTakeFirst();

// ---- 授权代办
export const insertAuthorization = (db: Executor, a: { enterprise_id: string; agent_user_id: string; granted_by: string; item_codes: string[] | null; valid_until: Date }) =>
  db.insertInto('enterprise_authorizations').values(a).returningAll().executeTakeFirstOrThrow();
export const findAuthorization = (db: Executor, id: string) => db.selectFrom('enterprise_authorizations').selectAll().where('id', '=', id).executeTakeFirst();
export const findLiveAuthorization = (db: Executor, enterpriseId: string, agentUserId: string) =>
  db
    .selectFrom('enterprise_authorizations')
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .where('agent_user_id', '=', agentUserId)
    .where('revoked_at', 'is', null)
    .where('valid_until', '>', new Date())
    .executeTakeFirst();
export const listAuthorizations = (db: Executor, enterpriseId: string) =>
  db
    .selectFrom('enterprise_authorizations as a')
    .innerJoin('users as u', 'u.id', 'a.agent_user_id')
    .select(['a.id', 'a.item_codes', 'a.valid_from', 'a.valid_until', 'a.revoked_at', 'a.created_at', 'u.id as agent_id', 'u.name as agent_name', 'u.id_card as agent_id_card', 'u.phone as agent_phone'])
    .where('a.enterprise_id', '=', enterpriseId)
    .orderBy('a.created_at', 'desc')
    .execute();
export const revokeAuthorization = (db: Executor, id: string, by: string) =>
  db.updateTable('enterprise_authorizations').set({ revoked_at: new Date(), revoked_by: by }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
/** Locks the enterprise row so two grants for the same agent cannot both pass the "no live grant" check. */
export const lockEnterprise = (db: Executor, id: string) => db.selectFrom('enterprises').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
