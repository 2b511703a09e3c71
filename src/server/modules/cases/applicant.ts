import type { Executor } from '../../platform/db/database.js';
import { hasRole, requireLogin, type Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/app-error.js';
import { checkIdCard, checkUscc } from '../../platform/validation/identifiers.js';
import { CENTER_AGENCY_ID } from './constants.js';
import { findPersonByIdCard, getEnterprise, getUserBrief, liveAuthorization, type ItemVersionView } from './ports.js';

export interface OnBehalf {
  idCard: string;
  name: string;
  phone?: string;
  enterpriseUscc?: string;
}

export interface ResolvedApplicant {
  applicant_user_id: string | null;
  enterprise_id: string | null;
  authorization_id: string | null;
  applicant_name: string;
  applicant_id_no: string | null;
  applicant_phone: string | null;
}

export const isWindowClerk = (actor: Actor) => hasRole(actor, ['window_clerk'], CENTER_AGENCY_ID);

/**
 * Who applies. A person applies for themselves; an enterprise login applies for the enterprise, and an agent's
 * authorisation (授权代办) must cover the item's basic code; a window clerk applies on behalf of a person
 * identified by ID card (the case records the clerk as the one who entered it).
 */
export async function resolveApplicant(db: Executor, actor: Actor, item: ItemVersionView, onBehalf?: OnBehalf): Promise<ResolvedApplicant> {
  requireLogin(actor);
  if (actor.kind === 'staff') {
    if (!isWindowClerk(actor)) throw new AppError('FORBIDDEN', { detail: '只有综合窗口人员可以代申请人录入申请' });
    if (!onBehalf) throw new AppError('APPLICANT_INVALID', { field: 'onBehalf', detail: '窗口代录须填写申请人身份证号码和姓名' });
    return applicantAtWindow(db, onBehalf);
  }
  if (onBehalf) throw new AppError('APPLICANT_INVALID', { field: 'onBehalf', detail: '只有窗口人员可以代他人申请' });
  if (actor.kind === 'enterprise' && actor.enterpriseId) return enterpriseApplicant(db, actor, item);
  const user = await getUserBrief(db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  return { applicant_user_id: user.id, enterprise_id: null, authorization_id: null, applicant_name: user.name, applicant_id_no: user.idCard, applicant_phone: user.phone };
}

async function enterpriseApplicant(db: Executor, actor: Actor & { userId: string }, item: ItemVersionView): Promise<ResolvedApplicant> {
  const enterprise = await getEnterprise(db, { id: actor.enterpriseId! });
  if (!enterprise) throw new AppError('AUTHORIZATION_NOT_VALID');
  if (actor.authorizationId) {
    const grant = await liveAuthorization(db, actor.userId, enterprise.id, actor.authorizationId);
    if (!grant) throw new AppError('AUTHORIZATION_NOT_VALID');
    if (grant.itemCodes && !grant.itemCodes.includes(item.basicCode)) {
      throw new AppError('AUTHORIZATION_NOT_VALID', { detail: `代办授权不包含事项「${item.name}」（${item.basicCode}）` });
    }
  }
  const user = await getUserBrief(db, actor.userId);
  return { applicant_user_id: actor.userId, enterprise_id: enterprise.id, authorization_id: actor.authorizationId ?? null, applicant_name: enterprise.name, applicant_id_no: enterprise.uscc, applicant_phone: user?.phone ?? null };
}

async function applicantAtWindow(db: Executor, p: OnBehalf): Promise<ResolvedApplicant> {
  const verdict = checkIdCard(p.idCard);
  if (!verdict.valid) throw new AppError('INVALID_ID_CARD', { field: 'onBehalf.idCard', detail: `居民身份证号码不正确：${verdict.reason}` });
  const person = await findPersonByIdCard(db, p.idCard);
  if (person && person.name !== p.name) throw new AppError('APPLICANT_INVALID', { field: 'onBehalf.name', detail: '姓名与身份证号码登记的姓名不一致' });
  if (p.enterpriseUscc) {
    if (!checkUscc(p.enterpriseUscc).valid) throw new AppError('INVALID_USCC', { field: 'onBehalf.enterpriseUscc' });
    const e = await getEnterprise(db, { uscc: p.enterpriseUscc });
    if (!e) throw new AppError('APPLICANT_INVALID', { field: 'onBehalf.enterpriseUscc', detail: '未找到该企业' });
    return { applicant_user_id: person?.id ?? null, enterprise_id: e.id, authorization_id: null, applicant_name: e.name, applicant_id_no: e.uscc, applicant_phone: p.phone ?? person?.phone ?? null };
  }
  return { applicant_user_id: person?.id ?? null, enterprise_id: null, authorization_id: null, applicant_name: p.name, applicant_id_no: p.idCard, applicant_phone: p.phone ?? person?.phone ?? null };
}

/** Whether the actor is the applicant of the case (the person, or anyone acting for its enterprise). */
export function isOwner(actor: Actor, c: { applicant_user_id: string | null; enterprise_id: string | null; created_by_user_id: string }): boolean {
  if (!actor.userId || actor.kind === 'staff') return false;
  if (c.enterprise_id) return actor.enterpriseId === c.enterprise_id;
  return !actor.enterpriseId && (c.applicant_user_id === actor.userId || c.created_by_user_id === actor.userId);
}
