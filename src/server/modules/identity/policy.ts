import { definePolicy } from '../../platform/auth/policy.js';
import { hasRole, requireRole, STAFF_ROLES, type Actor, type Role } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/app-error.js';

/** Who may do what in the identity module. Agency scope is passed by the caller where it applies. */
export const identityPolicy = definePolicy({
  'agency.read': STAFF_ROLES,
  'agency.manage': ['center_admin'],
  'staff.manage': ['dept_admin', 'center_admin'],
  // 综窗: window clerks of the center take in applications for every department, so this is not agency-scoped.
  'resident.lookup': ['window_clerk'],
  'resident.register': ['window_clerk'],
});

/**
 * Staff administration: a center admin (held at the center, 行政服务中心) manages everyone; a department admin
 * manages the staff of their own agency and its sub-agencies only.
 */
export function requireStaffAdmin(actor: Actor, agencyId: string): void {
  if (hasRole(actor, ['center_admin'])) return;
  requireRole(actor, ['dept_admin'], agencyId);
}

/** Roles a department admin may hand out inside their scope; center-wide roles only by the center admin. */
const DEPT_GRANTABLE: Role[] = ['reviewer', 'approver', 'dept_admin'];

export function requireRoleGrantable(actor: Actor, role: Role, agencyId: string): void {
  if (!STAFF_ROLES.includes(role)) throw new AppError('ROLE_NOT_GRANTABLE', { field: 'role', detail: '申请人、企业经办人角色不授予工作人员' });
  if (hasRole(actor, ['center_admin'])) return;
  requireRole(actor, ['dept_admin'], agencyId);
  if (!DEPT_GRANTABLE.includes(role)) throw new AppError('ROLE_NOT_GRANTABLE', { field: 'role', detail: '部门管理员只能授予审查、审批和部门管理员角色' });
}
