import { expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { BASE_URL } from './session.ts';

/**
 * Test data through the public API, for tests whose subject is not the application itself (accessibility pages,
 * ratings): a demo account's bearer token (no cookie, so no CSRF header) and small verbs over it.
 */
export interface Api {
  get<T = Record<string, unknown>>(url: string): Promise<T>;
  post<T = Record<string, unknown>>(url: string, body?: unknown): Promise<T>;
  dispose(): Promise<void>;
}

export async function apiAs(login: string): Promise<Api> {
  const anon = await playwrightRequest.newContext({ baseURL: BASE_URL });
  const r = await anon.post('/api/v1/auth/dev-login', { data: { login } });
  expect(r.status(), `dev login ${login}`).toBe(200);
  const { token } = (await r.json()) as { token: string };
  await anon.dispose();
  const ctx: APIRequestContext = await playwrightRequest.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const check = async <T>(what: string, p: ReturnType<APIRequestContext['get']>): Promise<T> => {
    const res = await p;
    expect(res.ok(), `${what}: ${res.status()} ${await res.text()}`).toBeTruthy();
    return (await res.json()) as T;
  };
  return {
    get: (url) => check(`GET ${url}`, ctx.get(`/api/v1${url}`)),
    post: (url, body = {}) => check(`POST ${url}`, ctx.post(`/api/v1${url}`, { data: body })),
    dispose: () => ctx.dispose(),
  };
}

/** 无犯罪记录证明出具 (simple process: 受理 → 决定 → 办结 → 送达), its ID card taken from the e-licence library. */
export const CERTIFICATE_ITEM = 'no-criminal-record-certificate';

/** A resident submits a 无犯罪记录证明 application online; returns the new case. */
export async function submitCertificateCase(login: string, person: { name: string; idCard: string; phone: string }): Promise<{ id: string; caseNo: string }> {
  const api = await apiAs(login);
  try {
    const guide = await api.get<{ materials: { id: string; name: string }[] }>(`/catalog/items/${CERTIFICATE_ITEM}`);
    const idCardMaterial = guide.materials.find((m) => m.name === '申请人居民身份证')!;
    const c = await api.post<{ id: string; caseNo: string }>('/cases', {
      itemKey: CERTIFICATE_ITEM, channel: 'pc',
      formData: { applicantName: person.name, idCard: person.idCard, purpose: '就业入职', phone: person.phone },
      materials: [{ materialId: idCardMaterial.id, method: 'exempt' }],
    });
    return { id: c.id, caseNo: c.caseNo };
  } finally {
    await api.dispose();
  }
}

/** Takes the case through the staff steps by API: the clerk accepts; the gafj approver approves and concludes; the clerk delivers. */
export async function completeCertificateCase(caseId: string, upTo: 'accepted' | 'completed' | 'delivered' = 'delivered'): Promise<void> {
  const clerk = await apiAs('clerk.zhou');
  const approver = await apiAs('ga.approver');
  const version = async () => (await clerk.get<{ version: number }>(`/cases/${caseId}`)).version;
  try {
    await clerk.post(`/cases/${caseId}/accept`, { version: await version(), opinion: '材料齐全' });
    if (upTo === 'accepted') return;
    await approver.post(`/cases/${caseId}/approve`, { version: await version(), opinion: '同意出具' });
    await approver.post(`/cases/${caseId}/complete`, { version: await version(), outcome: 'approved', result: { licenceName: '无犯罪记录证明', licenceNo: `WFZ-${caseId.slice(0, 8)}` } });
    if (upTo === 'completed') return;
    await clerk.post(`/cases/${caseId}/deliver`, { version: await version(), delivery: { method: 'electronic' } });
  } finally {
    await Promise.all([clerk.dispose(), approver.dispose()]);
  }
}
