import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/auth/actor.js';
import { ACTION_PATHS } from './constants.js';
import { ActionBodies, CaseIdParams } from './schemas.js';
import { acceptCase, completeCase, decideCase, deliverCase, notAcceptCase, passStep, sendBackCase } from './service-actions.js';
import { addSigner, claimTask, removeSigner, specialProcedure, transferTask, urgeCase, withdrawStep } from './service-actions-more.js';
import { requestCorrection } from './service-correction.js';

type Bodies = typeof ActionBodies;
type Run<K extends keyof Bodies> = (db: Db, actor: Actor, id: string, body: z.infer<Bodies[K]> & { ip: string }) => Promise<unknown>;

/** Each business action: its path, Chinese summary and service function. The route only parses and forwards. */
const ACTIONS: { [K in keyof Bodies]: { path: string; summary: string; run: Run<K> } } = {
  claim: { path: ACTION_PATHS.claim, summary: '签收任务', run: (db, a, id, b) => claimTask(db, a, id, b) },
  accept: { path: ACTION_PATHS.accept, summary: '受理', run: (db, a, id, b) => acceptCase(db, a, id, b) },
  not_accept: { path: ACTION_PATHS.not_accept, summary: '不予受理（须说明理由）', run: (db, a, id, b) => notAcceptCase(db, a, id, b) },
  pass: { path: ACTION_PATHS.pass, summary: '通过（审查、会签、并联分支）', run: (db, a, id, b) => passStep(db, a, id, b) },
  send_back: { path: ACTION_PATHS.send_back, summary: '退回到已办理过的前序环节', run: (db, a, id, b) => sendBackCase(db, a, id, b) },
  request_correction: { path: ACTION_PATHS.request_correction, summary: '一次性补正告知（暂停计时）', run: (db, a, id, b) => requestCorrection(db, a, id, b) },
  transfer: { path: ACTION_PATHS.transfer, summary: '转办给他人或岗位', run: (db, a, id, b) => transferTask(db, a, id, b) },
  add_signer: { path: ACTION_PATHS.add_signer, summary: '加签', run: (db, a, id, b) => addSigner(db, a, id, b) },
  remove_signer: { path: ACTION_PATHS.remove_signer, summary: '减签', run: (db, a, id, b) => removeSigner(db, a, id, b) },
  withdraw: { path: ACTION_PATHS.withdraw, summary: '撤回（下一环节办理前）', run: (db, a, id, b) => withdrawStep(db, a, id, b) },
  urge: { path: ACTION_PATHS.urge, summary: '催办（通知当前处理人）', run: (db, a, id, b) => urgeCase(db, a, id, b) },
  special: { path: ACTION_PATHS.special, summary: '特别程序：延长审批、暂停或恢复计时', run: (db, a, id, b) => specialProcedure(db, a, id, b) },
  approve: { path: ACTION_PATHS.approve, summary: '准予（决定）', run: (db, a, id, b) => decideCase(db, a, id, { ...b, decision: 'approve' }) },
  deny: { path: ACTION_PATHS.deny, summary: '不予（决定，须说明理由）', run: (db, a, id, b) => decideCase(db, a, id, { ...b, decision: 'deny' }) },
  complete: { path: ACTION_PATHS.complete, summary: '办结（结果证照名称、编号、有效期）', run: (db, a, id, b) => completeCase(db, a, id, b) },
  deliver: { path: ACTION_PATHS.deliver, summary: '送达（自取、快递或电子送达）', run: (db, a, id, b) => deliverCase(db, a, id, b) },
};

export const caseActionRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const [name, spec] of Object.entries(ACTIONS) as [keyof Bodies, (typeof ACTIONS)[keyof Bodies]][]) {
    app.post(`/cases/:id/${spec.path}`, { schema: { tags: ['cases'], summary: spec.summary, params: CaseIdParams, body: ActionBodies[name] } }, async (req) =>
      (spec.run as Run<typeof name>)(app.ctx.db, req.actor, req.params.id, { ...(req.body as object), ip: req.ip } as never),
    );
  }
};
