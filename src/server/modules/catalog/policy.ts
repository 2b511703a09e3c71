import { definePolicy } from '../../platform/auth/policy.js';
import { hasRole, requireLogin, type Actor, type Role } from '../../platform/auth/actor.js';

/**
 * Who may do what in the catalogue. Department admins edit drafts of their own agency's items; only the center
 * admin publishes (the center answers for what the public sees) and manages halls, windows and kiosks.
 */
export const catalogPolicy = definePolicy({
  'item.create': ['dept_admin', 'center_admin'],
  'item.edit': ['dept_admin', 'center_admin'],
  'item.publish': ['center_admin'],
  'item.import': ['center_admin'],
  'item.read_drafts': ['dept_admin', 'center_admin', 'reviewer', 'approver', 'window_clerk', 'supervisor'],
  'guide.check': ['dept_admin', 'center_admin', 'supervisor'],
  'file.upload': ['dept_admin', 'center_admin'],
  'hall.manage': ['center_admin'],
});
export type CatalogAction = keyof typeof catalogPolicy.policy;

/**
 * Center roles are granted at the service center (mh-zwb) but act for the whole district (综窗, 中心管理, 督查),
 * so they pass without the agency scope; department roles must hold the target's agency.
 */
const CENTER_WIDE: Role[] = ['center_admin', 'supervisor', 'window_clerk'];

export function requireCatalog(actor: Actor, action: CatalogAction, agencyId?: string | null): void {
  requireLogin(actor);
  if (allowsCatalog(actor, action, agencyId)) return;
  catalogPolicy.require(actor, action, agencyId);
}

export function allowsCatalog(actor: Actor, action: CatalogAction, agencyId?: string | null): boolean {
  const centerRoles = catalogPolicy.policy[action].filter((r) => CENTER_WIDE.includes(r));
  if (centerRoles.length && hasRole(actor, centerRoles)) return true;
  return catalogPolicy.allows(actor, action, agencyId);
}
