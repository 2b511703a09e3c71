import { errorCatalogue, type ErrorCode } from './catalogue.js';

export interface FieldProblem {
  /** JSON path of the offending field, e.g. `form.applicant.idCard`. */
  field: string;
  message: string;
}

/** A business error with a stable code from the catalogue. Thrown by services, mapped to RFC 9457 by the HTTP layer. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly field?: string;
  readonly errors?: FieldProblem[];
  readonly extra?: Record<string, unknown>;

  constructor(code: ErrorCode, opts: { detail?: string; field?: string; errors?: FieldProblem[]; extra?: Record<string, unknown> } = {}) {
    super(opts.detail ?? errorCatalogue[code].title);
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.field = opts.field;
    this.errors = opts.errors;
    this.extra = opts.extra;
  }
}

export const notFound = (what = '资源') => new AppError('NOT_FOUND', { detail: `${what}不存在` });
export const forbidden = (detail?: string) => new AppError('FORBIDDEN', { detail });
