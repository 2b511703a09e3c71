import type { Tx } from '../../platform/db/database.js';
import * as repo from './repository.js';
import { notify } from './deps.js';
import { HANDLER_ROLES } from './policy.js';
import { SOURCE_LABELS } from './labels.js';

/**
 * Tells the handling agency's staff a new order waits for them (workorder.assigned, in-app). Imported 12345 tickets
 * are not announced one by one: the 12345 system has already told the unit, and a batch would flood the inbox.
 */
export async function tellAgency(tx: Tx, o: repo.WorkOrder): Promise<void> {
  if (!o.agency_id) return;
  const vars = { source: SOURCE_LABELS[o.source], orderNo: o.order_no, subject: o.title, dueDate: o.stage_due_at ? new Date(o.stage_due_at) : null };
  for (const userId of await repo.staffHolding(tx, HANDLER_ROLES, o.agency_id)) {
    await notify(tx, { template: 'workorder.assigned', userId, vars, channels: ['inbox'], link: `/workbench/workorders/${o.id}`, dedupeKey: `workorder.assigned:${o.id}:${o.stage_seq}:${userId}` });
  }
}
