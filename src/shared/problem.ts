/**
 * The error document every API answers with on failure (RFC 9457 problem+json with a stable code).
 * Mirrors src/server/platform/errors/problem.ts so the web can type what it receives.
 */
export interface FieldProblem {
  /** JSON path of the offending field, e.g. `form.applicant.idCard`. */
  field: string;
  message: string;
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  field?: string;
  errors?: FieldProblem[];
  [extra: string]: unknown;
}

export function isProblemDocument(v: unknown): v is ProblemDocument {
  return !!v && typeof v === 'object' && typeof (v as ProblemDocument).code === 'string' && typeof (v as ProblemDocument).status === 'number';
}
