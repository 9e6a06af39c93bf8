// Knowledge-base rows → API objects. Only the listed fields leave the server.
import type { FaqRow } from './repo.ts';
import type { KbCategoryTable, NoticeTable, SearchBacklogTable } from '../../db/schema-kb.ts';

const localized = (zh: string, en: string | null) => ({ zh, en: en ?? '' });

export function presentCategory(c: KbCategoryTable, count: number) {
  return { code: c.code, name: localized(c.name_zh, c.name_en), count };
}

export function presentFaqSummary(f: Pick<FaqRow, 'id' | 'category_code' | 'question_zh' | 'question_en' | 'service_code'>) {
  return { id: f.id, category: f.category_code, question: localized(f.question_zh, f.question_en), service: f.service_code };
}

/** The content as an editor sees and writes it (FaqContent). */
export function presentFaqContent(f: FaqRow) {
  return {
    category: f.category_code, question: f.question_zh, answer: f.answer_zh,
    aliases: JSON.parse(f.aliases) as string[], service: f.service_code,
    en: f.question_en && f.answer_en ? { question: f.question_en, answer: f.answer_en } : null,
  };
}

export function presentAdminFaq(f: Pick<FaqRow, 'id' | 'category_code' | 'question_zh' | 'question_en' | 'service_code' | 'owner_department' | 'state' | 'views' | 'helpful_yes' | 'helpful_no' | 'updated_at'>) {
  return {
    ...presentFaqSummary(f), owner: f.owner_department, state: f.state, views: f.views,
    helpful: { yes: f.helpful_yes, no: f.helpful_no }, updatedAt: f.updated_at,
  };
}

export function presentNotice(n: NoticeTable) {
  return {
    id: n.id, title: localized(n.title_zh, n.title_en), body: localized(n.body_zh, n.body_en),
    audiences: JSON.parse(n.audiences) as string[], publishFrom: n.publish_from, publishUntil: n.publish_until,
  };
}

export function presentAdminNotice(n: NoticeTable) {
  return { ...presentNotice(n), state: n.state, updatedAt: n.updated_at };
}

export function presentBacklog(b: SearchBacklogTable) {
  return {
    id: b.id, query: b.query, reason: b.reason, faq: b.faq_id, count: b.count, firstSeen: b.first_seen, lastSeen: b.last_seen,
    status: b.status, resolution: b.resolution ? (JSON.parse(b.resolution) as Record<string, string>) : null, resolvedAt: b.resolved_at,
  };
}
