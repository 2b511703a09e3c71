import type { Executor } from '../../platform/db/database.js';
import { AppError, type FieldProblem } from '../../platform/errors/app-error.js';
import { agencyMap, type AgencyInfo } from './agencies.js';
import { handlingCodeOf } from './codes.js';
import { formValidator } from './form-schema.js';
import * as repo from './repository.js';
import { Guide, type ItemContent } from './schemas.js';
import { toTsvectorLiteral } from './segment.js';

/**
 * Writing one version's content: the version row, its situations with their 33-char codes, its materials and
 * its search vector. Used by creation, draft edits, import and the demo loader, all inside the caller's transaction.
 */

const GUIDE_KEYS = Object.keys(Guide.shape) as (keyof Guide)[];
const FORM_NAME = /(申请书|申请表|登记表|审批表|备案表|告知承诺书|承诺书|表)$/;

/** Checks what zod cannot: a compilable form schema, unique situations, existing agencies and form files. */
export async function checkContent(db: Executor, content: Partial<ItemContent>): Promise<void> {
  const errors: FieldProblem[] = [];
  if (content.form) {
    try {
      formValidator(content.form); // compiled once per distinct schema, and kept for the forms filled against it
    } catch (e) {
      errors.push(...((e as AppError).errors ?? [{ field: 'form', message: String((e as Error).message) }]));
    }
  }
  const seqs = content.situations?.map((s) => s.seq) ?? [];
  if (new Set(seqs).size !== seqs.length) errors.push({ field: 'situations', message: '办理项序号不能重复' });
  if (content.coAgencies?.length) {
    const agencies = await agencyMap(db);
    content.coAgencies.forEach((id, i) => agencies.has(id) || errors.push({ field: `coAgencies.${i}`, message: `机构 ${id} 不存在` }));
  }
  const fileIds = (content.materials ?? []).flatMap((m) => [m.blankFormFileId, m.sampleFormFileId]).filter((x): x is string => !!x);
  const known = new Set((await repo.findFilesMeta(db, [...new Set(fileIds)])).map((f) => f.id));
  content.materials?.forEach((m, i) => {
    if (m.blankFormFileId && !known.has(m.blankFormFileId)) errors.push({ field: `materials.${i}.blankFormFileId`, message: '空白表格文件不存在' });
    if (m.sampleFormFileId && !known.has(m.sampleFormFileId)) errors.push({ field: `materials.${i}.sampleFormFileId`, message: '示例样表文件不存在' });
  });
  if (errors.length) throw new AppError('VALIDATION_FAILED', { detail: `事项内容不符合要求：${errors.map((e) => `${e.field} ${e.message}`).join('；')}`, errors });
}

function versionColumns(c: ItemContent) {
  const guide = Object.fromEntries(GUIDE_KEYS.map((k) => [k, c[k] ?? null])) as Guide;
  return {
    name: c.name,
    kind: c.kind,
    service_objects: c.serviceObjects,
    audience: c.audience,
    themes: c.themes,
    life_events: c.lifeEvents,
    synonyms: c.synonyms,
    legal_limit_days: c.legalLimit.days,
    legal_limit_unit: c.legalLimit.unit,
    committed_limit_days: c.committedLimit.days,
    committed_limit_unit: c.committedLimit.unit,
    immediate: c.immediate,
    online_depth: c.onlineDepth,
    visits: c.visits,
    haoban: c.haoban,
    kuaiban: c.kuaiban,
    no_visit: c.noVisit,
    hall_service: c.hallService,
    channels: JSON.stringify(c.channels),
    process_key: c.processKey,
    correction_timeout_days: c.correctionTimeoutDays,
    guide: JSON.stringify(guide),
    form_schema: JSON.stringify(c.form),
    change_note: c.changeNote ?? null,
  };
}

/** The search document: A name and synonyms, B themes and life events, C the department, D the conditions. */
export function searchLiteral(c: ItemContent, agency: AgencyInfo | undefined): string {
  return toTsvectorLiteral([
    { weight: 'A', texts: [c.name] },
    { weight: 'A', texts: c.synonyms, whole: true },
    { weight: 'B', texts: [...c.themes, ...c.lifeEvents], whole: true },
    { weight: 'C', texts: agency ? [agency.name, agency.shortName ?? ''] : [] },
    { weight: 'D', texts: [c.conditions ?? ''] },
  ]);
}

export interface ItemRef {
  id: string;
  agency_id: string;
  implementation_code: string;
}

/** Inserts (versionId null) or overwrites a draft version with the content; returns the version id. */
export async function writeVersion(
  tx: Executor,
  opts: { item: ItemRef; versionId: string | null; version: number; content: ItemContent; createdBy: string | null; handlingCodes?: Record<string, string> },
): Promise<string> {
  const { item, content } = opts;
  const cols = versionColumns(content);
  let versionId = opts.versionId;
  if (versionId) await repo.updateVersion(tx, versionId, cols);
  else versionId = (await repo.insertVersion(tx, { ...cols, item_id: item.id, version: opts.version, status: 'draft', created_by: opts.createdBy })).id;

  await repo.replaceSituations(
    tx,
    versionId,
    content.situations.map((s) => ({ seq: s.seq, name: s.name, handling_code: opts.handlingCodes?.[s.seq] ?? handlingCodeOf(item.implementation_code, s.seq) })),
  );
  await repo.replaceMaterials(
    tx,
    versionId,
    content.materials.map((m, i) => ({
      seq: i + 1,
      name: m.name,
      source: m.source,
      source_agency: m.sourceAgency ?? null,
      // 政府部门核发 is the denominator of the exempted-material ratio (indicator #8): infer it when not stated.
      issued_by_government: m.issuedByGovernment ?? (/政府|部门核发/.test(m.source) || !!m.eLicenceType),
      issue_time_requirement: m.issueTimeRequirement ?? null,
      originals: m.originals,
      copies: m.copies,
      medium: m.medium,
      required: m.required,
      note: m.note ?? null,
      e_licence_type: m.eLicenceType ?? null,
      exemptable: m.exemptable,
      form_type: m.formType ?? FORM_NAME.test(m.name),
      blank_form_file_id: m.blankFormFileId ?? null,
      sample_form_file_id: m.sampleFormFileId ?? null,
      count: m.count,
      max_size_mb: m.maxSizeMb,
    })),
  );
  const agency = (await agencyMap(tx)).get(item.agency_id);
  await repo.setSearchVector(tx, versionId, searchLiteral(content, agency));
  return versionId;
}
