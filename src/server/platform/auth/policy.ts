import type { Actor, Role } from './actor.js';
import { requireRole, hasRole } from './actor.js';

/**
 * Permissions declared per resource, apart from the handlers: `resource.action` → roles allowed.
 * Agency scoping is applied by passing the agency the target belongs to.
 */
export type Policy = Record<string, readonly Role[]>;

export function definePolicy<P extends Policy>(policy: P) {
  return {
    policy,
    require(actor: Actor, action: keyof P & string, agencyId?: string | null) {
      requireRole(actor, policy[action], agencyId);
    },
    allows(actor: Actor, action: keyof P & string, agencyId?: string | null) {
      return hasRole(actor, policy[action], agencyId);
    },
  };
}
