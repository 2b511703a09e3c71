import { api } from './client.ts';

/** The admin console's APIs: catalogue editing, guide check, agencies/staff/roles, holidays, halls, templates. */
export interface AdminItemRow { id: string; key: string; agencyId: string; name: string; implementationCode: string; codeWarnings: string[]; latestVersion: number; latestStatus: string; publishedVersion: number | null; updatedAt: string }
export interface VersionRow { id: string; version: number; status: string; name: string; changeNote: string | null; createdAt: string; publishedAt: string | null; archivedAt: string | null }
/** One version of an item as GET /catalog/items/:key/versions/:n answers it (guide elements nested in `guide`). */
export type ItemVersion = Record<string, unknown> & { key: string; version: number; status: string; name: string; formSchema: Record<string, unknown>; processKey: string; materials: Record<string, unknown>[]; guide: Record<string, unknown> };
export interface Finding { severity: 'error' | 'warning' | 'info'; rule?: string; code?: string; element?: string; field?: string; message: string }
export interface GuideCheckReport {
  generatedAt: string; summary: { items: number; averageScore: number; findings: Record<string, number> };
  departments: { agencyId: string; agencyName: string; items: number; score: number; findings: Record<string, number> }[];
  items: { key: string; name: string; agencyId: string; agencyName?: string; score: number; findings: Finding[] }[];
}
export interface Agency { id: string; name: string; shortName: string | null; uscc: string; regionCode: string; parentId: string | null; nature: string; address: string | null; phone: string | null }
export interface StaffRow { id: string; login: string; name: string; phone: string | null; agencyId: string; active: boolean; lockedUntil: string | null; roles: { role: string; agencyId: string }[] }
export interface HolidayDay { date: string; kind: 'holiday' | 'workday'; name: string; note: string | null; source?: string }
export interface Hall { id: string; name: string; level?: string; agencyId: string | null; address: string; hours: string; phone: string | null; appointment: boolean; active: boolean; windows: { id: string; name: string; type: string; active: boolean; itemKeys: string[] }[]; kiosks?: { terminalId: string; name: string; kind?: string; venueType: string; address: string; hallId?: string | null; active?: boolean }[] }
export interface Template { key: string; channel: 'inbox' | 'sms'; category: string; title: string; body: string; variables: string[]; essential: boolean; description: string; updatedAt: string }
export interface Delivery { id: string; templateKey?: string; template?: string; channel: string; status: string; recipient?: string; phone?: string | null; attempts?: number; error?: string | null; createdAt?: string; sentAt?: string | null; title?: string }

const enc = encodeURIComponent;
export const adminApi = {
  items: (agencyId?: string) => api.get<{ items: AdminItemRow[] }>('/catalog/admin/items', { query: { agencyId } }),
  versions: (key: string) => api.get<{ versions: VersionRow[]; currentVersionId: string | null }>(`/catalog/items/${enc(key)}/versions`),
  version: (key: string, n: number) => api.get<ItemVersion>(`/catalog/items/${enc(key)}/versions/${n}`),
  /** Edits the draft (a published item gets a new draft version). */
  patchItem: (key: string, patch: Record<string, unknown>) => api.patch<ItemVersion>(`/catalog/admin/items/${enc(key)}`, patch),
  publish: (key: string, version?: number) => api.post<unknown>(`/catalog/admin/items/${enc(key)}/publish`, version ? { version } : {}),
  guideCheck: (agencyId?: string) => api.get<GuideCheckReport>('/catalog/guide-check', { query: { agencyId } }),
  itemCheck: (key: string) => api.get<{ score: number; findings: Finding[] }>(`/catalog/items/${enc(key)}/guide-check`),
  halls: () => api.get<{ halls: Hall[]; kiosks?: Hall['kiosks'] }>('/catalog/halls'),
  saveHall: (id: string, body: Record<string, unknown>) => api.put<Hall>(`/catalog/admin/halls/${enc(id)}`, body),
  saveKiosk: (terminalId: string, body: Record<string, unknown>) => api.put<unknown>(`/catalog/admin/kiosks/${enc(terminalId)}`, body),
  processDefinitions: () => api.get<{ key: string; version: number; name: string; definition: { nodes: Record<string, unknown>[]; description?: string } }[]>('/process-definitions'),

  agencies: () => api.get<{ items: Agency[] }>('/agencies'),
  createAgency: (b: Record<string, unknown>) => api.post<Agency>('/agencies', b),
  patchAgency: (id: string, b: Record<string, unknown>) => api.patch<Agency>(`/agencies/${enc(id)}`, b),
  staff: (agencyId?: string) => api.get<{ items: StaffRow[] }>('/admin/staff', { query: { agencyId } }),
  createStaff: (b: { login: string; name: string; phone?: string | null; agencyId: string }) => api.post<{ staff: StaffRow; temporaryPassword: string }>('/admin/staff', b),
  setActive: (id: string, active: boolean) => api.post<unknown>(`/admin/staff/${enc(id)}/active`, { active }),
  resetPassword: (id: string) => api.post<{ id: string; temporaryPassword: string }>(`/admin/staff/${enc(id)}/reset-password`),
  grantRole: (id: string, role: string, agencyId: string) => api.post<unknown>(`/admin/staff/${enc(id)}/roles`, { role, agencyId }),
  revokeRole: (id: string, role: string, agencyId: string) => api.post<unknown>(`/admin/staff/${enc(id)}/roles/revoke`, { role, agencyId }),

  years: () => api.get<{ years?: number[]; items?: { year: number }[] }>('/calendar/years'),
  days: (year: number) => api.get<{ year: number; covered: boolean; notice: string | null; days: HolidayDay[] }>('/calendar/days', { query: { year } }),
  setDay: (date: string, b: { kind: 'holiday' | 'workday'; name: string; note?: string | null }) => api.put<HolidayDay>(`/calendar/days/${date}`, b),
  clearDay: (date: string) => api.delete<unknown>(`/calendar/days/${date}`),

  templates: () => api.get<{ items: Template[] }>('/messages/templates'),
  saveTemplate: (key: string, channel: string, b: { title: string; body: string }) => api.put<Template>(`/messages/templates/${enc(key)}/${enc(channel)}`, b),
  deliveries: (q: Record<string, string | number | undefined>) => api.get<{ items: Delivery[]; page: number; pageSize: number; total: number }>('/messages/deliveries', { query: q }),
};

/** Role codes as the identity module names them, with their Chinese titles. */
export const ROLE_CODES = ['window_clerk', 'reviewer', 'approver', 'dept_admin', 'center_admin', 'supervisor'] as const;
