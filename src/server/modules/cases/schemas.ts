import { z } from 'zod';

const uuid = z.uuid();
const text = (max: number) => z.string().trim().min(1).max(max);
export const CaseIdParams = z.strictObject({ id: uuid });

const Channel = z.enum(['pc', 'mobile', 'kiosk', 'window']);
export const MaterialInput = z.strictObject({
  materialId: text(64),
  method: z.enum(['online_upload', 'paper_at_window', 'e_licence', 'data_check', 'exempt']).describe('收取方式'),
  uploadIds: z.array(text(64)).max(20).optional(),
  eLicenceNo: text(128).optional().describe('电子证照派生件编号'),
  note: z.string().max(500).optional(),
});
const OnBehalf = z.strictObject({ idCard: text(18), name: text(50), phone: z.string().regex(/^1[3-9]\d{9}$/).optional(), enterpriseUscc: z.string().length(18).optional() });
const draftFields = {
  itemVersionId: text(64).optional(), itemKey: text(100).optional(), situationCode: text(50).optional(), channel: Channel,
  terminalId: text(64).optional(), windowId: text(64).optional(), hallId: text(64).optional(), formData: z.record(z.string(), z.unknown()).optional(),
  onBehalf: OnBehalf.optional().describe('窗口代录：申请人身份'), appointmentId: uuid.optional(),
};
export const CreateDraftBody = z.strictObject(draftFields);
export const UpdateDraftBody = z.strictObject({ version: z.number().int().positive().optional(), formData: z.record(z.string(), z.unknown()).optional(), situationCode: text(50).optional(), materials: z.array(MaterialInput).max(100).optional() });
export const SubmitDraftBody = z.strictObject({ idempotencyKey: text(128).optional() });
export const SubmitApplicationBody = z.strictObject({ ...draftFields, materials: z.array(MaterialInput).max(100), idempotencyKey: text(128).optional() });

const act = { version: z.number().int().positive().describe('您看到的办件版本号（乐观锁）'), taskId: uuid.optional() };
export const ActionBodies = {
  claim: z.strictObject(act),
  accept: z.strictObject({ ...act, opinion: z.string().max(2000).optional() }),
  not_accept: z.strictObject({ ...act, reason: text(2000) }),
  pass: z.strictObject({ ...act, opinion: z.string().max(2000).optional() }),
  send_back: z.strictObject({ ...act, toNode: text(64), reason: text(2000) }),
  request_correction: z.strictObject({ ...act, items: z.array(z.strictObject({ kind: z.enum(['material', 'field', 'other']), ref: z.string().max(128).optional(), problem: text(500) })).min(1).max(100), notice: z.string().max(5000).optional() }),
  transfer: z.strictObject({ ...act, toUserId: uuid.optional(), toAgencyId: text(64).optional(), toRole: z.enum(['window_clerk', 'reviewer', 'approver']).optional(), reason: text(1000) }),
  add_signer: z.strictObject({ ...act, userId: uuid, reason: text(1000) }),
  remove_signer: z.strictObject({ ...act, signerTaskId: uuid, reason: text(1000) }),
  withdraw: z.strictObject({ ...act, reason: text(1000) }),
  urge: z.strictObject({ ...act, message: z.string().max(500).optional() }),
  special: z.strictObject({ ...act, kind: z.enum(['extend', 'pause', 'resume']), days: z.number().int().min(1).max(365).optional(), reason: text(2000) }),
  approve: z.strictObject({ ...act, opinion: z.string().max(2000).optional() }),
  deny: z.strictObject({ ...act, opinion: text(2000) }),
  complete: z.strictObject({
    ...act, outcome: z.enum(['approved', 'denied']).optional(), opinion: z.string().max(2000).optional(),
    result: z.strictObject({ licenceName: z.string().max(200).optional(), licenceNo: z.string().max(128).optional(), validFrom: z.iso.date().optional(), validUntil: z.iso.date().optional(), issuer: z.string().max(200).optional(), note: z.string().max(1000).optional() }),
  }),
  deliver: z.strictObject({ ...act, delivery: z.strictObject({ method: z.enum(['self_pickup', 'express', 'electronic']), carrier: z.string().max(50).optional(), trackingNo: z.string().max(64).optional(), note: z.string().max(500).optional() }) }),
};

export const ResubmitBody = z.strictObject({ version: z.number().int().positive(), formData: z.record(z.string(), z.unknown()).optional(), materials: z.array(MaterialInput).max(100).optional(), note: z.string().max(1000).optional() });

export const InboxQuery = z.strictObject({
  itemId: text(64).optional(), status: z.enum(['submitted', 'in_progress', 'completed']).optional(), colour: z.enum(['green', 'yellow', 'red']).optional(),
  appliedFrom: z.iso.date().optional(), appliedTo: z.iso.date().optional(), caseNo: text(32).optional(), sort: z.enum(['deadline', 'submitted']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(), offset: z.coerce.number().int().min(0).optional(),
});
export const OverdueQuery = z.strictObject({ agencyId: text(64).optional(), limit: z.coerce.number().int().min(1).max(500).optional(), offset: z.coerce.number().int().min(0).optional() });
export const MyCasesQuery = z.strictObject({ status: z.string().max(32).optional(), limit: z.coerce.number().int().min(1).max(100).default(20), offset: z.coerce.number().int().min(0).default(0) });
export const OpenVisitBody = z.strictObject({ caseId: uuid.optional(), applicantName: z.string().max(50).optional(), purpose: z.enum(['submit', 'correction', 'verify_original', 'payment', 'pickup', 'consult']), hallId: text(64), windowId: text(64) });
