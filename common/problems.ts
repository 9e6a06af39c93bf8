// Stable problem codes (RFC 9457 `code` member) and their messages in both languages.
// The server picks the message by the request's language; the web shows `detail` as is.

export const PROBLEMS = {
  validation_failed: { status: 400, zh: '提交的内容有误，请检查标出的字段。', en: 'Some fields are invalid; please check the marked fields.' },
  bad_json: { status: 400, zh: '请求内容不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  unsupported_media_type: { status: 415, zh: '不支持该内容类型。', en: 'This content type is not supported.' },
  payload_too_large: { status: 413, zh: '提交的内容过大。', en: 'The request body is too large.' },
  unauthenticated: { status: 401, zh: '请先登录。', en: 'Please sign in first.' },
  bad_credentials: { status: 401, zh: '用户名或密码不正确。', en: 'Wrong username or password.' },
  csrf_failed: { status: 403, zh: '页面已过期，请刷新后重试。', en: 'The page has expired; please reload and try again.' },
  forbidden: { status: 403, zh: '您没有权限进行此操作。', en: 'You are not allowed to do this.' },
  not_found: { status: 404, zh: '找不到您要的内容。', en: 'Not found.' },
  service_not_found: { status: 404, zh: '找不到事项 {code}。', en: 'Service {code} was not found.' },
  definition_changed: { status: 409, zh: '在您编辑期间，他人已发布了新版本（表单第 {form} 版、流程第 {process} 版）。请查看变更并重新加载后再发布。', en: 'Someone published a newer version while you were editing (form version {form}, process version {process}). Please review the changes and reload before publishing.' },
  conflict: { status: 409, zh: '内容已被他人修改，请刷新后重试。', en: 'Someone else changed this; please reload and try again.' },
  code_taken: { status: 409, zh: '事项编码 {code} 已存在。', en: 'The service code {code} is already in use.' },
  wrong_state: { status: 409, zh: '事项当前状态为“{state}”，不能进行此操作。', en: 'The item is in state "{state}"; this action is not possible now.' },
  nothing_to_review: { status: 409, zh: '没有待审核的版本。', en: 'There is no version waiting for review.' },
  faq_not_found: { status: 404, zh: '找不到问答 {id}。', en: 'FAQ {id} was not found.' },
  faq_id_taken: { status: 409, zh: '问答编号 {id} 已存在。', en: 'The FAQ id {id} is already in use.' },
  faq_wrong_state: { status: 409, zh: '该问答当前状态为“{state}”，不能进行此操作。', en: 'The FAQ is in state "{state}"; this action is not possible now.' },
  notice_not_found: { status: 404, zh: '找不到该通知公告。', en: 'The notice was not found.' },
  backlog_closed: { status: 409, zh: '该条搜索反馈已处理。', en: 'This search feedback entry was already resolved.' },
  import_failed: { status: 422, zh: '导入文件有 {count} 处错误，未导入任何内容。', en: 'The file has {count} errors; nothing was imported.' },
  rule_broken: { status: 422, zh: '不符合业务规则：{reason}', en: 'Not allowed by the rules: {reason}' },
  // Online applications (workflow)
  service_not_online: { status: 422, zh: '事项 {code} 暂不支持网上申请。', en: 'Service {code} cannot be applied for online yet.' },
  idempotency_key_required: { status: 400, zh: '请求缺少 Idempotency-Key 头。', en: 'The Idempotency-Key header is missing.' },
  idempotency_key_reused: { status: 422, zh: '该 Idempotency-Key 已用于另一份不同的申请。', en: 'This Idempotency-Key was already used for a different application.' },
  case_not_found: { status: 404, zh: '找不到该办件。', en: 'Case not found.' },
  task_not_found: { status: 404, zh: '找不到该待办。', en: 'Task not found.' },
  case_finished: { status: 409, zh: '该办件已办结（{status}），不能再操作。', en: 'This case is finished ({status}); nothing more can be done to it.' },
  task_closed: { status: 409, zh: '该待办已被处理或已关闭，请刷新。', en: 'This task was already handled or closed; please reload.' },
  stale_version: { status: 409, zh: '该待办已被他人更新，请刷新后重试。', en: 'Someone else updated this task; please reload and try again.' },
  case_not_waiting: { status: 409, zh: '该办件当前不在等待您补正。', en: 'This case is not waiting for your correction.' },
  case_already_decided: { status: 409, zh: '已有审批意见，不能撤回。', en: 'A decision has already been made; the case can no longer be withdrawn.' },
  upload_type_refused: { status: 415, zh: '文件内容是 {type}，此处只接受 {accept}。', en: 'The file is {type}; only {accept} is accepted here.' },
  return_field_from_records: { status: 422, zh: '“{field}”来自学校记录，申请人无法修改，不能退回补正；如有误请由主管部门更正记录。', en: '"{field}" comes from the university\'s records, which the applicant cannot change, so it cannot be returned for correction; the office in charge corrects the records.' },
  action_not_allowed: { status: 422, zh: '当前环节不允许此操作：{reason}', en: 'This action is not allowed on this step: {reason}' },
  // Guided navigation (智能导办)
  navigator_not_found: { status: 404, zh: '没有“{lifeEvent}”的导办问答。', en: 'There is no guided navigation for "{lifeEvent}".' },
  navigator_invalid: { status: 422, zh: '导办问答有 {count} 处错误，未保存。', en: 'The question tree has {count} errors; nothing was saved.' },
  navigator_incomplete: { status: 422, zh: '还有问题没有回答（{node}）。', en: 'A question is still unanswered ({node}).' },
  // Search synonyms (同义词)
  synonym_not_found: { status: 404, zh: '词典里没有改动过的“{phrase}”。', en: '"{phrase}" has no change of yours in the dictionary.' },
  // Working-day calendar (W3)
  calendar_invalid: { status: 422, zh: '日历调整有 {count} 处错误，未保存任何内容。', en: 'The calendar changes have {count} errors; nothing was saved.' },
  rate_limited: { status: 429, zh: '尝试次数过多，请稍后再试。', en: 'Too many attempts; please try again later.' },
  internal: { status: 500, zh: '服务器出错了，请稍后再试。', en: 'Something went wrong on the server; please try again later.' },
} as const;

export type ProblemCode = keyof typeof PROBLEMS;
export type Lang = 'zh-CN' | 'en';

/** Fill `{name}` placeholders of the message for the language. */
export function problemMessage(code: ProblemCode, lang: Lang, params: Record<string, string | number> = {}): string {
  const template = lang === 'en' ? PROBLEMS[code].en : PROBLEMS[code].zh;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ''));
}

/** Pick the language from an Accept-Language header (zh-CN unless English is preferred). */
export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]!.trim().toLowerCase();
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
