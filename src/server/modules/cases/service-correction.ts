import type { Db, Executor } from '../../platform/db/database.js';
import { requireLogin, systemActor, type Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { enqueue, cancelJobs } from '../../platform/jobs/queue.js';
import { actOnCase, pickTask, type ActOptions } from './act.js';
import { isOwner } from './applicant.js';
import { CORRECTION_QUEUE, correctionDueAt, pauseClock, planTimers, resumeClock } from './clock.js';
import { activate, completeTask, logStep, type EngineCtx } from './engine/engine.js';
import { nodeById } from './engine/definition.js';
import { loadDefinition } from './engine/loader.js';
import { publishCaseEvent, publishSteps } from './events.js';
import { validateForm } from './form.js';
import { linkCaseUploads, requireCompleteMaterials, saveMaterials, type MaterialInput } from './materials.js';
import { getItemVersion, notify } from './ports.js';
import * as repo from './repository.js';
import type { CorrectionItem } from './tables.js';

/**
 * 补正 (one-time complete notice): lists every missing or wrong item at once, stops the clock, tells the
 * applicant, and plans the 补正超时 close after the item's correctionTimeoutDays working days.
 */
export function requestCorrection(db: Db, actor: Actor, caseId: string, opts: ActOptions & { items: CorrectionItem[]; notice?: string }) {
  return actOnCase(db, actor, caseId, opts, async (ctx) => {
    const step = await pickTask(ctx, 'request_correction', opts.taskId);
    const notice = opts.notice ?? `请一次性补正以下 ${opts.items.length} 项：${opts.items.map((i, n) => `${n + 1}. ${i.problem}`).join('；')}`;
    const dueAt = await correctionDueAt(ctx.tx, ctx.item, ctx.now);
    await completeTask(ctx, step, 'request_correction', notice, { advance: false });
    await repo.cancelPendingSteps(ctx.tx, ctx.caseRow.id, ctx.now);
    const correction = await repo.insertCorrection(ctx.tx, { case_id: ctx.caseRow.id, node_id: step.node_id, items: JSON.stringify(opts.items), notice, requested_by_user_id: actor.userId!, requested_at: ctx.now, due_at: dueAt, resubmitted_at: null, timed_out_at: null });
    const clockRunning = Boolean(ctx.caseRow.deadline_at);
    const pause = clockRunning ? (await pauseClock(ctx.tx, ctx.caseRow, 'correction', notice, ctx.now, actor.userId)).patch : {};
    await enqueue(ctx.tx, { queue: CORRECTION_QUEUE, runAt: dueAt, dedupeKey: `case:${ctx.caseRow.id}:correction:${correction.id}`, payload: { caseId: ctx.caseRow.id, correctionId: correction.id } });
    if (ctx.caseRow.applicant_user_id) {
      await notify(ctx.tx, { template: 'case.corrections_requested', userId: ctx.caseRow.applicant_user_id, essential: true, vars: { caseNo: ctx.caseRow.case_no, itemName: ctx.caseRow.item_name, notice, dueAt: dueAt.toISOString() }, dedupeKey: `case.corrections_requested:${correction.id}` });
    }
    return {
      patch: { status: 'correction', ...pause },
      audit: { action: 'case.request_correction', detail: { items: opts.items.length, dueAt: dueAt.toISOString() } },
      after: (c) => publishCaseEvent(ctx.tx, 'case.corrections_requested', c, { correctionId: correction.id, items: opts.items, dueAt: dueAt.toISOString(), requestedAt: ctx.now.toISOString() }),
    };
  });
}

/** The applicant's 补正 resubmission: new form data and materials are checked again, the clock resumes, the asking node reopens. */
export async function resubmitCorrection(db: Db, actor: Actor, caseId: string, input: { version: number; formData?: Record<string, unknown>; materials?: MaterialInput[]; note?: string }, opts: { now?: Date } = {}) {
  requireLogin(actor);
  const now = opts.now ?? new Date();
  return db.transaction().execute(async (tx) => {
    const c = await repo.lockCaseById(tx, caseId);
    if (!c || !isOwner(actor, c)) throw new AppError('NOT_FOUND', { detail: '办件不存在' });
    if (c.version !== input.version) throw new AppError('CASE_CONCURRENT_UPDATE');
    if (c.status !== 'correction') throw new AppError('CASE_STATE_CONFLICT', { detail: '办件不在补正中' });
    const correction = await repo.findOpenCorrection(tx, c.id);
    if (!correction) throw new AppError('CASE_STATE_CONFLICT', { detail: '没有待补正的通知' });
    const item = await getItemVersion(tx, c.item_version_id);
    if (input.materials) await saveMaterials(tx, c, item, input.materials, actor.userId, 'listed');
    const formData = input.formData ?? c.form_data;
    validateForm(item.formSchema, formData);
    const materials = await repo.findMaterialsOfCase(tx, c.id);
    requireCompleteMaterials(materials, item);
    await linkCaseUploads(tx, c, item, materials);
    await repo.updateCorrection(tx, correction.id, { resubmitted_at: now });
    await cancelJobs(tx, CORRECTION_QUEUE, `case:${c.id}:correction:`);
    const clock = c.paused_at ? await resumeClock(tx, c, now) : {};
    const updated = await repo.updateCase(tx, c.id, { ...clock, form_data: JSON.stringify(formData), status: c.accepted_at ? 'in_progress' : 'submitted' });
    const { def } = await loadDefinition(tx, c.process_key!, c.process_version);
    const ctx: EngineCtx = { tx, caseRow: updated, def, item, actor, now, done: [] };
    const node = nodeById(def, correction.node_id);
    await logStep(ctx, node, 'resubmit', input.note ?? '已按补正告知补齐材料');
    // The person who asked for the correction gets the case back, so the one who knows it re-checks it.
    await activate(ctx, node, { claimedBy: correction.requested_by_user_id });
    await planTimers(tx, updated);
    await publishSteps(tx, updated, ctx.done);
    await recordAudit(tx, actor, { action: 'case.resubmit', targetType: 'case', targetId: c.id, agencyId: c.agency_id, detail: { correctionId: correction.id } });
    await notify(tx, { template: 'case.resubmitted', userId: correction.requested_by_user_id, vars: { caseNo: c.case_no, itemName: c.item_name } });
    return { id: updated.id, caseNo: updated.case_no, status: updated.status, version: updated.version };
  });
}

/** Timer: closes the case as 补正超时 when the applicant did not resubmit in time; a no-op when they did. */
export async function closeOnCorrectionTimeout(db: Db, payload: { caseId: string; correctionId: string }, now = new Date()) {
  await db.transaction().execute(async (tx) => {
    const c = await repo.lockCaseById(tx, payload.caseId);
    const open = c && (await repo.findOpenCorrection(tx, c.id));
    if (!c || c.status !== 'correction' || !open || open.id !== payload.correctionId) return;
    await repo.updateCorrection(tx, open.id, { timed_out_at: now });
    const closed = await closeCase(tx, c.id, now);
    const { def } = await loadDefinition(tx, c.process_key!, c.process_version);
    const ctx: EngineCtx = { tx, caseRow: closed, def, item: await getItemVersion(tx, c.item_version_id), actor: systemActor, now, done: [] };
    await logStep(ctx, nodeById(def, open.node_id), 'correction_timeout', '补正期限届满，申请人未补正，按补正超时办结');
    await publishSteps(tx, closed, ctx.done);
    await recordAudit(tx, systemActor, { action: 'case.correction_timeout', targetType: 'case', targetId: c.id, agencyId: c.agency_id });
    if (c.applicant_user_id) await notify(tx, { template: 'case.correction_timeout', userId: c.applicant_user_id, vars: { caseNo: c.case_no, itemName: c.item_name }, dedupeKey: `case.correction_timeout:${c.id}` });
  });
}

const closeCase = (tx: Executor, id: string, now: Date) =>
  repo.updateCase(tx, id, { status: 'correction_timeout', closed_reason: '补正超时', completed_at: now, paused_at: null });
