import { definePolicy } from '../../platform/auth/policy.js';
import { agenciesWith, hasRole, type Actor } from '../../platform/auth/actor.js';

/** Agency staff act on orders assigned to their agency; the supervisor (督查) dispatches, decides appeals, creates and closes. */
export const HANDLER_ROLES = ['dept_admin', 'reviewer', 'approver'] as const;
export const CENTER_ROLES = ['supervisor'] as const;

export const workOrderPolicy = definePolicy({
  'workorder.handle': HANDLER_ROLES,
  'workorder.supervise': ['supervisor'],
  'workorder.import': ['supervisor', 'center_admin'],
  'workorder.configure': ['center_admin'],
  'workorder.view': ['dept_admin', 'reviewer', 'approver', 'supervisor', 'center_admin'],
});

/** Supervisors and center admins hold their roles at the service center but oversee every department. */
export const isCenterWide = (actor: Actor) => hasRole(actor, ['supervisor', 'center_admin']);

/** The agencies whose orders an actor may see (null = all). */
export function visibleAgencies(actor: Actor): string[] | null {
  return isCenterWide(actor) ? null : agenciesWith(actor, HANDLER_ROLES);
}

/** Whether the actor is a handler of the order's agency (谁办理谁负责). */
export const isHandlerOf = (actor: Actor, agencyId: string | null) => agencyId !== null && hasRole(actor, HANDLER_ROLES, agencyId);
