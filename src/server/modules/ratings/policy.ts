import { definePolicy } from '../../platform/auth/policy.js';
import { agenciesWith, hasRole, type Actor } from '../../platform/auth/actor.js';

export const ratingPolicy = definePolicy({
  'rating.view': ['reviewer', 'approver', 'dept_admin', 'center_admin', 'supervisor'],
  'rating.configure': ['center_admin'],
});

/** Center roles (held at the service center) oversee every department; others see their own agencies. null = all. */
export function ratingAgencyScope(actor: Actor): string[] | null {
  if (hasRole(actor, ['center_admin', 'supervisor'])) return null;
  return agenciesWith(actor, ['reviewer', 'approver', 'dept_admin']);
}
