import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { requireLogin, systemActor, type Actor } from '../../platform/auth/actor.js';
import { maskIdCard, maskPhone } from '../../platform/privacy/mask.js';
import * as repo from './repository.js';
import { openSession } from './sessions.js';

export interface LoginContext {
  ip?: string | null;
  userAgent?: string | null;
}

/**
 * Chooses the enterprise to act for: the user must be its legal representative or hold a live authorisation
 * (授权代办); the session then records which authorisation allowed it, and every act carries it into the audit.
 */
export async function resolveEnterprise(db: Db, userId: string, uscc?: string) {
  if (!uscc) return { enterpriseId: null, authorizationId: null };
  const options = await repo.findEnterprisesOfUser(db, userId);
  const match = options.find((e) => e.uscc === uscc);
  if (!match) throw new AppError('AUTHORIZATION_NOT_VALID', { field: 'enterpriseUscc' });
  return { enterpriseId: match.id, authorizationId: match.legal_rep_user_id === userId ? null : match.authorization_id };
}

/** Demo mode only: log in as any demo account without credentials, for scripts, tests and the demo. */
export async function devLogin(db: Db, opts: { login: string; enterpriseUscc?: string; demo: boolean; log: (m: string) => void } & LoginContext) {
  if (!opts.demo) throw new AppError('DEMO_MODE_ONLY');
  const user = await repo.findUserByLogin(db, opts.login);
  if (!user || !user.active) throw new AppError('NOT_FOUND', { detail: '演示账号不存在', field: 'login' });
  const { enterpriseId, authorizationId } = await resolveEnterprise(db, user.id, opts.enterpriseUscc);
  const session = await openSession(db, { userId: user.id, enterpriseId, authorizationId, method: 'dev', ip: opts.ip, userAgent: opts.userAgent });
  opts.log(`DEMO dev login as "${user.login}" (${user.kind}) — demo mode must be off in production`);
  await recordAudit(db, { ...systemActor, userId: user.id, displayName: user.name }, { action: 'identity.dev_login', targetType: 'user', targetId: user.id, ip: opts.ip });
  return session;
}

/** What the logged-in user may see of themselves: their own data unmasked, grants and enterprises. */
export async function describeMe(db: Db, actor: Actor) {
  if (!actor.userId) return { authenticated: false as const };
  const user = await repo.findUserById(db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  const enterprises = user.kind === 'person' ? await repo.findEnterprisesOfUser(db, user.id) : [];
  const acting = actor.enterpriseId ? await repo.findEnterpriseById(db, actor.enterpriseId) : undefined;
  return {
    authenticated: true as const,
    id: user.id,
    kind: user.kind,
    login: user.login,
    name: user.name,
    idCard: user.id_card,
    idCardMasked: maskIdCard(user.id_card),
    phone: user.phone,
    phoneMasked: maskPhone(user.phone),
    agencyId: user.agency_id,
    roles: actor.grants.map((g) => ({ role: g.role, agencyId: g.agencyId })),
    actingFor: acting ? { id: acting.id, uscc: acting.uscc, name: acting.name, authorizationId: actor.authorizationId ?? null } : null,
    enterprises: enterprises.map((e) => ({ id: e.id, uscc: e.uscc, name: e.name, asLegalRepresentative: e.legal_rep_user_id === user.id, itemCodes: e.item_codes, validUntil: e.valid_until })),
  };
}

/**
 * Switches the current session between acting as oneself and acting for an enterprise (the legal representative's
 * or an authorised agent's). Takes effect from the next request; audited with both identities.
 */
export async function actAs(db: Db, actor: Actor, uscc: string | null, ip?: string | null) {
  requireLogin(actor);
  if (actor.kind === 'staff' || !actor.sessionId) throw new AppError('FORBIDDEN', { detail: '仅个人用户可切换办事身份' });
  const { enterpriseId, authorizationId } = await resolveEnterprise(db, actor.userId, uscc ?? undefined);
  await db.transaction().execute(async (tx) => {
    await repo.setSessionEnterprise(tx, actor.sessionId!, enterpriseId, authorizationId);
    await recordAudit(tx, { ...actor, enterpriseId, authorizationId }, { action: 'identity.act_as', targetType: 'enterprise', targetId: enterpriseId, detail: { previousEnterpriseId: actor.enterpriseId ?? null }, ip });
  });
  const acting = enterpriseId ? await repo.findEnterpriseById(db, enterpriseId) : undefined;
  return { actingFor: acting ? { id: acting.id, uscc: acting.uscc, name: acting.name, authorizationId } : null };
}
