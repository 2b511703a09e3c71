import { actorForToken } from '../../src/server/modules/identity/sessions.js';
import { getCurrentItemVersion, type ItemVersionView } from '../../src/server/modules/cases/ports.js';
import type { TestPlatform } from '../harness.js';

/** Form data that satisfies an item's JSON Schema: a value per required property, by its declared type/format. */
export function validForm(schema: Record<string, any>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const props = (schema?.properties ?? {}) as Record<string, any>;
  for (const key of schema?.required ?? []) out[key] = sample(props[key] ?? {}, key);
  return out;
}
const BY_NAME: [RegExp, string][] = [[/uscc/i, '91310112MA1GB3K724'], [/idcard|idno/i, '31011219850312003X'], [/phone|mobile/i, '13816620001'], [/email/i, 'a@example.com']];
function sample(p: any, key = ''): unknown {
  const named = BY_NAME.find(([re]) => re.test(key));
  if (named && (!p.type || p.type === 'string')) return named[1];
  if (p.enum) return p.enum[0];
  if (p.const !== undefined) return p.const;
  if (p.type === 'object') return validForm(p);
  if (p.type === 'array') return p.minItems ? Array.from({ length: p.minItems }, () => sample(p.items ?? {})) : [];
  if (p.type === 'integer' || p.type === 'number') return p.minimum ?? 1;
  if (p.type === 'boolean') return true;
  const formats: Record<string, string> = { 'id-card': '31011219850312003X', uscc: '91310112MA1GB3K724', mobile: '13816620001', date: '2026-11-20', email: 'a@example.com' };
  if (p.format && formats[p.format]) return formats[p.format];
  if (p.pattern === '^1[3-9]\\d{9}$') return '13816620001';
  const s = '测试内容'.padEnd(Math.max(4, p.minLength ?? 0), '测');
  return p.maxLength ? s.slice(0, p.maxLength) : s;
}

/** Materials for every guide material without uploads: the e-licence where there is one, else a data check. */
export function materialsFor(item: ItemVersionView) {
  return item.materials.map((m) => (m.eLicenceType ? { materialId: m.id, method: 'e_licence' as const, eLicenceNo: `DZ-${m.id.slice(0, 8)}` } : { materialId: m.id, method: 'data_check' as const }));
}

export async function itemByKey(t: TestPlatform, key: string) {
  return getCurrentItemVersion(t.db, key);
}

/** An application body for an item, as the applicant submits it online. */
export function application(item: ItemVersionView, extra: Record<string, unknown> = {}) {
  return { itemVersionId: item.id, situationCode: item.situations[0]?.handlingCode, channel: 'pc', formData: validForm(item.formSchema), materials: materialsFor(item), ...extra };
}

/** The actor of a demo login, for calling services directly (with an injected clock). */
export async function actorOf(t: TestPlatform, login: string) {
  const r = await t.as(login);
  return (await actorForToken(t.db, r.token!))!;
}

/** Submits an application as `login` and returns the case body. */
export async function submit(t: TestPlatform, login: string, item: ItemVersionView, extra: Record<string, unknown> = {}) {
  const r = await (await t.as(login)).post('/api/v1/cases', application(item, extra));
  if (r.statusCode !== 201) throw new Error(`submit failed: ${r.statusCode} ${r.body}`);
  return r.json();
}

export async function staffView(t: TestPlatform, login: string, caseId: string) {
  const r = await (await t.as(login)).get(`/api/v1/cases/${caseId}`);
  if (r.statusCode !== 200) throw new Error(`view failed: ${r.statusCode} ${r.body}`);
  return r.json();
}

/** Posts an action with the case's current version. */
export async function act(t: TestPlatform, login: string, caseId: string, path: string, body: Record<string, unknown> = {}) {
  const { version } = await staffView(t, 'admin.sun', caseId);
  return (await t.as(login)).post(`/api/v1/cases/${caseId}/${path}`, { version, ...body });
}

/** An instant given as Shanghai wall-clock time, e.g. at('2026-09-28 10:00'). */
export const at = (shanghai: string) => new Date(`${shanghai.replace(' ', 'T')}:00+08:00`);
/** The Shanghai day of an instant (deadlines are shown as dates). */
export const dayOf = (d: Date | string) => new Date(new Date(d).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export async function caseRow(t: TestPlatform, id: string) {
  return t.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Messages the notifications module queued for a user from one template (the user's inbox rows). */
export async function messagesTo(t: TestPlatform, login: string, template: string) {
  return t.db.selectFrom('messages as m').innerJoin('users as u', 'u.id', 'm.user_id').select(['m.id', 'm.title', 'm.body', 'm.channel'])
    .where('u.login', '=', login).where('m.template_key', '=', template).execute();
}

export async function userIdOf(t: TestPlatform, login: string) {
  return (await t.db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow()).id;
}
