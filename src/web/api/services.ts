import { api, newIdempotencyKey } from './client.ts';
import { uploadFile } from './upload.ts';
import { asList, num, optStr, pick, str, type Raw } from './normalize.ts';
import type { CaseDetail, CaseSummary, Draft, DraftMaterial, SubmitAnswer, TimeLimit, UploadedFile } from './types.ts';
import type { FormData, FormSchema } from '../../shared/form-schema.ts';
import type { Channel } from '../../shared/channels.ts';

/** Calendar, materials and cases as the portal uses them. All URLs of those APIs are here. */

/** Today in Asia/Shanghai as YYYY-MM-DD, whatever the device's time zone. */
export function todayInShanghai(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addNaturalDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const calendarApi = {
  /** The expected completion date if applied on `from` (working days per the holiday calendar; natural days plain). */
  async expectedDate(limit: TimeLimit, from = todayInShanghai()): Promise<string> {
    if (limit.unit === 'natural') return addNaturalDays(from, limit.days);
    const a = await api.get<Raw>('/calendar/add-working-days', { query: { from, days: limit.days } });
    return str(a, 'date');
  },
};

export function toUploadedFile(o: Raw): UploadedFile {
  const id = str(o, 'id', 'uploadId');
  return { id, fileName: str(o, 'fileName', 'filename', 'name'), mime: str(o, 'mime', 'mimeType', 'contentType'), size: num(o, 0, 'size'), url: optStr(o, 'url', 'href') ?? `/api/v1/materials/uploads/${encodeURIComponent(id)}/content` };
}

export const materialsApi = {
  /** itemVersionId + materialId let the server apply that material's size limit before reading the bytes. */
  upload(file: File, meta: { materialId: string; itemVersionId: string }, onProgress: (p: number) => void) {
    const handle = uploadFile<Raw>('/materials/uploads', file, meta, onProgress);
    return { abort: handle.abort, promise: handle.promise.then(toUploadedFile) };
  },
};

function toDraft(o: Raw): Draft {
  return {
    id: str(o, 'id', 'draftId'),
    version: num(o, 1, 'version'),
    itemKey: str(o, 'itemKey', 'itemId'),
    itemName: str(o, 'itemName', 'name'),
    form: (pick<FormData>(o, 'formData', 'form') ?? {}) as FormData,
    situationCode: optStr(o, 'situationCode'),
    materials: asList(pick(o, 'materials')).map((m) => ({ materialId: str(m, 'materialId', 'id'), uploadIds: (pick<string[]>(m, 'uploadIds') ?? []) as string[], exempt: str(m, 'method') === 'exempt' })),
    updatedAt: str(o, 'updatedAt', 'createdAt'),
  };
}

export function toCaseSummary(o: Raw): CaseSummary {
  return {
    id: str(o, 'id', 'caseId'),
    caseNo: str(o, 'caseNo'),
    itemKey: optStr(o, 'itemKey', 'itemId') ?? undefined,
    itemName: str(o, 'itemName', 'name'),
    agencyName: optStr(o, 'agencyName') ?? undefined,
    status: str(o, 'status'),
    statusLabel: optStr(o, 'statusLabel') ?? undefined,
    submittedAt: optStr(o, 'submittedAt', 'createdAt'),
    dueAt: optStr(o, 'deadlineAt', 'dueAt'),
    channel: optStr(o, 'channel') ?? undefined,
  };
}

function toCorrection(corr: Raw | undefined): CaseDetail['correction'] {
  if (!corr || Array.isArray(corr)) return null;
  return {
    requestedAt: str(corr, 'requestedAt'),
    deadline: optStr(corr, 'dueAt', 'deadline'),
    note: optStr(corr, 'notice', 'note'),
    // Items are { kind: material | field | other, ref, problem } as the reviewer listed them.
    items: asList(pick(corr, 'items')).map((i) => {
      const kind = str(i, 'kind');
      const ref = optStr(i, 'ref');
      return { field: kind === 'field' ? ref : null, materialId: kind === 'material' ? ref : null, label: ref ?? '', reason: str(i, 'problem', 'reason') };
    }),
  };
}

function toCaseDetail(o: Raw): CaseDetail {
  const result = pick<Raw>(o, 'result');
  const delivery = pick<Raw>(o, 'delivery');
  const outcome = optStr(o, 'outcome');
  return {
    ...toCaseSummary(o),
    version: num(o, 1, 'version'),
    form: pick<FormData>(o, 'formData', 'form') ?? null,
    formSchema: pick<FormSchema>(o, 'formSchema'),
    materials: asList(pick(o, 'materials')).map((m) => ({ materialId: str(m, 'materialId'), name: str(m, 'name'), collection: optStr(m, 'method') ?? undefined, files: asList(pick(m, 'files')).map(toUploadedFile) })),
    timeline: asList(pick(o, 'timeline')).map((s) => ({ at: str(s, 'at'), name: str(s, 'label', 'name'), action: str(s, 'node'), actor: null, opinion: optStr(s, 'opinion') })),
    correction: toCorrection(pick<Raw>(o, 'correction')),
    closedReason: optStr(o, 'closedReason'),
    result: result || outcome ? { outcome: OUTCOME_LABELS[outcome ?? ''] ?? outcome ?? '', licenceName: optStr(result, 'licenceName'), licenceNo: optStr(result, 'licenceNo'), validUntil: optStr(result, 'validUntil'), issuer: optStr(result, 'issuer') } : null,
    delivery: delivery ? { method: DELIVERY_LABELS[str(delivery, 'method')] ?? str(delivery, 'method'), trackingNo: [optStr(delivery, 'carrier'), optStr(delivery, 'trackingNo')].filter(Boolean).join(' ') || null, address: optStr(delivery, 'address'), deliveredAt: optStr(o, 'deliveredAt') } : null,
  };
}

const OUTCOME_LABELS: Record<string, string> = { approved: '准予许可', denied: '不予许可', not_accepted: '不予受理', correction_timeout: '补正超时' };
const DELIVERY_LABELS: Record<string, string> = { self_pickup: '窗口自取', express: '快递寄送', electronic: '电子送达' };

/** The material list the cases API takes: only what was actually given (uploads or a declared exemption). */
function materialInputs(materials: DraftMaterial[]) {
  return materials
    .filter((m) => m.exempt || m.uploadIds.length)
    .map((m) => (m.exempt ? { materialId: m.materialId, method: 'exempt' as const } : { materialId: m.materialId, method: 'online_upload' as const, uploadIds: m.uploadIds }));
}

export interface SubmitContext {
  channel: Channel;
  terminalId?: string;
}

export const casesApi = {
  /** The channel (and kiosk terminal) is fixed when the draft is created: that is where the application came in. */
  async createDraft(itemKey: string, form: FormData, ctx: SubmitContext): Promise<Draft> {
    return toDraft(await api.post<Raw>('/cases/drafts', { itemKey, channel: ctx.channel, ...(ctx.terminalId ? { terminalId: ctx.terminalId } : {}), formData: form }));
  },
  async saveDraft(id: string, version: number | undefined, form: FormData, materials: DraftMaterial[], situationCode?: string): Promise<Draft> {
    return toDraft(await api.patch<Raw>(`/cases/drafts/${encodeURIComponent(id)}`, { ...(version ? { version } : {}), ...(situationCode ? { situationCode } : {}), formData: form, materials: materialInputs(materials) }));
  },
  async draft(id: string): Promise<Draft> {
    return toDraft(await api.get<Raw>(`/cases/drafts/${encodeURIComponent(id)}`));
  },
  async myDrafts(): Promise<Draft[]> {
    return asList(await api.get<unknown>('/my/drafts')).map(toDraft);
  },
  /** Submits a saved draft. The caller keeps `key` so that a retry after a lost answer returns the same case. */
  async submit(draftId: string, key = newIdempotencyKey()): Promise<SubmitAnswer> {
    const a = await api.post<Raw>(`/cases/drafts/${encodeURIComponent(draftId)}/submit`, {}, { headers: { 'idempotency-key': key } });
    return { caseId: str(a, 'id', 'caseId'), caseNo: str(a, 'caseNo') };
  },
  async myCases(query: { status?: string } = {}): Promise<CaseSummary[]> {
    return asList(await api.get<unknown>('/my/cases', { query: { ...query, limit: 100 } })).map(toCaseSummary);
  },
  async caseDetail(id: string): Promise<CaseDetail> {
    return toCaseDetail(await api.get<Raw>(`/my/cases/${encodeURIComponent(id)}`));
  },
  /** 补正 resubmission with the case version seen (optimistic lock); form data only when it was corrected. */
  async resubmit(id: string, version: number, form: FormData | null, materials: DraftMaterial[]): Promise<CaseSummary> {
    return toCaseSummary(await api.post<Raw>(`/my/cases/${encodeURIComponent(id)}/resubmit`, { version, ...(form ? { formData: form } : {}), materials: materialInputs(materials) }));
  },
};
