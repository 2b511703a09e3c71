import type { Selectable } from 'kysely';
import { createHash } from 'node:crypto';
import { inTransaction, type Executor } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { checkIdCard } from '../../platform/validation/identifiers.js';
import { maskIdCard, maskName, maskPhone } from '../../platform/privacy/mask.js';
import * as repo from './repository.js';
import * as adminRepo from './repository-admin.js';
import { identityPolicy } from './policy.js';
import { checkPhone } from './credentials.js';
import type { UsersTable } from './tables.js';

export function checkedIdCard(value: string, field = 'idCard'): string {
  const v = value.trim().toUpperCase();
  const verdict = checkIdCard(v);
  if (!verdict.valid) throw new AppError('INVALID_ID_CARD', { field, detail: `居民身份证号码不正确：${verdict.reason}` });
  return v;
}

/** A resident's login name: derived from the ID number (stable, unique, and not itself personal data). */
export const personLogin = (idCard: string) => `p${createHash('sha256').update(`tongban-person:${idCard}`).digest('hex').slice(0, 15)}`;

/**
 * Registers a natural person (自然人) whose identity has been checked: on the spot by a window clerk against the
 * ID card, or by the city's identity provider. The ID number is GB 11643-validated; ID number and phone are unique.
 */
export async function registerPerson(db: Executor, actor: Actor, input: { idCard: string; name: string; phone?: string | null; source: 'window' | 'oidc'; ip?: string | null }) {
  const idCard = checkedIdCard(input.idCard);
  const name = input.name.trim();
  if (!/^[\u4e00-\u9fa5A-Za-z·•.\s]{1,50}$/.test(name)) throw new AppError('VALIDATION_FAILED', { field: 'name', detail: '姓名应为1至50个汉字或字母' });
  const phone = input.phone ? checkPhone(input.phone) : null;
  return inTransaction(db, async (tx) => {
    if (await repo.findPersonByIdCard(tx, idCard)) throw new AppError('DUPLICATE_ACCOUNT', { field: 'idCard', detail: '该身份证号码已登记' });
    if (phone && (await repo.findPersonByPhone(tx, phone))) throw new AppError('DUPLICATE_ACCOUNT', { field: 'phone', detail: '该手机号码已被其他账号使用' });
    const created = await adminRepo.insertPerson(tx, { login: personLogin(idCard), name, id_card: idCard, phone });
    await recordAudit(tx, actor, { action: 'identity.person_registered', targetType: 'user', targetId: created.id, detail: { idCard: maskIdCard(idCard), source: input.source }, ip: input.ip });
    return { id: created.id };
  });
}

/** What staff see of a resident: masked unless the resident is the one asking. */
export function residentView(user: Selectable<UsersTable>, actor: Actor) {
  const own = actor.userId === user.id;
  return {
    id: user.id,
    name: own ? user.name : maskName(user.name),
    idCard: own ? user.id_card : maskIdCard(user.id_card),
    phone: own ? user.phone : maskPhone(user.phone),
    active: user.active,
    masked: !own,
  };
}

/**
 * 综窗 intake: finds a resident by ID number so the clerk can file an application for them. The answer is masked
 * (the person at the window shows their card), and each lookup is audited as an access to personal data.
 */
export async function lookupResident(db: Executor, actor: Actor, input: { idCard: string; ip?: string | null }) {
  identityPolicy.require(actor, 'resident.lookup');
  const idCard = checkedIdCard(input.idCard);
  const user = await repo.findPersonByIdCard(db, idCard);
  await recordAudit(db, actor, { action: 'identity.resident_lookup', targetType: 'user', targetId: user?.id ?? null, detail: { idCard: maskIdCard(idCard), found: Boolean(user) }, ip: input.ip });
  if (!user) throw notFound('该身份证号码对应的居民账号');
  const enterprises = await repo.findEnterprisesOfUser(db, user.id);
  return { ...residentView(user, actor), enterprises: enterprises.map((e) => ({ id: e.id, uscc: e.uscc, name: e.name, asLegalRepresentative: e.legal_rep_user_id === user.id })) };
}

export async function registerResidentAtWindow(db: Executor, actor: Actor, input: { idCard: string; name: string; phone: string; ip?: string | null }) {
  identityPolicy.require(actor, 'resident.register');
  const { id } = await registerPerson(db, actor, { ...input, source: 'window' });
  return residentView((await repo.findUserById(db, id))!, actor);
}
