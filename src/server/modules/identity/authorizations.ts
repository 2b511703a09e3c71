import type { Db, Executor } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { publish } from '../../platform/jobs/events.js';
import { requireLogin, type Actor } from '../../platform/auth/actor.js';
import { checkBasicCode } from '../../platform/validation/identifiers.js';
import { maskIdCard, maskName, maskPhone } from '../../platform/privacy/mask.js';
import * as repo from './repository.js';
import * as adminRepo from './repository-admin.js';
import { checkedIdCard } from './residents.js';
import { checkPhone } from './credentials.js';

const MAX_YEARS = 5;
const TZ = 'Asia/Shanghai';

/** Today as 'YYYY-MM-DD' in Shanghai. */
export const shanghaiToday = (now = new Date()) => now.toLocaleDateString('sv-SE', { timeZone: TZ });
/** An authorisation "until 2026-12-31" holds through that whole day in Shanghai: it ends at the next midnight (+08:00). */
const endOfDay = (day: string) => new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000);
const lastDay = (validUntil: Date | string) => shanghaiToday(new Date(new Date(validUntil).getTime() - 1));

/** Manage authorisations only as the enterprise's legal representative (法定代表人), acting for it. */
async function requireLegalRepresentative(db: Executor, actor: Actor) {
  requireLogin(actor);
  if (!actor.enterpriseId || actor.authorizationId) throw new AppError('LEGAL_REPRESENTATIVE_ONLY');
  const enterprise = await repo.findEnterpriseById(db, actor.enterpriseId);
  if (!enterprise || enterprise.legal_rep_user_id !== actor.userId) throw new AppError('LEGAL_REPRESENTATIVE_ONLY');
  return enterprise;
}

function checkedValidUntil(day: string): Date {
  const today = shanghaiToday();
  const max = `${Number(today.slice(0, 4)) + MAX_YEARS}${today.slice(4)}`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(endOfDay(day).getTime()) || shanghaiToday(new Date(endOfDay(day).getTime() - 1)) !== day) {
    throw new AppError('INVALID_DATE', { field: 'validUntil' });
  }
  if (day < today) throw new AppError('VALIDATION_FAILED', { field: 'validUntil', detail: '授权截止日期不能早于今天' });
  if (day > max) throw new AppError('VALIDATION_FAILED', { field: 'validUntil', detail: `授权期限最长${MAX_YEARS}年` });
  return endOfDay(day);
}

function checkedItemCodes(codes: string[] | null): string[] | null {
  if (codes === null) return null;
  if (codes.length === 0) throw new AppError('VALIDATION_FAILED', { field: 'itemCodes', detail: '请至少选择一个事项，或选择“全部事项”（null）' });
  codes.forEach((c, i) => {
    const v = checkBasicCode(c);
    if (!v.valid) throw new AppError('INVALID_ITEM_CODE', { field: `itemCodes.${i}`, detail: `事项基本编码不正确：${v.reason}` });
  });
  return [...new Set(codes)];
}

export interface GrantInput {
  agent: { idCard?: string; phone?: string };
  itemCodes: string[] | null;
  validUntil: string;
}

/** 授权代办: the legal representative lets a registered person act for the enterprise, for some items or all, until a day. */
export async function grantAuthorization(db: Db, actor: Actor, input: GrantInput, ip?: string | null) {
  const enterprise = await requireLegalRepresentative(db, actor);
  const agent = input.agent.idCard
    ? await repo.findPersonByIdCard(db, checkedIdCard(input.agent.idCard, 'agent.idCard'))
    : await repo.findPersonByPhone(db, checkPhone(input.agent.phone ?? ''));
  if (!agent || !agent.active) throw notFound('被授权人账号（须先实名登记）');
  if (agent.id === actor.userId) throw new AppError('VALIDATION_FAILED', { field: 'agent', detail: '法定代表人本人无需授权' });
  const itemCodes = checkedItemCodes(input.itemCodes);
  const validUntil = checkedValidUntil(input.validUntil);
  const row = await db.transaction().execute(async (tx) => {
    await adminRepo.lockEnterprise(tx, enterprise.id);
    if (await adminRepo.findLiveAuthorization(tx, enterprise.id, agent.id)) throw new AppError('AUTHORIZATION_EXISTS');
    const created = await adminRepo.insertAuthorization(tx, { enterprise_id: enterprise.id, agent_user_id: agent.id, granted_by: actor.userId!, item_codes: itemCodes, valid_until: validUntil });
    await recordAudit(tx, actor, { action: 'identity.authorization_granted', targetType: 'enterprise_authorization', targetId: created.id, detail: { agent: maskName(agent.name), itemCodes, validUntil: input.validUntil }, ip });
    await publish(tx, 'identity.authorization_granted', { authorizationId: created.id, enterpriseId: enterprise.id, agentUserId: agent.id, itemCodes, validUntil: input.validUntil });
    return created;
  });
  return authorizationView({ ...row, agent_id: agent.id, agent_name: agent.name, agent_id_card: agent.id_card, agent_phone: agent.phone });
}

type Row = Awaited<ReturnType<typeof adminRepo.listAuthorizations>>[number];

/** The agent is someone else's personal data to the legal representative: masked. */
function authorizationView(a: Pick<Row, 'id' | 'item_codes' | 'valid_from' | 'valid_until' | 'revoked_at' | 'agent_id' | 'agent_name' | 'agent_id_card' | 'agent_phone'>) {
  const status = a.revoked_at ? 'revoked' : new Date(a.valid_until) <= new Date() ? 'expired' : 'active';
  return {
    id: a.id,
    agent: { id: a.agent_id, name: maskName(a.agent_name), idCard: maskIdCard(a.agent_id_card), phone: maskPhone(a.agent_phone) },
    itemCodes: a.item_codes,
    allItems: a.item_codes === null,
    validFrom: new Date(a.valid_from).toISOString(),
    validUntil: lastDay(a.valid_until),
    revokedAt: a.revoked_at ? a.revoked_at.toISOString() : null,
    status,
  };
}

export async function listAuthorizations(db: Db, actor: Actor) {
  const enterprise = await requireLegalRepresentative(db, actor);
  return { enterprise: { id: enterprise.id, uscc: enterprise.uscc, name: enterprise.name }, items: (await adminRepo.listAuthorizations(db, enterprise.id)).map(authorizationView) };
}

/** Revokes at once: sessions acting under it are refused from the next request on (see actorForToken). */
export async function revokeAuthorization(db: Db, actor: Actor, id: string, ip?: string | null) {
  const enterprise = await requireLegalRepresentative(db, actor);
  const auth = await adminRepo.findAuthorization(db, id);
  if (!auth || auth.enterprise_id !== enterprise.id) throw notFound('代办授权');
  if (auth.revoked_at || new Date(auth.valid_until) <= new Date()) throw new AppError('AUTHORIZATION_NOT_ACTIVE');
  await db.transaction().execute(async (tx) => {
    const r = await adminRepo.revokeAuthorization(tx, id, actor.userId!);
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('AUTHORIZATION_NOT_ACTIVE');
    await recordAudit(tx, actor, { action: 'identity.authorization_revoked', targetType: 'enterprise_authorization', targetId: id, ip });
    await publish(tx, 'identity.authorization_revoked', { authorizationId: id, enterpriseId: enterprise.id, agentUserId: auth.agent_user_id });
  });
  return { id, status: 'revoked' as const };
}

/**
 * Contract for other modules (cases): may this actor apply for this item on behalf of the enterprise they act for?
 * A legal representative may do everything; an agent only the items of their live authorisation.
 */
export async function assertMayActForItem(db: Executor, actor: Actor, basicCode: string): Promise<void> {
  if (!actor.enterpriseId || !actor.authorizationId) return;
  const auth = await adminRepo.findAuthorization(db, actor.authorizationId);
  const live = auth && !auth.revoked_at && new Date(auth.valid_until) > new Date() && auth.enterprise_id === actor.enterpriseId;
  if (!live) throw new AppError('AUTHORIZATION_NOT_VALID');
  if (auth.item_codes && !auth.item_codes.includes(basicCode)) throw new AppError('AUTHORIZATION_NOT_VALID', { detail: '您的代办授权不包含该事项' });
}
