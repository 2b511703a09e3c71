import type { Executor } from '../../platform/db/database.js';
import { agencyMap, shortAgencyName } from './agencies.js';
import * as repo from './repository.js';
import type { VersionRow } from './repository.js';
import type { ItemMaterialsTable } from './tables.js';
import type { Guide, ItemContent } from './schemas.js';

type MaterialRow = Omit<ItemMaterialsTable, 'id'> & { id: string };

/** A version with its situations and materials, the raw material of every view the catalog serves. */
export interface VersionBundle {
  row: VersionRow;
  situations: { seq: string; name: string; handling_code: string }[];
  materials: MaterialRow[];
  files: Map<string, { id: string; file_name: string; mime: string; size: number }>;
  agencyName: string;
  agencyShortName: string;
  agencyNature: string;
}

export async function loadBundles(db: Executor, rows: VersionRow[]): Promise<VersionBundle[]> {
  const ids = rows.map((r) => r.id);
  // Independent queries, sent together: one round trip of waiting instead of three after the version itself.
  const [situations, materials, fileRows, agencies] = await Promise.all([
    repo.findSituations(db, ids), repo.findMaterials(db, ids), repo.findFilesMetaOfVersions(db, ids), agencyMap(db),
  ]);
  const files = new Map(fileRows.map((f) => [f.id, f]));
  return rows.map((row) => {
    const agency = agencies.get(row.agency_id);
    return {
      row,
      situations: situations.filter((s) => s.version_id === row.id),
      materials: materials.filter((m) => m.version_id === row.id),
      files,
      agencyName: agency?.name ?? row.agency_id,
      agencyShortName: agency ? shortAgencyName(agency) : row.agency_id,
      agencyNature: agency?.nature ?? '法定机关',
    };
  });
}

export async function loadBundle(db: Executor, row: VersionRow): Promise<VersionBundle> {
  return (await loadBundles(db, [row]))[0];
}

const fileRef = (b: VersionBundle, id: string | null, itemRef: string, materialId: string, kind: 'blank' | 'sample') => {
  const f = id ? b.files.get(id) : undefined;
  return f ? { fileId: f.id, fileName: f.file_name, mime: f.mime, size: f.size, url: `/api/v1/catalog/items/${itemRef}/materials/${materialId}/${kind}-form` } : null;
};

export function materialView(b: VersionBundle, m: MaterialRow) {
  const itemRef = b.row.key;
  return {
    id: m.id,
    seq: m.seq,
    name: m.name,
    source: m.source,
    sourceAgency: m.source_agency,
    issuedByGovernment: m.issued_by_government,
    issueTimeRequirement: m.issue_time_requirement,
    originals: m.originals,
    copies: m.copies,
    medium: m.medium,
    required: m.required,
    note: m.note,
    eLicenceType: m.e_licence_type,
    exemptable: m.exemptable,
    formType: m.form_type,
    blankForm: fileRef(b, m.blank_form_file_id, itemRef, m.id, 'blank'),
    sampleForm: fileRef(b, m.sample_form_file_id, itemRef, m.id, 'sample'),
    count: m.count,
    maxSizeMb: m.max_size_mb,
  };
}

/** The editable content of a version, in the shape the admin API takes: a new draft starts from this. */
export function contentOf(b: VersionBundle): ItemContent {
  const r = b.row;
  const g = r.guide as Guide;
  return {
    ...g,
    name: r.name,
    kind: r.kind,
    serviceObjects: r.service_objects as ItemContent['serviceObjects'],
    audience: r.audience as ItemContent['audience'],
    themes: r.themes,
    lifeEvents: r.life_events,
    synonyms: r.synonyms,
    legalLimit: { days: r.legal_limit_days, unit: r.legal_limit_unit },
    committedLimit: { days: r.committed_limit_days, unit: r.committed_limit_unit },
    immediate: r.immediate,
    onlineDepth: r.online_depth,
    visits: r.visits,
    haoban: r.haoban,
    kuaiban: r.kuaiban,
    noVisit: r.no_visit,
    hallService: r.hall_service,
    channels: r.channels,
    situations: b.situations.map((s) => ({ seq: s.seq, name: s.name })),
    processKey: r.process_key,
    correctionTimeoutDays: r.correction_timeout_days,
    form: r.form_schema,
    changeNote: null,
    materials: b.materials.map((m) => ({
      name: m.name, source: m.source, sourceAgency: m.source_agency, issuedByGovernment: m.issued_by_government, issueTimeRequirement: m.issue_time_requirement,
      originals: m.originals, copies: m.copies, medium: m.medium, required: m.required, note: m.note, eLicenceType: m.e_licence_type,
      exemptable: m.exemptable, formType: m.form_type, count: m.count, maxSizeMb: m.max_size_mb,
      blankFormFileId: m.blank_form_file_id, sampleFormFileId: m.sample_form_file_id,
    })),
  };
}

const ROMAN = ['', 'I', 'II', 'III', 'IV'];

/** Everything a guide page shows for one version (GB/T 39046 table 4 elements, materials, forms, flags). */
export function guideView(b: VersionBundle) {
  const r = b.row;
  const g = r.guide as Guide;
  return {
    id: r.id,
    itemId: r.item_id,
    key: r.key,
    version: r.version,
    status: r.status,
    name: r.name,
    agency: { id: r.agency_id, name: b.agencyName, shortName: b.agencyShortName, nature: b.agencyNature },
    basicCode: r.basic_code,
    implementationCode: r.implementation_code,
    codeWarnings: r.code_warnings,
    itemType: r.item_type,
    level: r.level,
    kind: r.kind,
    serviceObjects: r.service_objects,
    audience: r.audience,
    themes: r.themes,
    lifeEvents: r.life_events,
    synonyms: r.synonyms,
    legalLimit: { days: r.legal_limit_days, unit: r.legal_limit_unit },
    committedLimit: { days: r.committed_limit_days, unit: r.committed_limit_unit },
    immediate: r.immediate,
    handlingType: r.immediate ? '即办件' : '承诺件',
    onlineDepth: r.online_depth,
    onlineDepthLabel: `${ROMAN[r.online_depth]}级`,
    visits: r.visits,
    haoban: r.haoban,
    kuaiban: r.kuaiban,
    noVisit: r.no_visit,
    hallService: r.hall_service,
    channels: r.channels,
    situations: b.situations.map((s) => ({ seq: s.seq, name: s.name, handlingCode: s.handling_code })),
    materials: b.materials.map((m) => materialView(b, m)),
    formSchema: r.form_schema,
    processKey: r.process_key,
    correctionTimeoutDays: r.correction_timeout_days,
    guide: g,
    changeNote: r.change_note,
    publishedAt: r.published_at,
    updatedAt: r.updated_at,
  };
}
export type GuideView = ReturnType<typeof guideView>;
