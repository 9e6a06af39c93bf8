// Typed fetch wrapper: same-origin cookies, CSRF header on changes, the UI language, problem+json errors.
import type { Locale } from './types.ts';

/**
 * One field problem of an RFC 9457 body; `path` is a JSON pointer such as `/materials/0/name/zh`.
 * Problems in an uploaded workbook also say where: sheet, row, column (header) and cell ("C7").
 */
export interface FieldProblem { path: string; message: string; sheet?: string; row?: number; column?: string; cell?: string }

/** An RFC 9457 problem returned by the server; `detail` is already in the request's language. */
export class ProblemError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldProblem[];
  constructor(status: number, code: string, detail: string, errors: FieldProblem[] = []) {
    super(detail);
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.errors = errors;
  }
}

let csrfToken = '';
let language: Locale = 'zh-CN';

/** Remember the session's CSRF token (from GET /api/v1/auth/me or the login answer). */
export function setCsrfToken(token: string) {
  csrfToken = token;
}

/** Requests carry this language so the server translates `detail` for us. */
export function setApiLanguage(locale: Locale) {
  language = locale;
}

type Query = Record<string, string | number | boolean | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function toProblem(res: Response): Promise<ProblemError> {
  const fallback = language === 'en' ? `Request failed (${res.status}).` : `请求失败（${res.status}）。`;
  try {
    const body = (await res.json()) as Partial<{ code: string; detail: string; title: string; errors: FieldProblem[] }>;
    return new ProblemError(res.status, body.code ?? 'unknown', body.detail ?? body.title ?? fallback, body.errors ?? []);
  } catch {
    return new ProblemError(res.status, 'unknown', fallback);
  }
}

/** A request index.html started before the bundle loaded (see its inline script). */
interface Preloaded { promise: Promise<unknown>; data?: unknown; done?: boolean; failed?: boolean }

function preloads(): Record<string, Preloaded> {
  return (window as unknown as { __onestopPreload?: Record<string, Preloaded> }).__onestopPreload ?? {};
}

/** The answer index.html already has for this GET, if any (synchronously; each answer is used once). */
export function takePreloaded<T>(path: string, query?: Query): T | undefined {
  const url = withQuery(path, query);
  const entry = preloads()[url];
  if (!entry?.done) return undefined;
  delete preloads()[url];
  return entry.data as T;
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query, extraHeaders?: Record<string, string>): Promise<T> {
  if (method === 'GET') {
    const url = withQuery(path, query);
    const entry = preloads()[url];
    if (entry) {
      delete preloads()[url];
      // A failed early request is simply made again, so errors read the same as ever.
      try { return (await entry.promise) as T; } catch { /* ask again below */ }
    }
  }
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  Object.assign(headers, extraHeaders);
  let res: Response;
  try {
    res = await fetch(withQuery(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    const detail = language === 'en' ? 'Cannot reach the server; please check your network.' : '无法连接服务器，请检查网络。';
    throw new ProblemError(0, 'network', detail);
  }
  if (!res.ok) throw await toProblem(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** POST a file as the raw request body (e.g. an .xlsx workbook), with the CSRF header. */
async function upload<T>(path: string, file: Blob, contentType: string, query?: Query): Promise<T> {
  let res: Response;
  try {
    res = await fetch(withQuery(path, query), {
      method: 'POST',
      headers: { Accept: 'application/json', 'Accept-Language': language, 'Content-Type': contentType, 'x-csrf-token': csrfToken },
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ProblemError(0, 'network', language === 'en' ? 'Cannot reach the server; please check your network.' : '无法连接服务器，请检查网络。');
  }
  if (!res.ok) throw await toProblem(res);
  return (await res.json()) as T;
}

/** GET a file and save it in the browser under the server's file name (Content-Disposition) or `fallbackName`. */
async function download(path: string, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { 'Accept-Language': language }, credentials: 'same-origin' });
  } catch {
    throw new ProblemError(0, 'network', language === 'en' ? 'Cannot reach the server; please check your network.' : '无法连接服务器，请检查网络。');
  }
  if (!res.ok) throw await toProblem(res);
  const name = /filename="?([^";]+)"?/i.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const api = {
  upload,
  download,
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('POST', path, body, undefined, headers),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
};

/** The message to show for any error thrown by a request. */
export function errorText(err: unknown): string {
  if (err instanceof ProblemError) return err.detail;
  return err instanceof Error ? err.message : String(err);
}
