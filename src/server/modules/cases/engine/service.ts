import type { Db } from '../../../platform/db/database.js';
import { requireLogin, STAFF_ROLES, hasRole, type Actor } from '../../../platform/auth/actor.js';
import { AppError } from '../../../platform/errors/app-error.js';
import * as repo from '../repository.js';

/** Staff can read which processes exist (the workbench shows node names); the documents live in the table. */
export async function listProcessDefinitions(db: Db, actor: Actor) {
  requireLogin(actor);
  if (!hasRole(actor, STAFF_ROLES)) throw new AppError('FORBIDDEN');
  const rows = await repo.listLatestDefinitions(db);
  const out = [];
  for (const r of rows) out.push({ key: r.key, version: r.version, name: r.name, definition: (await repo.findDefinition(db, r.key, r.version))!.definition });
  return out;
}
