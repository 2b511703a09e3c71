import { randomInt } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { Db } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { agenciesWith, hasRole, type Actor, type Role } from '../../platform/auth/actor.js';
import { maskPhone } from '../../platform/privacy/mask.js';
import * as repo from './repository.js';
import * as adminRepo from './repository-admin.js';
import { identityPolicy, requireRoleGrantable, requireStaffAdmin } from './policy.js';
import { agencyDescendants } from './sessions.js';
import { checkPhone } from './credentials.js';

/** A temporary password handed over once by the admin: 14 characters, all four character classes, no look-alikes. */
export function temporaryPassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '@#%+=?'];
  const all = sets.join('');
  const chars = sets.map((s) => s[randomInt(s.length)]);
  while (chars.length < 14) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

async function findStaff(db: Db, actor: Actor, id: string) {
  const user = await repo.findUserById(db, id);
  if (!user || user.kind !== 'staff' || !user.agency_id) throw notFound('工作人员');
  requireStaffAdmin(actor, user.agency_id);
  return user;
}

/** Staff the admin may manage: everyone for the center admin, else their agencies and sub-agencies (optionally one subtree). */
export async function listStaff(db: Db, actor: Actor, agencyId?: string) {
  const tree = await agencyDescendants(db);
  let scope: string[];
  if (agencyId) {
    requireStaffAdmin(actor, agencyId);
    scope = tree[agencyId] ?? [];
  } else {
    identityPolicy.require(actor, 'staff.manage');
    scope = hasRole(actor, ['center_admin']) ? Object.keys(tree) : agenciesWith(actor, ['dept_admin']);
  }
  const staff = await adminRepo.findStaffInAgencies(db, scope.length ? scope : ['']);
  const grants = await adminRepo.findGrantsOfUsers(db, staff.map((s) => s.id));
  return {
    items: staff.map((s) => ({
      id: s.id, login: s.login, name: s.name, phone: maskPhone(s.phone), agencyId: s.agency_id, active: s.active,
      lockedUntil: s.locked_until && s.locked_until > new Date() ? s.locked_until.toISOString() : null,
      roles: grants.filter((g) => g.user_id === s.id).map((g) => ({ role: g.role, agencyId: g.agency_id })),
    })),
  };
}

export async function createStaff(db: Db, actor: Actor, input: { login: string; name: string; phone?: string | null; agencyId: string }, ip?: string | null) {
  requireStaffAdmin(actor, input.agencyId);
  if (!(await adminRepo.findAgencyById(db, input.agencyId))) throw new AppError('NOT_FOUND', { field: 'agencyId', detail: '机构不存在' });
  const phone = input.phone ? checkPhone(input.phone) : null;
  const password = temporaryPassword();
  const passwordHash = await hash(password);
  const created = await db.transaction().execute(async (tx) => {
    if (await repo.findUserByLogin(tx, input.login)) throw new AppError('DUPLICATE_ACCOUNT', { field: 'login', detail: '该登录名已被使用' });
    const row = await adminRepo.insertStaff(tx, { login: input.login, name: input.name, phone, agency_id: input.agencyId, password_hash: passwordHash });
    await recordAudit(tx, actor, { action: 'identity.staff_created', targetType: 'user', targetId: row.id, agencyId: input.agencyId, detail: { login: row.login }, ip });
    return row;
  });
  return { staff: { id: created.id, login: created.login, name: created.name, phone: maskPhone(created.phone), agencyId: created.agency_id, active: created.active, roles: [] }, temporaryPassword: password };
}

/** Disabling ends the person's sessions at once; nobody can disable themselves (an admin could lock everyone out). */
export async function setStaffActive(db: Db, actor: Actor, id: string, active: boolean, ip?: string | null) {
  const user = await findStaff(db, actor, id);
  if (user.id === actor.userId) throw new AppError('FORBIDDEN', { detail: '不能停用本人账号' });
  await db.transaction().execute(async (tx) => {
    await adminRepo.setUserActive(tx, id, active);
    if (!active) await adminRepo.revokeSessionsOfUser(tx, id);
    await recordAudit(tx, actor, { action: active ? 'identity.staff_enabled' : 'identity.staff_disabled', targetType: 'user', targetId: id, agencyId: user.agency_id, ip });
  });
  return { id, active };
}

/** A new temporary password (shown once to the admin); it also lifts a lock and ends open sessions. */
export async function resetStaffPassword(db: Db, actor: Actor, id: string, ip?: string | null) {
  const user = await findStaff(db, actor, id);
  const password = temporaryPassword();
  const passwordHash = await hash(password);
  await db.transaction().execute(async (tx) => {
    await adminRepo.setPassword(tx, id, passwordHash);
    await adminRepo.revokeSessionsOfUser(tx, id);
    await recordAudit(tx, actor, { action: 'identity.password_reset', targetType: 'user', targetId: id, agencyId: user.agency_id, ip });
  });
  return { id, temporaryPassword: password };
}

export async function changeRole(db: Db, actor: Actor, id: string, grant: { role: Role; agencyId: string }, change: 'grant' | 'revoke', ip?: string | null) {
  const user = await findStaff(db, actor, id);
  requireRoleGrantable(actor, grant.role, grant.agencyId);
  if (!(await adminRepo.findAgencyById(db, grant.agencyId))) throw new AppError('NOT_FOUND', { field: 'agencyId', detail: '机构不存在' });
  const row = { user_id: id, role: grant.role, agency_id: grant.agencyId };
  await db.transaction().execute(async (tx) => {
    // Granting a role already held is a no-op; revoking one not held is a 404.
    if (change === 'grant') await adminRepo.insertGrant(tx, row);
    else if (Number((await adminRepo.deleteGrant(tx, row)).numDeletedRows) === 0) throw notFound('该角色授予');
    await recordAudit(tx, actor, { action: change === 'grant' ? 'identity.role_granted' : 'identity.role_revoked', targetType: 'user', targetId: id, agencyId: user.agency_id, detail: grant, ip });
  });
  const grants = await repo.findGrants(db, id);
  return { id, roles: grants.map((g) => ({ role: g.role, agencyId: g.agency_id })) };
}
