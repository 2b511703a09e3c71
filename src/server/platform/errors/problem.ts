import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { AppError, type FieldProblem } from './app-error.js';
import { errorCatalogue, type ErrorCode } from './catalogue.js';

/** RFC 9457 problem details, with our stable code and the Chinese message. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  instance?: string;
  field?: string;
  errors?: FieldProblem[];
  [extra: string]: unknown;
}

const zodMessages: Record<string, string> = {
  invalid_type: '类型不正确',
  too_small: '内容过短或数值过小',
  too_big: '内容过长或数值过大',
  invalid_format: '格式不正确',
  unrecognized_keys: '包含不允许的字段',
  invalid_value: '取值不在允许范围内',
  invalid_union: '格式不正确',
  custom: '不符合要求',
};

export function zodProblems(issues: ZodError['issues'], prefix = ''): FieldProblem[] {
  return issues.map((i) => {
    const pathParts = [prefix, ...i.path.map(String)].filter(Boolean);
    const keys = i.code === 'unrecognized_keys' ? `：${(i as { keys: string[] }).keys.join(', ')}` : '';
    // A custom refinement carries its own Chinese message; built-in checks get a generic Chinese one.
    const message = i.code === 'custom' && /[\u4e00-\u9fa5]/.test(i.message) ? i.message : (zodMessages[i.code] ?? '不符合要求') + keys;
    return { field: pathParts.join('.') || '(body)', message };
  });
}

export function problemOf(code: ErrorCode, detail?: string, more: Partial<Problem> = {}): Problem {
  const entry = errorCatalogue[code];
  return { type: `https://tongban.dev/errors/${code}`, title: entry.title, status: entry.status, code, detail: detail ?? entry.title, ...more };
}

/** Maps anything thrown in a request to a problem document. Unknown errors become 500 without leaking internals. */
export function toProblem(err: unknown, request: FastifyRequest): Problem {
  const instance = request.url.split('?')[0];
  if (err instanceof AppError) {
    return problemOf(err.code, err.message, { instance, field: err.field ?? err.errors?.[0]?.field, errors: err.errors, ...err.extra });
  }
  const fe = err as FastifyError & { validation?: unknown; validationContext?: string };
  if (fe && typeof fe === 'object' && 'validation' in fe && fe.validation) {
    // fastify-type-provider-zod reports each zod issue as { keyword: code, instancePath, message, params }.
    const issues = (fe.validation as { keyword?: string; instancePath?: string; message?: string; params?: Record<string, unknown> }[]).map(
      (v) => ({ ...(v.params ?? {}), code: v.keyword, message: v.message ?? '', path: (v.instancePath ?? '').split('/').filter(Boolean) }),
    ) as unknown as ZodError['issues'];
    const errors = issues.length ? zodProblems(issues, fe.validationContext === 'body' ? '' : fe.validationContext) : [{ field: fe.validationContext ?? '(request)', message: fe.message }];
    return problemOf('VALIDATION_FAILED', `请求参数不符合要求：${errors.map((e) => `${e.field} ${e.message}`).join('；')}`, { instance, field: errors[0]?.field, errors });
  }
  if (err instanceof ZodError) {
    const errors = zodProblems(err.issues);
    return problemOf('VALIDATION_FAILED', undefined, { instance, field: errors[0]?.field, errors });
  }
  const code = fe?.code;
  const status = fe?.statusCode ?? 500;
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (err instanceof SyntaxError && status === 400)) return problemOf('MALFORMED_JSON', undefined, { instance });
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return problemOf('MALFORMED_JSON', '请求体为空', { instance });
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') return problemOf('UNSUPPORTED_MEDIA_TYPE', undefined, { instance });
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || code === 'FST_REQ_FILE_TOO_LARGE' || status === 413) return problemOf('PAYLOAD_TOO_LARGE', undefined, { instance });
  if (status === 429) return problemOf('RATE_LIMITED', undefined, { instance });
  if (status === 404) return problemOf('NOT_FOUND', undefined, { instance });
  if (status >= 400 && status < 500) return { ...problemOf('VALIDATION_FAILED', '请求不正确', { instance }), status };
  return problemOf('INTERNAL', '系统内部错误，请稍后重试', { instance });
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}
