import type { Role } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import type { StepRow } from './engine/engine.js';
import { staffInRolePool } from './ports.js';

/**
 * Who holds the open tasks, to be told (催办, 时限预警): whoever claimed a task or is named on it; for an unclaimed
 * pool task, every active member of the role pool of its agency (the identity module answers who they are).
 */
export async function handlersOf(db: Executor, pending: StepRow[]): Promise<Set<string>> {
  const users = new Set<string>();
  for (const s of pending) {
    const holder = s.claimed_by_user_id ?? s.assignee_user_id;
    if (holder) users.add(holder);
    else if (s.agency_id && s.role) for (const id of await staffInRolePool(db, s.role as Role, [s.agency_id])) users.add(id);
  }
  return users;
}
