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
    .select(['s.id', 's.user_id', 's.enterprise_id', 's.authorization_id', 'u.kind', 'u.name', 'u.active'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', new Date())
    .executeTakeFirst();

export const revokeSession = (db: Executor, id: string) => db.updateTable('sessions').set({ revoked_at: new Date() }).where('id', '=', id).execute();
