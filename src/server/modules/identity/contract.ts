import type { Executor } from '../../platform/db/database.js';
import type { Role } from '../../platform/auth/actor.js';
import './tables.js';
import { findEnterpriseById, findEnterpriseByUscc, findEnterprisesOfUser, findUserById, findUserByLogin } from './repository.js';

/**
 * What other modules may know of people, staff, enterprises and agencies (docs/contracts.md, "identity → others").
 * Other modules call these instead of reading identity's tables, so identity can change its tables freely.
 * Every function runs on the caller's executor (inside its transaction when given one).
 */

export interface PersonBrief { id: string; name: string; phone: string | null; idCard: string | null }
export interface UserBrief { id: string; kind: 'person' | 'staff'; login: string; name: string; phone: string | null; idCard: string | null; active: boolean }
export interface EnterpriseBrief { id: string; uscc: string; name: string; legalRepUserId: string | null; regionCode: string }

const brief = (u: { id: string; kind: 'person' | 'staff'; login: string; name: string; phone: string | null; id_card: string | null; active: boolean }): UserBrief =>
  ({ id: u.id, kind: u.kind, login: u.login, name: u.name, phone: u.phone, idCard: u.id_card, active: u.active });

/** The registered natural person (自然人) holding this ID card number, or null (a walk-in applicant need not be registered). */
export async function findPersonByIdCard(db: Executor, idCard: string): Promise<PersonBrief | null> {
  const u = await db.selectFrom('users').select(['id', 'name', 'phone', 'id_card']).where('kind', '=', 'person').where('id_card', '=', idCard).executeTakeFirst();
  return u ? { id: u.id, name: u.name, phone: u.phone, idCard: u.id_card } : null;
}

/** A user by id (person or staff), or null. */
export async function getUserBrief(db: Executor, userId: string): Promise<UserBrief | null> {
  const u = await findUserById(db, userId);
  return u ? brief(u) : null;
}

/** A user by login name (process definitions name handlers by login), or null. */
export async function getUserByLogin(db: Executor, login: string): Promise<UserBrief | null> {
  const u = await findUserByLogin(db, login);
  return u ? brief(u) : null;
}

/**
 * The active staff who hold `role` in one of `agencyIds` (a role pool, 岗位池): who is told when a pool task is
 * urged or falls due. Grants are matched on the agency itself, as pool tasks name the agency that handles them.
 */
export async function staffInRolePool(db: Executor, role: Role, agencyIds: string[]): Promise<string[]> {
  if (agencyIds.length === 0) return [];
  const rows = await db.selectFrom('role_grants as g').innerJoin('users as u', 'u.id', 'g.user_id')
    .select('g.user_id').distinct()
    .where('g.role', '=', role).where('g.agency_id', 'in', agencyIds).where('u.active', '=', true)
    .orderBy('g.user_id').execute();
  return rows.map((r) => r.user_id);
}

/** The GB/T 2260 region code (行政区划代码) of an agency, or null when the agency is unknown. */
export async function agencyRegionCode(db: Executor, agencyId: string): Promise<string | null> {
  const a = await db.selectFrom('agencies').select('region_code').where('id', '=', agencyId).executeTakeFirst();
  return a?.region_code ?? null;
}

/** An enterprise (法人) by id or by 统一社会信用代码, or null. */
export async function getEnterprise(db: Executor, by: { id: string } | { uscc: string }): Promise<EnterpriseBrief | null> {
  const e = 'id' in by ? await findEnterpriseById(db, by.id) : await findEnterpriseByUscc(db, by.uscc);
  return e ? { id: e.id, uscc: e.uscc, name: e.name, legalRepUserId: e.legal_rep_user_id, regionCode: e.region_code } : null;
}

/**
 * The live authorisation (授权代办) by which `userId` acts for `enterpriseId`: null when there is none (revoked,
 * expired, or another enterprise's). `itemCodes` null means every item; otherwise the 基本编码 it covers.
 */
export async function liveAuthorization(db: Executor, userId: string, enterpriseId: string, authorizationId: string): Promise<{ id: string; itemCodes: string[] | null } | null> {
  const grant = (await findEnterprisesOfUser(db, userId)).find((e) => e.id === enterpriseId && e.authorization_id === authorizationId);
  return grant ? { id: grant.authorization_id!, itemCodes: grant.item_codes } : null;
}
