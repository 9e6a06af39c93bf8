// The assistant's queries: FAQ texts in both languages, and which services take online applications.
import type { Db } from '../../db/index.ts';

/** Published knowledge-base FAQs by id, with both languages' question and answer. */
export function faqTexts(db: Db, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('faq').select(['id', 'question_zh', 'question_en', 'answer_zh', 'answer_en', 'service_code'])
    .where('id', 'in', ids).where('state', '=', 'published').execute();
}

/** The codes among `codes` that have an online application process. */
export async function onlineServices(db: Db, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  // A life-event bundle (一件事一次办) is applied for online too, through its merged form.
  const rows = await db.selectFrom('process_definition').select('service_code').where('service_code', 'in', codes)
    .union(db.selectFrom('bundle_definition').select('service_code').where('service_code', 'in', codes)).execute();
  return new Set(rows.map((r) => r.service_code));
}
