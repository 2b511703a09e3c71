import { AppError } from '../errors/app-error.js';

/** Staff and public roles. Staff roles are always held for an agency (scope). */
export const ROLES = [
  'applicant', // 申请人（自然人）
  'enterprise_agent', // 企业经办人（法人或其授权代办人）
  'window_clerk', // 综合窗口受理人员
  'reviewer', // 审查人员
  'approver', // 审批（决定）人员
  'dept_admin', // 部门管理员
  'center_admin', // 中心管理员
  'supervisor', // 督查人员
] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES: Role[] = ['window_clerk', 'reviewer', 'approver', 'dept_admin', 'center_admin', 'supervisor'];

export interface RoleGrant {
  role: Role;
  /** The agency the role is held in; center-wide roles hold it for the center, which is the root agency. */
  agencyId: string;
}

export interface Actor {
  kind: 'person' | 'enterprise' | 'staff' | 'system' | 'anonymous';
  /** users.id of the person logged in (for an enterprise login: the natural person acting). */
  userId: string | null;
  displayName: string;
  grants: RoleGrant[];
  /** When acting for an enterprise (法人) — its id, and the authorisation (授权代办) that allows it, if not the legal representative. */
  enterpriseId?: string | null;
  authorizationId?: string | null;
  /** Agencies below (and including) each granted agency — filled in at login so scope checks are O(1). */
  scope?: Record<string, string[]>;
  sessionId?: string;
}

export const anonymous: Actor = { kind: 'anonymous', userId: null, displayName: '访客', grants: [] };
export const systemActor: Actor = { kind: 'system', userId: null, displayName: '系统', grants: [] };

export function requireLogin(actor: Actor): asserts actor is Actor & { userId: string } {
  if (!actor.userId) throw new AppError('UNAUTHENTICATED');
}

/** Agencies in which the actor holds one of the roles (incl. sub-agencies). */
export function agenciesWith(actor: Actor, roles: readonly Role[]): string[] {
  const ids = new Set<string>();
  for (const g of actor.grants) {
    if (!roles.includes(g.role)) continue;
    for (const id of actor.scope?.[g.agencyId] ?? [g.agencyId]) ids.add(id);
  }
  return [...ids];
}

export function hasRole(actor: Actor, roles: readonly Role[], agencyId?: string | null): boolean {
  if (!agencyId) return actor.grants.some((g) => roles.includes(g.role));
  return agenciesWith(actor, roles).includes(agencyId);
}

/** Throws 403 unless the actor holds one of the roles for the agency (or anywhere when agencyId is omitted). */
export function requireRole(actor: Actor, roles: readonly Role[], agencyId?: string | null): void {
  requireLogin(actor);
  if (!hasRole(actor, roles, agencyId)) throw new AppError('FORBIDDEN', { detail: '您没有该机构的相应权限' });
}
