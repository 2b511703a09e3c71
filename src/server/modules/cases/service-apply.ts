import type { Db, Executor, Tx } from '../../platform/db/database.js';
import { requireLogin, type Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { isOwner, isWindowClerk, resolveApplicant, type OnBehalf } from './applicant.js';
import { activate, type CaseRow, type EngineCtx } from './engine/engine.js';
import { loadDefinition } from './engine/loader.js';
import { materialsPayload, publishCaseEvent, publishSteps } from './events.js';
import { validateForm } from './form.js';
import { onceByKey } from './idempotency.js';
import { linkCaseUploads, requireCompleteMaterials, saveMaterials, type MaterialInput, type MaterialRow } from './materials.js';
import { agencyRegionCode, getCurrentItemVersion, getItemVersion, notify, type ItemVersionView } from './ports.js';
import { DEFAULT_REGION_CODE } from './constants.js';
import * as repo from './repository.js';
import { shanghaiDay } from './clock-time.js';
import type { Channel } from './tables.js';
import { applicantView } from './view-applicant.js';

export interface DraftInput {
  itemVersionId?: string;
  itemKey?: string;
  situationCode?: string;
  channel: Channel;
  terminalId?: string;
  windowId?: string;
  hallId?: string;
  formData?: Record<string, unknown>;
  onBehalf?: OnBehalf;
  appointmentId?: string;
}

async function itemFor(db: Executor, input: { itemVersionId?: string; itemKey?: string }): Promise<ItemVersionView> {
  if (!input.itemVersionId && !input.itemKey) throw new AppError('VALIDATION_FAILED', { field: 'itemVersionId', detail: '请指定事项版本 itemVersionId 或事项 itemKey' });
  const item = input.itemVersionId ? await getItemVersion(db, input.itemVersionId) : await getCurrentItemVersion(db, input.itemKey!);
  if (item.status !== 'published') throw new AppError('ITEM_NOT_PUBLISHED', { detail: `事项「${item.name}」的该版本未发布，不能申请` });
  if (item.kind === 'query') throw new AppError('ITEM_NOT_APPLICABLE', { detail: `「${item.name}」是查询类事项，无需申请` });
  return item;
}

/** Channel facts the indicators need (#16, #36, #38): a kiosk names its terminal, a window its window and hall. */
function checkChannel(actor: Actor, item: ItemVersionView, input: DraftInput) {
  if (!item.channels[input.channel]) throw new AppError('CHANNEL_NOT_OFFERED', { field: 'channel', detail: `「${item.name}」不支持通过${{ pc: '电脑端', mobile: '移动端', kiosk: '自助终端', window: '窗口' }[input.channel]}申请` });
  if (input.channel === 'kiosk' && !input.terminalId) throw new AppError('VALIDATION_FAILED', { field: 'terminalId', detail: '自助终端申请须提供终端编号' });
  if (input.channel === 'window' && (!input.windowId || !input.hallId)) throw new AppError('VALIDATION_FAILED', { field: 'windowId', detail: '窗口申请须提供窗口编号和大厅编号' });
  if ((input.channel === 'window') !== isWindowClerk(actor) && actor.kind === 'staff') throw new AppError('VALIDATION_FAILED', { field: 'channel', detail: '窗口人员代录的申请渠道应为 window' });
  if (input.channel === 'window' && !isWindowClerk(actor)) throw new AppError('FORBIDDEN', { detail: '窗口渠道的申请只能由窗口人员录入' });
}

function checkSituation(item: ItemVersionView, code: string | undefined | null, required: boolean): string | null {
  if (!code) {
    if (item.situations.length === 1) return item.situations[0].handlingCode;
    if (required && item.situations.length > 1) throw new AppError('SITUATION_INVALID', { field: 'situationCode', detail: `请选择办理情形：${item.situations.map((s) => s.name).join('、')}` });
    return null;
  }
  if (!item.situations.some((s) => s.handlingCode === code)) throw new AppError('SITUATION_INVALID', { field: 'situationCode', detail: '所选办理情形不属于该事项' });
  return code;
}

async function insertDraft(tx: Executor, actor: Actor, input: DraftInput): Promise<{ c: CaseRow; item: ItemVersionView }> {
  requireLogin(actor);
  const item = await itemFor(tx, input);
  checkChannel(actor, item, input);
  const applicant = await resolveApplicant(tx, actor, item, input.onBehalf);
  const c = await repo.insertCase(tx, {
    status: 'draft', case_no: null, outcome: null, item_id: item.itemId, item_version_id: item.id, item_name: item.name, item_basic_code: item.basicCode,
    situation_code: checkSituation(item, input.situationCode, false), agency_id: item.agencyId, region_code: (await agencyRegionCode(tx, item.agencyId)) ?? DEFAULT_REGION_CODE,
    process_key: null, process_version: null, ...applicant, created_by_user_id: actor.userId,
    channel: input.channel, terminal_id: input.terminalId ?? null, window_id: input.windowId ?? null, hall_id: input.hallId ?? null,
    legal_limit_days: null, legal_limit_unit: null, committed_limit_days: null, committed_limit_unit: null,
    form_data: JSON.stringify(input.formData ?? {}), submitted_at: null, accepted_at: null, deadline_at: null, warn_at: null, warned_yellow_at: null, warned_red_at: null,
    paused_at: null, decided_at: null, completed_at: null, result: null, delivery: null, delivered_at: null, closed_reason: null,
    extra_signers: JSON.stringify({}), appointment_id: input.appointmentId ?? null, parent_case_id: null, updated_at: new Date(),
  });
  return { c, item };
}

export async function createDraft(db: Db, actor: Actor, input: DraftInput) {
  return db.transaction().execute(async (tx) => {
    const { c } = await insertDraft(tx, actor, input);
    await recordAudit(tx, actor, { action: 'case.draft_create', targetType: 'case', targetId: c.id, agencyId: c.agency_id, detail: { itemVersionId: c.item_version_id, channel: c.channel } });
    return draftView(c);
  });
}

/** Locks a draft of the actor's; drafts are edited only by whoever created them. */
async function lockOwnDraft(tx: Tx, actor: Actor, id: string, version?: number): Promise<CaseRow> {
  const c = await repo.lockCaseById(tx, id);
  if (!c || c.created_by_user_id !== actor.userId) throw new AppError('NOT_FOUND', { detail: '草稿不存在' });
  if (c.status !== 'draft') throw new AppError('CASE_STATE_CONFLICT', { detail: '申请已提交，不能再修改草稿' });
  if (version !== undefined && version !== c.version) throw new AppError('CASE_CONCURRENT_UPDATE', { detail: '草稿已在别处修改，请刷新后再保存' });
  return c;
}

export async function updateDraft(db: Db, actor: Actor, id: string, input: { version?: number; formData?: Record<string, unknown>; situationCode?: string; materials?: MaterialInput[] }) {
  requireLogin(actor);
  return db.transaction().execute(async (tx) => {
    const c = await lockOwnDraft(tx, actor, id, input.version);
    const item = await getItemVersion(tx, c.item_version_id);
    if (input.materials) await saveMaterials(tx, c, item, input.materials, actor.userId);
    const updated = await repo.updateCase(tx, id, {
      ...(input.formData ? { form_data: JSON.stringify(input.formData) } : {}),
      ...(input.situationCode !== undefined ? { situation_code: checkSituation(item, input.situationCode, false) } : {}),
    });
    return draftView(updated, await repo.findMaterialsOfCase(tx, id));
  });
}

/**
 * Turns a draft into a case: validates the form and the materials against the guide, numbers it, pins the
 * process version and opens the first task, with audit and events in the same transaction.
 */
async function submitLocked(tx: Tx, actor: Actor, c: CaseRow, item: ItemVersionView, now: Date, saved?: MaterialRow[]) {
  const situation = checkSituation(item, c.situation_code, true);
  validateForm(item.formSchema, c.form_data);
  const materials = saved ?? (await repo.findMaterialsOfCase(tx, c.id));
  requireCompleteMaterials(materials, item);
  const { def, version } = await loadDefinition(tx, item.processKey);
  const region = c.region_code;
  const day = shanghaiDay(now);
  const seq = await repo.nextCaseSeq(tx, region, day);
  const caseNo = `${region}-${day.replace(/-/g, '')}-${String(seq).padStart(6, '0')}`;
  const submitted = await repo.updateCase(tx, c.id, { status: 'submitted', case_no: caseNo, situation_code: situation, process_key: def.key, process_version: version, submitted_at: now, immediate: item.immediate });
  // A draft has no steps (they start at submission), so the engine counts them here instead of asking the database.
  const ctx: EngineCtx = { tx, caseRow: submitted, def, item, actor, now, done: [], fresh: { nextSeq: 1, activations: new Map() } };
  await activate(ctx, def.nodes[0]);
  await recordAudit(tx, actor, { action: 'case.submit', targetType: 'case', targetId: c.id, agencyId: c.agency_id, detail: { caseNo, channel: c.channel, onBehalf: actor.kind === 'staff' } });
  await publishCaseEvent(tx, 'case.submitted', submitted, { materialUploadIds: await linkCaseUploads(tx, submitted, item, materials), materials: materialsPayload(materials) });
  await publishSteps(tx, submitted, ctx.done);
  if (submitted.applicant_user_id) {
    await notify(tx, { template: 'case.submitted', userId: submitted.applicant_user_id, vars: { caseNo, itemName: submitted.item_name }, dedupeKey: `case.submitted:${c.id}` });
  }
  return applicantView(tx, submitted.id, { c: submitted, materials, corrections: [], item });
}

export async function submitDraft(db: Db, actor: Actor, id: string, opts: { idempotencyKey?: string; now?: Date }) {
  requireLogin(actor);
  return onceByKey(db, `case.submit:${actor.userId}`, opts.idempotencyKey, { draftId: id }, async (tx) => {
    const c = await lockOwnDraft(tx, actor, id);
    return submitLocked(tx, actor, c, await getItemVersion(tx, c.item_version_id), opts.now ?? new Date());
  });
}

/** One-shot application (kiosk, window, API clients): draft, materials and submission in one idempotent transaction. */
export async function submitApplication(db: Db, actor: Actor, input: DraftInput & { materials: MaterialInput[]; idempotencyKey?: string }, opts: { now?: Date } = {}) {
  requireLogin(actor);
  const { idempotencyKey, ...request } = input;
  return onceByKey(db, `case.submit:${actor.userId}`, idempotencyKey, request, async (tx) => {
    const { c, item } = await insertDraft(tx, actor, request);
    const materials = await saveMaterials(tx, c, item, request.materials, actor.userId, 'new');
    return submitLocked(tx, actor, c, item, opts.now ?? new Date(), materials);
  });
}

export async function myDrafts(db: Db, actor: Actor) {
  requireLogin(actor);
  return (await repo.findDraftsOfApplicant(db, actor.userId, actor.enterpriseId ?? null)).map((d) => ({ id: d.id, itemId: d.item_id, itemVersionId: d.item_version_id, itemName: d.item_name, channel: d.channel, version: d.version, createdAt: d.created_at, updatedAt: d.updated_at }));
}

export async function getDraft(db: Db, actor: Actor, id: string) {
  const c = await repo.findCaseById(db, id);
  if (!c || c.status !== 'draft' || (c.created_by_user_id !== actor.userId && !isOwner(actor, c))) throw new AppError('NOT_FOUND', { detail: '草稿不存在' });
  return draftView(c, await repo.findMaterialsOfCase(db, id));
}

function draftView(c: CaseRow, materials: Awaited<ReturnType<typeof repo.findMaterialsOfCase>> = []) {
  return {
    id: c.id, status: c.status, version: c.version, itemId: c.item_id, itemVersionId: c.item_version_id, itemName: c.item_name, situationCode: c.situation_code,
    channel: c.channel, terminalId: c.terminal_id, windowId: c.window_id, hallId: c.hall_id, applicantName: c.applicant_name, formData: c.form_data,
    materials: materials.map((m) => ({ materialId: m.material_id, name: m.name, method: m.method, uploadIds: m.upload_ids, eLicenceNo: m.e_licence_no, note: m.note })),
    createdAt: c.created_at, updatedAt: c.updated_at,
  };
}
