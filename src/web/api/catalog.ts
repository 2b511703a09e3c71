import { api } from './client.ts';
import { asList, bool, elementText, num, optStr, pick, str, type Raw } from './normalize.ts';
import { GUIDE_ELEMENTS } from './guide-elements.ts';
import type { Facet, GuideMaterial, ItemGuide, ItemSummary, PortalHome, TimeLimit } from './types.ts';
import type { FormSchema } from '../../shared/form-schema.ts';

/** The catalog (事项库 / 办事指南) as the portal reads it. All URLs of the catalog API are here. */

function limitOf(v: unknown): TimeLimit {
  const o = (v ?? {}) as Raw;
  return { days: num(o, 0, 'days', 'value'), unit: str(o, 'unit') === 'natural' ? 'natural' : 'working' };
}

export function toItemSummary(o: Raw): ItemSummary {
  const limit = pick(o, 'committedLimit');
  return {
    key: str(o, 'key', 'itemKey', 'id'),
    name: str(o, 'name', 'itemName', 'title'),
    agencyName: str(o, 'agencyName', 'agency', 'department'),
    kind: optStr(o, 'kind') ?? undefined,
    onlineDepth: pick<number>(o, 'onlineDepth'),
    committedLimit: limit ? limitOf(limit) : undefined,
    summary: optStr(o, 'snippet', 'summary', 'headline') ?? undefined,
  };
}

const LEVELS: Record<number, string> = { 1: '国家级', 2: '省级', 3: '市级', 4: '县级（区级）', 5: '镇（乡、街道）级', 6: '村（社区）级' };
const MEDIA: Record<string, string> = { paper: '纸质', electronic: '电子', both: '纸质或电子', paper_and_electronic: '纸质和电子' };

/** A downloadable form is `{ url, fileName }` in the catalog; older shapes used a plain URL. */
function fileUrl(o: Raw, ...names: string[]): string | null {
  const v = pick(o, ...names);
  if (typeof v === 'string') return v;
  return v && typeof v === 'object' ? (pick<string>(v as Raw, 'url', 'href') ?? null) : null;
}

function toMaterial(o: Raw): GuideMaterial {
  return {
    id: str(o, 'id', 'materialId', 'key'),
    name: str(o, 'name'),
    required: pick(o, 'required') !== false,
    count: num(o, 1, 'count'),
    maxSizeMb: num(o, 20, 'maxSizeMb'),
    issuer: [optStr(o, 'sourceAgency', 'issuer'), optStr(o, 'source')].filter(Boolean).join(' · ') || null,
    originals: pick<number>(o, 'originals', 'originalCount'),
    copies: pick<number>(o, 'copies', 'copyCount'),
    form: MEDIA[str(o, 'medium')] ?? optStr(o, 'medium', 'form'),
    note: [optStr(o, 'note', 'description'), optStr(o, 'issueTimeRequirement')].filter(Boolean).join('；') || null,
    eLicenceType: optStr(o, 'eLicenceType'),
    exemptable: bool(o, 'exemptable'),
    exemptReason: optStr(o, 'exemptReason', 'exemptionReason', 'exemptBasis'),
    blankFormUrl: fileUrl(o, 'blankForm', 'blankFormUrl'),
    sampleFormUrl: fileUrl(o, 'sampleForm', 'sampleFormUrl'),
  };
}

/** Reads a guide whether its elements sit on the item version itself or in a nested `guide` object. */
export function toItemGuide(raw: Raw): ItemGuide {
  const g: Raw = { ...raw, ...((pick<Raw>(raw, 'guide') ?? {}) as Raw) };
  // Codes the guide stores are shown in words (行使层级 per GB/T 39046; 材料形式).
  g.level = LEVELS[num(g, 0, 'level')] ?? pick(g, 'level');
  delete g.itemType;
  const fee = pick<Raw>(g, 'fee');
  if (fee && typeof fee === 'object') g.feeText = fee.charged ? `收费。${elementText(pick(fee, 'basis'))}${pick(fee, 'standard') ? `；标准：${elementText(pick(fee, 'standard'))}` : ''}` : '不收费';
  const elements = GUIDE_ELEMENTS.map((e) => ({ key: e.key, value: elementText(pick(g, ...e.aliases)) })).filter((e) => e.value !== '');
  const channels = (pick<Record<string, boolean>>(g, 'channels') ?? {}) as ItemGuide['channels'];
  return {
    id: str(g, 'id', 'versionId'),
    key: str(g, 'key', 'itemKey'),
    version: num(g, 1, 'version'),
    name: str(g, 'name'),
    agencyName: str(g, 'agencyName', 'agency'),
    basicCode: str(g, 'basicCode'),
    implementationCode: str(g, 'implementationCode'),
    kind: str(g, 'kind'),
    itemType: optStr(g, 'itemType') ?? undefined,
    legalLimit: limitOf(pick(g, 'legalLimit')),
    committedLimit: limitOf(pick(g, 'committedLimit')),
    immediate: bool(g, 'immediate'),
    onlineDepth: num(g, 0, 'onlineDepth'),
    visits: num(g, 0, 'visits'),
    channels: { pc: channels.pc !== false, mobile: channels.mobile !== false, kiosk: channels.kiosk !== false, window: channels.window !== false },
    materials: asList(pick(g, 'materials')).map(toMaterial),
    situations: asList(pick(g, 'situations')).map((s) => ({ name: str(s, 'name'), handlingCode: str(s, 'handlingCode') })),
    formSchema: (pick<FormSchema>(g, 'formSchema', 'form') ?? { type: 'object', properties: {} }) as FormSchema,
    steps: asList(pick(g, 'steps', 'processSteps', 'process')).map((s) => ({ name: str(s, 'name', 'step'), handler: optStr(s, 'handler', 'role'), limit: optStr(s, 'limit', 'timeLimit'), standard: optStr(s, 'standard', 'criteria') })),
    locations: locationsOf(g),
    faq: asList(pick(g, 'faq', 'faqs')).map((f) => ({ question: str(f, 'question', 'q'), answer: str(f, 'answer', 'a') })),
    elements,
    blankForms: asList(pick(g, 'forms', 'formFiles', 'files')).map((f) => ({ name: str(f, 'name', 'fileName'), url: str(f, 'url', 'href') })).filter((f) => f.url),
    consultPhone: optStr(g, 'phone', 'consultPhone'),
    complaintPhone: optStr(g, 'supervisionPhone', 'complaintPhone'),
    expectedCompletion: pick<{ date: string; basis: string }>(g, 'expectedCompletion') ?? null,
  };
}

/** The catalog gives one 办理地点 text with 办理时间; a list of places is accepted too. */
function locationsOf(g: Raw): ItemGuide['locations'] {
  const list = asList(pick(g, 'locations', 'places'));
  if (list.length) return list.map((l) => ({ name: str(l, 'name', 'hallName'), address: optStr(l, 'address'), window: optStr(l, 'window', 'room'), hours: optStr(l, 'hours'), phone: optStr(l, 'phone'), appointment: bool(l, 'appointment') }));
  const where = optStr(g, 'location');
  return where ? [{ name: where, hours: optStr(g, 'hours'), phone: optStr(g, 'phone'), appointment: bool(g, 'appointment') }] : [];
}

/** Facets of the portal: a theme or life event by name, a department by agency id, an audience 个人 / 法人. */
export interface CatalogFilter {
  theme?: string;
  lifeEvent?: string;
  agencyId?: string;
  audience?: '个人' | '法人';
}

function tagFacets(answer: unknown): Facet[] {
  return asList(answer).map((t) => ({ key: str(t, 'name'), name: str(t, 'name'), count: pick<number>(t, 'count') }));
}

/** Themes ranked by how many items of one audience carry them (the themes endpoint does not split by audience). */
function themesOf(items: Raw[]): Facet[] {
  const counts = new Map<string, number>();
  for (const i of items) for (const t of (pick<string[]>(i, 'themes') ?? [])) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([name, count]) => ({ key: name, name, count }));
}

export const catalogApi = {
  /** Free text goes to the Chinese full-text search; browsing a facet without text lists the published items. */
  async search(q: string, opts: CatalogFilter & { limit?: number; signal?: AbortSignal } = {}) {
    const { signal, limit, ...filter } = opts;
    const answer = q.trim()
      ? await api.get<unknown>('/catalog/search', { query: { q: q.trim(), theme: filter.theme, agencyId: filter.agencyId, audience: filter.audience, limit: Math.min(limit ?? 20, 50) }, signal })
      : await api.get<unknown>('/catalog/items', { query: { ...filter, limit: limit ?? 50 }, signal });
    const items = asList(answer).map(toItemSummary);
    const total = num(answer as Raw, -1, 'total');
    return { items, total: total >= 0 ? total : items.length };
  },
  async suggest(q: string, signal?: AbortSignal): Promise<ItemSummary[]> {
    return (await catalogApi.search(q, { limit: 8, signal })).items;
  },
  async guide(keyOrId: string): Promise<ItemGuide> {
    return toItemGuide(await api.get<Raw>(`/catalog/items/${encodeURIComponent(keyOrId)}`));
  },
  async home(): Promise<PortalHome> {
    const [popular, person, enterprise, lifeEvents, departments] = await Promise.all([
      api.get<unknown>('/catalog/items', { query: { limit: 12 } }),
      api.get<unknown>('/catalog/items', { query: { audience: '个人', limit: 200 } }),
      api.get<unknown>('/catalog/items', { query: { audience: '法人', limit: 200 } }),
      api.get<unknown>('/catalog/life-events'),
      api.get<unknown>('/catalog/departments'),
    ]);
    return {
      popular: asList(popular).map(toItemSummary),
      personThemes: themesOf(asList(person)),
      enterpriseThemes: themesOf(asList(enterprise)),
      lifeEvents: tagFacets(lifeEvents),
      departments: asList(departments).map((d) => ({ key: str(d, 'id'), name: str(d, 'shortName', 'name'), count: pick<number>(d, 'itemCount') })),
    };
  },
};
