import type { ItemVersion } from '../../../api/admin.ts';

/**
 * Converts a version as the catalogue shows it (guide elements nested under `guide`, `formSchema`, materials with
 * their file objects) into the editable content the PATCH takes (flat guide fields, `form`, file ids), and
 * computes the patch: only the top-level fields that changed are sent.
 */
export type Content = Record<string, unknown>;

const TOP = ['name', 'legalLimit', 'committedLimit', 'immediate', 'onlineDepth', 'visits', 'haoban', 'kuaiban', 'noVisit', 'hallService', 'channels', 'processKey', 'correctionTimeoutDays'];
const MATERIAL_FIELDS = ['name', 'source', 'sourceAgency', 'issuedByGovernment', 'issueTimeRequirement', 'originals', 'copies', 'medium', 'required', 'note', 'eLicenceType', 'exemptable', 'formType', 'count', 'maxSizeMb'];

export function toContent(v: ItemVersion): Content {
  const c: Content = {};
  for (const k of TOP) if (k in v) c[k] = v[k];
  Object.assign(c, v.guide ?? {});
  c.form = v.formSchema;
  c.materials = (v.materials ?? []).map(toMaterialInput);
  return c;
}

export function toMaterialInput(m: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of MATERIAL_FIELDS) if (m[k] !== undefined) out[k] = m[k];
  const blank = m.blankForm as { fileId?: string } | null | undefined;
  const sample = m.sampleForm as { fileId?: string } | null | undefined;
  if (blank?.fileId) out.blankFormFileId = blank.fileId;
  if (sample?.fileId) out.sampleFormFileId = sample.fileId;
  return out;
}

export function diff(original: Content, edited: Content): Content {
  const patch: Content = {};
  for (const [k, v] of Object.entries(edited)) if (JSON.stringify(v) !== JSON.stringify(original[k])) patch[k] = v;
  return patch;
}
