import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import './tables.js';

export const findAgencies = (db: Executor) => db.selectFrom('agencies').selectAll().orderBy('id').execute();

export const findUserByLogin = (db: Executor, login: string) => db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
export const findUserById = (db: Executor, id: string) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const findGrants = (db: Executor, userId: string) => db.selectFrom('role_grants').select(['role', 'agency_id']).where('user_id', '=', userId).execute();

export const findEnterpriseByUscc = (db: Executor, uscc: string) => db.selectFrom('enterprises').selectAll().where('uscc', '=', uscc).executeTakeFirst();
export const findEnterpriseById = (db: Executor, id: string) => db.selectFrom('enterprises').selectAll().where('id', '=', id).executeTakeFirst();
/** Enterprises the user may act for: as legal representative or through a live authorisation. */
export const findEnterprisesOfUser = (db: Executor, userId: string) =>
  db
    .selectFrom('enterprises as e')
    .leftJoin('enterprise_authorizations as a', (j) =>
      j.onRef('a.enterprise_id', '=', 'e.id').on('a.agent_user_id', '=', userId).on('a.revoked_at', 'is', null).on('a.valid_until', '>', new Date()),
    )
    .select(['e.id', 'e.uscc', 'e.name', 'e.legal_rep_user_id', 'a.id as authorization_id', 'a.item_codes', 'a.valid_until'])
    .where((eb) => eb.or([eb('e.legal_rep_user_id', '=', userId), eb('a.id', 'is not', null)]))
    .execute();

export const insertSession = (db: Executor, s: { token_hash: string; user_id: string; enterprise_id: string | null; authorization_id: string | null; method: string; expires_at: Date; ip: string | null; user_agent: string | null }) =>
  db.insertInto('sessions').values(s).returning('id').executeTakeFirstOrThrow();

export const findLiveSession = (db: Executor, tokenHash: string) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('enterprises as e', 'e.id', 's.enterprise_id')
    .leftJoin('enterprise_authorizations as a', 'a.id', 's.authorization_id')
    .select(['s.id', 's.user_id', 's.enterprise_id', 's.authorization_id', 'u.kind', 'u.name', 'u.active', 'e.legal_rep_user_id'])
    .select(['a.enterprise_id as authorized_enterprise_id', 'a.agent_user_id', 'a.valid_from as authorization_valid_from', 'a.valid_until as authorization_valid_until', 'a.revoked_at as authorization_revoked_at'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', new Date())
    .executeTakeFirst();

export const revokeSession = (db: Executor, id: string) => db.updateTable('sessions').set({ revoked_at: new Date() }).where('id', '=', id).execute();

export const findPersonByPhone = (db: Executor, phone: string) =>
  db.selectFrom('users').selectAll().where('kind', '=', 'person').where('phone', '=', phone).executeTakeFirst();
export const findPersonByIdCard = (db: Executor, idCard: string) =>
  db.selectFrom('users').selectAll().where('kind', '=', 'person').where('id_card', '=', idCard).executeTakeFirst();

/**
 * Counts a wrong password in one statement (no lost updates under parallel guesses); the tenth failure in a row
 * locks the account and starts counting afresh.
 */
export const recordFailedLogin = (db: Executor, userId: string, maxFailures: number, lockMinutes: number) =>
  db
    .updateTable('users')
    .set((eb) => ({
      failed_logins: eb.case().when('failed_logins', '>=', maxFailures - 1).then(0).else(eb('failed_logins', '+', 1)).end(),
      locked_until: eb
        .case()
        .when('failed_logins', '>=', maxFailures - 1)
        .then(sql<Date>`now() + make_interval(mins => ${lockMinutes})`)
        .else(eb.ref('locked_until'))
        .end(),
    }))
    .where('id', '=', userId)
    .returning(['failed_logins', 'locked_until'])
    .executeTakeFirstOrThrow();
export const clearFailedLogins = (db: Executor, userId: string) =>
  db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();

export const setSessionEnterprise = (db: Executor, id: string, enterpriseId: string | null, authorizationId: string | null) =>
  db.updateTable('sessions').set({ enterprise_id: enterpriseId, authorization_id: authorizationId }).where('id', '=', id).execute();
