// One AppError with a closed set of codes, mapped to RFC 9457 problem+json in one place.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEMS, problemMessage, pickLang, type Lang, type ProblemCode } from '../../common/problems.ts';

export interface FieldProblem { path: string; message: string; sheet?: string; row?: number; column?: string; cell?: string }

export class AppError extends Error {
  readonly code: ProblemCode;
  readonly params: Record<string, string | number>;
  readonly errors: FieldProblem[] | undefined;
  constructor(code: ProblemCode, params: Record<string, string | number> = {}, errors?: FieldProblem[]) {
    super(code);
    this.code = code;
    this.params = params;
    this.errors = errors;
  }
}

export function requestLang(request: FastifyRequest): Lang {
  const q = (request.query as Record<string, unknown> | undefined)?.lang;
  if (q === 'en' || q === 'zh-CN') return q;
  return pickLang(request.headers['accept-language']);
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, err: AppError): FastifyReply {
  const lang = requestLang(request);
  const { status } = PROBLEMS[err.code];
  const body: Record<string, unknown> = {
    type: `https://onestop.dev/problems/${err.code.replace(/_/g, '-')}`,
    title: problemMessage(err.code, 'en', err.params),
    status,
    code: err.code,
    detail: problemMessage(err.code, lang, err.params),
    instance: request.url,
  };
  if (err.errors) body.errors = err.errors;
  return reply.code(status).type('application/problem+json; charset=utf-8').send(JSON.stringify(body));
}

interface AjvError { instancePath: string; keyword: string; params: Record<string, any>; message?: string }

const FIELD_MESSAGES: Record<string, { zh: string; en: string }> = {
  required: { zh: '必填项“{p}”缺失', en: 'required field "{p}" is missing' },
  additionalProperties: { zh: '不认识的字段“{p}”', en: 'unknown field "{p}"' },
  type: { zh: '类型应为 {p}', en: 'must be of type {p}' },
  minLength: { zh: '至少 {p} 个字符', en: 'must have at least {p} characters' },
  maxLength: { zh: '最多 {p} 个字符', en: 'must have at most {p} characters' },
  minimum: { zh: '不能小于 {p}', en: 'must be at least {p}' },
  maximum: { zh: '不能大于 {p}', en: 'must be at most {p}' },
  minItems: { zh: '至少 {p} 项', en: 'must have at least {p} entries' },
  maxItems: { zh: '最多 {p} 项', en: 'must have at most {p} entries' },
  pattern: { zh: '格式不正确', en: 'has the wrong format' },
  uniqueItems: { zh: '不能有重复项', en: 'must not repeat entries' },
  enum: { zh: '不是允许的取值', en: 'is not an allowed value' },
  const: { zh: '不是允许的取值', en: 'is not an allowed value' },
  anyOf: { zh: '不是允许的取值', en: 'is not an allowed value' },
  format: { zh: '格式不正确', en: 'has the wrong format' },
};

/** Turn Ajv errors into translated field problems; `where` is the request part (body, querystring, params). */
export function fieldProblems(errors: AjvError[], lang: Lang, where = ''): FieldProblem[] {
  const seen = new Set<string>();
  const out: Array<FieldProblem & { choice: boolean }> = [];
  for (const e of errors) {
    let path = e.instancePath || '';
    let p: unknown = '';
    if (e.keyword === 'required') { path = `${path}/${e.params.missingProperty}`; p = e.params.missingProperty; }
    else if (e.keyword === 'additionalProperties') { path = `${path}/${e.params.additionalProperty}`; p = e.params.additionalProperty; }
    else if (e.keyword === 'type') p = e.params.type;
    else p = e.params.limit ?? '';
    const key = `${path}|${e.keyword === 'anyOf' || e.keyword === 'const' ? 'choice' : e.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const m = FIELD_MESSAGES[e.keyword] ?? { zh: e.message ?? '无效', en: e.message ?? 'invalid' };
    const text = (lang === 'en' ? m.en : m.zh).replace('{p}', String(p));
    const choice = e.keyword === 'anyOf' || e.keyword === 'const';
    out.push({ path: where && where !== 'body' ? `${where}:${path || '/'}` : path || '/', message: text, choice });
  }
  // A failing union reports once per branch and once for itself; keep the deeper, more specific errors.
  return out
    .filter((f) => !(f.choice && out.some((g) => g !== f && !g.choice && g.path.startsWith(f.path))))
    .map(({ path, message }) => ({ path, message }));
}

export function errorHandler(error: FastifyError & { validation?: AjvError[]; validationContext?: string }, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) return sendProblem(reply, request, error);
  if (error.validation) {
    return sendProblem(reply, request, new AppError('validation_failed', {}, fieldProblems(error.validation, requestLang(request), error.validationContext)));
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE': return sendProblem(reply, request, new AppError('payload_too_large'));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': return sendProblem(reply, request, new AppError('unsupported_media_type'));
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY': return sendProblem(reply, request, new AppError('bad_json'));
    default: break;
  }
  if (error.statusCode === 429) return sendProblem(reply, request, new AppError('rate_limited'));
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    request.log.info({ err: error }, 'client error');
    return sendProblem(reply, request, new AppError(error.statusCode === 404 ? 'not_found' : 'validation_failed'));
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, request, new AppError('internal'));
}
