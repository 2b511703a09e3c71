import type { Db } from '../../platform/db/database.js';
import { requireLogin, type Actor } from '../../platform/auth/actor.js';
import { notFound } from '../../platform/errors/app-error.js';
import { recordAudit } from '../../platform/audit/audit.js';
import * as repo from './repository.js';
import { workOrderPolicy } from './policy.js';
import type { Source } from './tables.js';

const ruleView = (r: repo.Rule) => ({
  source: r.source, label: r.label, contactDays: r.contact_days, signDays: r.sign_days, verifyDays: r.verify_days,
  rectifyDays: r.rectify_days, callbackDays: r.callback_days, warnHours: r.warn_hours, returnAllowed: r.return_allowed, updatedAt: r.updated_at.toISOString(),
});

export async function showRules(db: Db, actor: Actor) {
  requireLogin(actor);
  const [rules, limits] = await Promise.all([repo.findRules(db), repo.findCategoryLimits(db)]);
  return { rules: rules.map(ruleView), hotlineLimits: limits.map((l) => ({ category: l.category, label: l.label, days: l.days })) };
}

/** Center admins edit deadlines; orders already in a stage keep the deadline they were given. */
export async function updateRule(db: Db, actor: Actor, source: Source, b: { contactDays?: number; signDays?: number; verifyDays?: number; rectifyDays?: number; callbackDays?: number; warnHours?: number; returnAllowed?: boolean }) {
  workOrderPolicy.require(actor, 'workorder.configure');
  return db.transaction().execute(async (tx) => {
    const r = await repo.updateRule(tx, source, {
      contact_days: b.contactDays, sign_days: b.signDays, verify_days: b.verifyDays, rectify_days: b.rectifyDays,
      callback_days: b.callbackDays, warn_hours: b.warnHours, return_allowed: b.returnAllowed, updated_by: actor.userId,
    });
    if (!r) throw notFound('工单规则');
    await recordAudit(tx, actor, { action: 'workorder.rule_update', targetType: 'work_order_rule', targetId: source, detail: b });
    return ruleView(r);
  });
}

export async function updateCategoryLimit(db: Db, actor: Actor, category: string, days: number) {
  workOrderPolicy.require(actor, 'workorder.configure');
  return db.transaction().execute(async (tx) => {
    const r = await repo.updateCategoryLimit(tx, category, days, actor.userId!);
    if (!r) throw notFound('诉求类型');
    await recordAudit(tx, actor, { action: 'workorder.hotline_limit_update', targetType: 'hotline_category_limit', targetId: category, detail: { days } });
    return { category: r.category, label: r.label, days: r.days };
  });
}
