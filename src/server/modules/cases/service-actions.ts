import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/app-error.js';
import { actOnCase, pickTask, type ActOptions } from './act.js';
import { buildArchive } from './archive.js';
import { cancelTimers, deadlineAtAcceptance, planTimers } from './clock.js';
import { completeTask, sendBack as engineSendBack, type EngineCtx } from './engine/engine.js';
import { acceptanceDocNo, materialsPayload, publishCaseEvent } from './events.js';
import { notify } from './ports.js';
import * as repo from './repository.js';
import { chooseDeliveryTask, completionNeeds } from './rules.js';
import type { CaseDelivery, CaseResult } from './tables.js';

const tellApplicant = (ctx: EngineCtx, template: string, vars: Record<string, unknown> = {}) =>
  ctx.caseRow.applicant_user_id
    ? notify(ctx.tx, { template, userId: ctx.caseRow.applicant_user_id, vars: { caseNo: ctx.caseRow.case_no, itemName: ctx.caseRow.item_name, ...vars }, dedupeKey: `${template}:${ctx.caseRow.id}:${ctx.caseRow.version}` })
    : Promise.resolve();

/** 受理: copies the limits onto the case, computes the deadline and plans the warnings. */
export function acceptCase(db: Db, actor: Actor, caseId: string, opts: ActOptions & { opinion?: string }) {
  return actOnCase(db, actor, caseId, opts, async (ctx) => {
    const step = await pickTask(ctx, 'accept', opts.taskId);
    const { item, now } = ctx;
    const { deadline, warnAt } = await deadlineAtAcceptance(ctx.tx, item, now);
    await completeTask(ctx, step, 'accept', opts.opinion ?? '材料齐全，予以受理');
    await tellApplicant(ctx, 'case.accepted', { deadline: deadline.toISOString() });
    return {
      patch: {
        status: 'in_progress', accepted_at: now, online_accepted: ctx.caseRow.channel !== 'window', immediate: item.immediate,
        legal_limit_days: item.legalLimit.days, legal_limit_unit: item.legalLimit.unit, committed_limit_days: item.committedLimit.days, committed_limit_unit: item.committedLimit.unit,
        deadline_at: deadline, warn_at: warnAt,
      },
      audit: { action: 'case.accept', detail: { deadline: deadline.toISOString() } },
      after: async (c) => {
        await planTimers(ctx.tx, c);
        const materials = materialsPayload(await repo.findMaterialsOfCase(ctx.tx, c.id));
        await publishCaseEvent(ctx.tx, 'case.accepted', c, {
          deadlineAt: deadline.toISOString(), committedLimit: item.committedLimit, legalLimit: item.legalLimit,
          actorUserId: actor.userId, actorName: actor.displayName, acceptanceDocNo: acceptanceDocNo(c.case_no!), materials,
        });
      },
    };
  });
}

/** 不予受理: closes the case with the reason the applicant is told. */
export function notAcceptCase(db: Db, actor: Actor, caseId: string, opts: ActOptions & { reason: string }) {
  return actOnCase(db, actor, caseId, opts, async (ctx) => {
    const step = await pickTask(ctx, 'not_accept', opts.taskId);
    await completeTask(ctx, step, 'not_accept', opts.reason, { advance: false });
    await repo.cancelPendingSteps(ctx.tx, ctx.caseRow.id, ctx.now);
    await tellApplicant(ctx, 'case.not_accepted', { reason: opts.reason });
    return { patch: { status: 'not_accepted', closed_reason: opts.reason, completed_at: ctx.now }, audit: { action: 'case.not_accept', detail: { reason: opts.reason } } };
  });
}

/** 通过: the reviewer's (or a signer's, or a branch's) approval of the step. */
export function passStep(db: Db, actor: Actor, caseId: string, opts: ActOptions & { opinion?: string }) {
  return actOnCase(db, actor, caseId, opts, async (ctx) => {
    const step = await pickTask(ctx, 'pass', opts.taskId);
    await completeTask(ctx, step, 'pass', opts.opinion ?? '同意');
    return { audit: { action: 'case.pass', detail: { node: step.node_id } } };
  });
}

/** 退回 to an earlier node the case has passed through. */
export function sendBackCase(db: Db, actor: Actor, caseId: string, opts: ActOptions & { toNode: string; reason: string }) {
  return actOnCase(db, actor, caseId, opts, async (ctx) => {
    const step = await pickTask(ctx, 'send_back', opts.taskId);
    await engineSendBack(ctx, step, opts.toNode, opts.reason);
    // A decision taken before is void once the case goes back before the decision.
    const patch = ctx.caseRow.outcome ? { outcome: null, decided_at: null } : {};
    return { patch, audit: { action: 'case.send_back', detail: { from: step.node_id, to: opts.toNode, reason: opts.reason } } };
  });
}

/** 准予 / 不予: the decision. 不予 needs its reason (it goes into the decision letter). */
export function decideCase(db: Db, actor: Actor, caseId: string, opts: ActOptions & { decision: 'approve' | 'deny'; opinion?: string }) {
  return actOnCase(db, actor, caseId, opts, async (ctx) => {
    if (opts.decision === 'deny' && !opts.opinion?.trim()) throw new AppError('VALIDATION_FAILED', { field: 'opinion', detail: '不予许可须说明理由' });
    const step = await pickTask(ctx, opts.decision, opts.taskId);
    await completeTask(ctx, step, opts.decision, opts.opinion ?? '准予许可');
    return { patch: { outcome: opts.decision === 'approve' ? 'approved' : 'denied', decided_at: ctx.now }, audit: { action: `case.${opts.decision}`, detail: { opinion: opts.opinion ?? null } } };
  });
}

/** 办结 with its result (licence name, number, validity); writes the 电子档案 and publishes case.completed. */
export function completeCase(db: Db, actor: Actor, caseId: string, opts: ActOptions & { result: CaseResult; outcome?: 'approved' | 'denied'; opinion?: string }) {
  return actOnCase(db, actor, caseId, opts, async (ctx) => {
    const step = await pickTask(ctx, 'complete', opts.taskId);
    const needs = completionNeeds(ctx.caseRow, ctx.item, opts.outcome);
    const outcome = needs.outcome;
    if (!outcome) throw new AppError('VALIDATION_FAILED', { field: 'outcome', detail: '该办件尚无决定结果，办结时须注明准予或不予' });
    if (needs.licenceNameRequired && !opts.result.licenceName) throw new AppError('VALIDATION_FAILED', { field: 'result.licenceName', detail: '准予办结须填写结果证照或文书名称' });
    await completeTask(ctx, step, 'complete', opts.opinion ?? (outcome === 'approved' ? '准予办结' : '不予许可，办结'));
    await cancelTimers(ctx.tx, ctx.caseRow.id);
    return {
      patch: { status: 'completed', outcome, completed_at: ctx.now, decided_at: ctx.caseRow.decided_at ?? ctx.now, result: JSON.stringify(opts.result) },
      audit: { action: 'case.complete', detail: { outcome, licenceNo: opts.result.licenceNo ?? null } },
      after: async (c) => {
        await buildArchive(ctx.tx, c);
        await publishCaseEvent(ctx.tx, 'case.completed', c, { outcome, result: opts.result, hallId: c.hall_id, windowId: c.window_id });
        await tellApplicant({ ...ctx, caseRow: c }, 'case.completed', { outcome });
      },
    };
  });
}

/** 送达: self-pickup at the window or express with its tracking number; the process then ends. */
export function deliverCase(db: Db, actor: Actor, caseId: string, opts: ActOptions & { delivery: CaseDelivery }) {
  return actOnCase(db, actor, caseId, opts, async (ctx) => {
    const step = chooseDeliveryTask(ctx.actor, { c: ctx.caseRow, def: ctx.def, steps: await repo.findStepsOfCase(ctx.tx, ctx.caseRow.id) }, opts.taskId);
    if (opts.delivery.method === 'express' && !opts.delivery.trackingNo) throw new AppError('VALIDATION_FAILED', { field: 'delivery.trackingNo', detail: '快递送达须填写运单号' });
    await completeTask(ctx, step, 'deliver', opts.delivery.method === 'express' ? `快递送达：${opts.delivery.carrier ?? ''} ${opts.delivery.trackingNo}` : opts.delivery.method === 'electronic' ? '电子送达' : '窗口自取');
    return {
      patch: { status: 'delivered', delivered_at: ctx.now, delivery: JSON.stringify(opts.delivery) },
      audit: { action: 'case.deliver', detail: { method: opts.delivery.method } },
      after: async (c) => {
        await publishCaseEvent(ctx.tx, 'case.delivered', c, { delivery: opts.delivery });
      },
    };
  });
}
