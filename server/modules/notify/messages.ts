// The words of each notification, in the recipient's language: a short subject, a plain-text body with
// the case number, the service and a link, and a one-line SMS. Plain text only: nothing here is HTML.
import type { NotifyEvent } from '../workflow/engine.ts';

/** The engine's events plus the timers' (80 % of a step's limit, overdue, escalated to the supervisor). */
export type MessageEvent = NotifyEvent | 'task_due_soon' | 'task_overdue' | 'task_escalated'
  | 'case_due_soon' | 'case_overdue' | 'case_escalated' | 'case_delayed'; // the case's promised limit (case-timers.ts)

export type Lang = 'zh' | 'en';

export interface MessageContext {
  event: MessageEvent;
  recipientName: string;
  caseNumber: string;
  service: { zh: string; en: string };
  /** absolute link to the case (applicant) or the task (staff) */
  link: string;
}

export interface ComposedMessage { subject: string; text: string; sms: string }

const WORDS: Record<MessageEvent, Record<Lang, { subject: string; line: string }>> = {
  task_assigned: {
    zh: { subject: '待办：{service}（{number}）', line: '有一件“{service}”的办件（编号 {number}）等待您审核办理。' },
    en: { subject: 'To do: {service} ({number})', line: 'A case of “{service}” (number {number}) is waiting for your review.' },
  },
  case_returned: {
    zh: { subject: '请补正：{service}（{number}）', line: '您申请的“{service}”（编号 {number}）需要补正，所有问题已一次性列出，请修改后重新提交。' },
    en: { subject: 'Please correct: {service} ({number})', line: 'Your application for “{service}” (number {number}) needs corrections. Every problem is listed at once; please correct them and resubmit.' },
  },
  case_completed: {
    zh: { subject: '已办结：{service}（{number}）', line: '您申请的“{service}”（编号 {number}）已办结。' },
    en: { subject: 'Completed: {service} ({number})', line: 'Your application for “{service}” (number {number}) is completed.' },
  },
  case_rejected: {
    zh: { subject: '未通过：{service}（{number}）', line: '您申请的“{service}”（编号 {number}）未予通过，原因请查看办件详情。' },
    en: { subject: 'Not approved: {service} ({number})', line: 'Your application for “{service}” (number {number}) was not approved; the reason is on the case page.' },
  },
  task_due_soon: {
    zh: { subject: '即将到期：{service}（{number}）', line: '您待办的“{service}”（编号 {number}）已用去八成办理时限，请尽快处理。' },
    en: { subject: 'Due soon: {service} ({number})', line: 'Your task on “{service}” (number {number}) has used 80% of its time limit; please handle it soon.' },
  },
  task_overdue: {
    zh: { subject: '已超期：{service}（{number}）', line: '您待办的“{service}”（编号 {number}）已超过办理时限，请立即处理。' },
    en: { subject: 'Overdue: {service} ({number})', line: 'Your task on “{service}” (number {number}) is past its time limit; please handle it now.' },
  },
  task_escalated: {
    zh: { subject: '超期督办：{service}（{number}）', line: '您部门的“{service}”办件（编号 {number}）已超期未办，请督促处理。' },
    en: { subject: 'Escalated: {service} ({number})', line: 'A case of “{service}” (number {number}) in your unit is overdue; please see that it is handled.' },
  },
  case_due_soon: {
    zh: { subject: '办件即将超出承诺时限：{service}（{number}）', line: '您经办的“{service}”办件（编号 {number}）已用去八成承诺办结时限，请尽快办理。' },
    en: { subject: 'Promised date near: {service} ({number})', line: 'The case of “{service}” (number {number}) you are handling has used 80% of its promised time limit; please handle it soon.' },
  },
  case_overdue: {
    zh: { subject: '办件已超出承诺时限：{service}（{number}）', line: '您经办的“{service}”办件（编号 {number}）已超过承诺办结时限，请立即办理。' },
    en: { subject: 'Promised date passed: {service} ({number})', line: 'The case of “{service}” (number {number}) you are handling is past its promised time limit; please handle it now.' },
  },
  case_escalated: {
    zh: { subject: '超时督办：{service}（{number}）', line: '“{service}”办件（编号 {number}）已超过向申请人承诺的办结时限，请督促经办人尽快办结。' },
    en: { subject: 'Escalated: {service} ({number}) missed its promised date', line: 'The case of “{service}” (number {number}) is past the time limit promised to the applicant; please see that it is finished soon.' },
  },
  case_delayed: {
    zh: { subject: '办理超时说明：{service}（{number}）', line: '很抱歉，您申请的“{service}”（编号 {number}）未能在承诺时限内办结，我们已督促承办部门尽快办理。' },
    en: { subject: 'Delayed: {service} ({number})', line: 'We are sorry: your application for “{service}” (number {number}) was not finished within the promised time limit. The handling office has been asked to finish it soon.' },
  },
  case_withdrawn: {
    zh: { subject: '已撤回：{service}（{number}）', line: '“{service}”的办件（编号 {number}）已由申请人撤回，无需再处理。' },
    en: { subject: 'Withdrawn: {service} ({number})', line: 'The case of “{service}” (number {number}) was withdrawn by the applicant; nothing more to do.' },
  },
};

const fill = (s: string, ctx: MessageContext, lang: Lang) =>
  s.replaceAll('{service}', ctx.service[lang] || ctx.service.zh).replaceAll('{number}', ctx.caseNumber);

export function composeMessage(ctx: MessageContext, lang: Lang): ComposedMessage {
  const w = WORDS[ctx.event][lang];
  const line = fill(w.line, ctx, lang);
  const greeting = lang === 'zh' ? `${ctx.recipientName}，您好：` : `Dear ${ctx.recipientName},`;
  const open = lang === 'zh' ? `查看详情：${ctx.link}` : `Details: ${ctx.link}`;
  const sign = lang === 'zh' ? '一站通 · 一站式服务大厅\n（本邮件由系统自动发送，请勿直接回复。）' : 'OneStop service hall\n(This message was sent automatically; please do not reply.)';
  return {
    subject: fill(w.subject, ctx, lang),
    text: `${greeting}\n\n${line}\n\n${open}\n\n${sign}\n`,
    sms: lang === 'zh' ? `【一站通】${line}` : `[OneStop] ${line}`,
  };
}
