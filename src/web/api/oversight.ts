import { api } from './client.ts';
import { uploadFile } from './upload.ts';

/** Work orders (工单), ratings (好差评) and indicators (指标): the APIs of the closed loop. */
export type OrderColour = 'red' | 'yellow' | 'green' | 'none';
export interface WorkOrder {
  id: string; orderNo: string; source: string; sourceLabel: string; status: string; statusLabel: string; agencyId: string | null; title: string; content: string;
  category: string | null; ticketNo: string | null; calledAt: string | null; ratingId: string | null; ratingLevel: number | null; caseId: string | null; caseNo: string | null;
  itemName: string | null; place: string | null; contact: { name: string | null; phone: string | null; masked: boolean }; realName: boolean | null;
  indicatorKey: string | null; returnAllowed: boolean; stageStartedAt: string | null; stageDueAt: string | null; deadlineColour: OrderColour;
  warnedAt: string | null; escalatedAt: string | null; contactDueAt: string | null; contactedAt: string | null; dueAt: string | null;
  finding: string | null; resolution: string | null; callback: { outcome: string | null; resolved: boolean | null; at: string | null }; reopenCount: number;
  appeal: { reason: string | null; decision: string | null; fromStatus: string | null }; handlerUserId: string | null; closedAt: string | null; closedOnTime: boolean | null; closure: string | null;
  createdAt: string; updatedAt: string;
  steps?: { action: string; from: string | null; to: string | null; actorName: string | null; note: string | null; at: string }[];
}
export interface OrderFilter { status?: string; source?: string; agencyId?: string; open?: 'true' | 'false'; overdue?: 'true' | 'false'; q?: string; from?: string; to?: string; limit?: number; offset?: number }
export interface ImportReport { id: string; fileName: string; format: string; status: string; total: number; valid: number; processed: number; progress: number; inserted: number; updated: number; errorRows: number; errors: { row: number; ticketNo?: string; field?: string; message: string }[]; finishedAt: string | null }

export const ORDER_TRANSITIONS = ['dispatch', 'sign', 'return', 'contact', 'verify', 'finish', 'callback', 'close', 'appeal', 'decide-appeal'] as const;
export type OrderTransition = (typeof ORDER_TRANSITIONS)[number];

const enc = encodeURIComponent;
export const workOrdersApi = {
  list: (f: OrderFilter) => api.get<{ items: WorkOrder[] }>('/workorders', { query: { ...f } }),
  agencyTable: () => api.get<{ items: Record<string, unknown>[] }>('/workorders/agency-table'),
  get: (id: string) => api.get<WorkOrder>(`/workorders/${enc(id)}`),
  revealContact: (id: string) => api.post<{ name: string | null; phone: string | null }>(`/workorders/${enc(id)}/reveal-contact`),
  transition: (id: string, t: OrderTransition, body: Record<string, unknown>) => api.post<WorkOrder>(`/workorders/${enc(id)}/${t}`, body),
  create: (b: { agencyId: string; title: string; content: string; indicatorKey?: string; dueDays?: number }) => api.post<WorkOrder>('/workorders', b),
  importFile: (file: File, onProgress: (p: number) => void) => uploadFile<ImportReport>('/workorders/imports', file, {}, onProgress),
  importStatus: (id: string) => api.get<ImportReport>(`/workorders/imports/${enc(id)}`),
  cannotGetDone: (b: { itemName: string; place: string; whatHappened: string; caseNo?: string; contactName?: string; contactPhone?: string }) => api.post<{ id: string; orderNo: string; status: string; replyBy: string | null }>('/workorders/cannot-get-done', b),
};

export interface WindowRater {
  windowId: string; hallId: string | null; known: boolean; staffOnDuty: { userId: string; name: string } | null;
  visit: { visitId: string; endedAt: string; caseNo: string | null; itemName: string | null } | null;
  levels: { level: number; label: string }[];
}
export const ratingsApi = {
  window: (windowId: string) => api.get<WindowRater>(`/ratings/windows/${enc(windowId)}`),
  rateWindow: (windowId: string, b: { visitId: string; level: number; comment?: string | null; channel: 'hall_tablet' }) => api.post<unknown>(`/ratings/windows/${enc(windowId)}`, b),
  rateCase: (b: { caseId: string; level: number; comment?: string | null; channel: 'pc' | 'mobile' }) => api.post<unknown>('/ratings', b),
  mine: () => api.get<{ items: { caseId: string | null; level: number; comment: string | null; createdAt: string }[] } | { caseId: string | null; level: number }[]>('/ratings/mine'),
};

export interface Figure { key: string; name: string; numerator: number | string; denominator: number | string; excluded: string; source: string; value: number | null; [k: string]: unknown }
export interface Definition { key: string; name: string; numerator: string; denominator: string; excluded: string; source: string }
export interface Indicators {
  range: { from: string; to: string; agencyId: string; scope: string };
  figures: Figure[];
  perAgency: Record<string, unknown>[];
  perItem: Record<string, unknown>[];
  workOrders: { bySourceAndStage: { source: string; status: string; count: number }[] };
}
export const analyticsApi = {
  indicators: (q: { from: string; to: string; agencyId?: string }) => api.get<Indicators>('/analytics/indicators', { query: q }),
  definitions: () => api.get<{ items: Definition[] }>('/analytics/definitions'),
};
