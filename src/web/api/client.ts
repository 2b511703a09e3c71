import { isProblemDocument, type FieldProblem, type ProblemDocument } from '../../shared/problem.ts';

/**
 * The one HTTP client of the web app. JSON in and out, same-origin cookies, the CSRF double-submit header on
 * writes, and every failure turned into an ApiError carrying the server's problem document, so pages show the
 * Chinese detail and forms map `errors[].field` back onto their inputs.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: ProblemDocument;

  constructor(problem: ProblemDocument) {
    super(problem.detail || problem.title);
    this.status = problem.status;
    this.code = problem.code;
    this.problem = problem;
  }

  /** Field path → message, for forms. A body-level path such as `form.a.b` is kept as is; see fieldErrorsUnder. */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    const list: FieldProblem[] = this.problem.errors ?? (this.problem.field ? [{ field: this.problem.field, message: this.problem.detail }] : []);
    for (const e of list) if (!out[e.field]) out[e.field] = e.message;
    return out;
  }

  /** The field errors below one prefix (e.g. `form`), with the prefix removed: server paths → form paths. */
  fieldErrorsUnder(prefix: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [field, message] of Object.entries(this.fieldErrors)) {
      const norm = field.replace(/^\//, '').replace(/\//g, '.');
      if (norm.startsWith(`${prefix}.`)) out[norm.slice(prefix.length + 1)] = message;
    }
    return out;
  }
}

export const API_BASE = '/api/v1';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function readCookie(name: string): string | undefined {
  const hit = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return hit ? decodeURIComponent(hit.slice(name.length + 1)) : undefined;
}

/** Headers every write needs: the CSRF token repeated from the readable tb_csrf cookie. */
export function writeHeaders(method: string): Record<string, string> {
  const csrf = readCookie('tb_csrf');
  return UNSAFE.has(method.toUpperCase()) && csrf ? { 'x-csrf-token': csrf } : {};
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const url = path.startsWith('/api/') ? path : `${API_BASE}${path}`;
  if (!query) return url;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${url}?${s}` : url;
}

/** Turns any non-2xx answer into an ApiError, also when the body is not a problem document (proxy pages etc.). */
export async function problemFrom(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON: fall through to a generic problem */
  }
  if (isProblemDocument(body)) return new ApiError(body);
  return new ApiError({ type: 'about:blank', title: res.statusText || '请求失败', status: res.status, code: res.status === 0 ? 'NETWORK' : `HTTP_${res.status}`, detail: `请求失败（${res.status}），请稍后重试` });
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...writeHeaders(method), ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body), credentials: 'same-origin', signal: opts.signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError({ type: 'about:blank', title: '网络连接失败', status: 0, code: 'NETWORK', detail: '网络连接失败，请检查网络后重试' });
  }
  if (!res.ok) throw await problemFrom(res);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, { ...opts, body: body ?? {} }),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, { ...opts, body: body ?? {} }),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PATCH', path, { ...opts, body: body ?? {} }),
  delete: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts),
};

/** A fresh Idempotency-Key per submission attempt; kept by the caller so a retry repeats the same key. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
