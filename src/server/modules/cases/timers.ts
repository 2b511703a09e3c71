import type { Db } from '../../platform/db/database.js';
import { systemActor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { defineJob } from '../../platform/jobs/worker.js';
import { CORRECTION_QUEUE, DEADLINE_QUEUE } from './clock.js';
import { ACTION_LABELS } from './constants.js';
import { handlersOf } from './handlers.js';
import { notify } from './ports.js';
import * as repo from './repository.js';
import { closeOnCorrectionTimeout } from './service-correction.js';

/**
 * A deadline timer (yellow 临期 or red 超期). Timers are job rows, so they survive restarts; this handler makes
 * them fire at most once and only while still true: the case must still be running, not paused, the warning not
 * yet sent, and the time the timer was planned for must still be the case's (else a re-planned timer took over).
 */
export async function fireDeadlineTimer(db: Db, payload: { caseId: string; kind: 'yellow' | 'red'; plannedFor: string }) {
  await db.transaction().execute(async (tx) => {
    const c = await repo.lockCaseById(tx, payload.caseId);
    if (!c || !['in_progress', 'submitted'].includes(c.status) || c.paused_at) return;
    const current = payload.kind === 'yellow' ? c.warn_at : c.deadline_at;
    if (!current || new Date(current).toISOString() !== payload.plannedFor) return;
    if (payload.kind === 'yellow' ? c.warned_yellow_at : c.warned_red_at) return;
    const now = new Date();
    // Not a user-visible change: the version stays, so a clerk's open form is not invalidated by a timer.
    await tx.updateTable('cases').set(payload.kind === 'yellow' ? { warned_yellow_at: now } : { warned_red_at: now }).where('id', '=', c.id).execute();
    const pending = await repo.findPendingSteps(tx, c.id);
    const action = payload.kind === 'yellow' ? 'deadline_warning' : 'overdue';
    const users = await handlersOf(tx, pending);
    const template = payload.kind === 'yellow' ? 'case.deadline_warning' : 'case.overdue';
    for (const userId of users) {
      await notify(tx, { template, userId, vars: { caseNo: c.case_no, itemName: c.item_name, deadline: new Date(c.deadline_at!).toISOString() }, dedupeKey: `${template}:${c.id}:${userId}` });
    }
    await repo.insertStep(tx, {
      case_id: c.id, seq: await repo.nextStepSeq(tx, c.id), node_id: pending[0]?.node_id ?? 'clock', node_name: pending[0]?.node_name ?? '时限', node_kind: 'log', activation: 0,
      branch: null, agency_id: null, role: null, assignee_user_id: null, claimed_by_user_id: null, state: 'done', action, action_label: ACTION_LABELS[action],
      opinion: `通知 ${users.size} 人`, actor_user_id: null, actor_name: '系统', started_at: now, ended_at: now,
    });
    await recordAudit(tx, systemActor, { action: `case.${action}`, targetType: 'case', targetId: c.id, agencyId: c.agency_id, detail: { notified: users.size } });
  });
}

export function defineCaseJobs() {
  defineJob(DEADLINE_QUEUE, (payload, ctx) => fireDeadlineTimer(ctx.db, payload));
  defineJob(CORRECTION_QUEUE, (payload, ctx) => closeOnCorrectionTimeout(ctx.db, payload));
}
