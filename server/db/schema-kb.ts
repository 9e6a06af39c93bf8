// Tables of the knowledge base (FAQ, notices, search feedback) — issue 4.

export interface KbCategoryTable { code: string; name_zh: string; name_en: string; sort: number }
/** state: draft → in_review → published → retired (guarded updates, like the catalog) */
export interface FaqTable {
  id: string; category_code: string;
  question_zh: string; answer_zh: string; question_en: string | null; answer_en: string | null;
  /** JSON array of strings: other ways people ask the same question */
  aliases: string;
  service_code: string | null;
  /** the linked service's department at the last save (scope for department admins), or null */
  owner_department: string | null;
  state: string;
  views: number; helpful_yes: number; helpful_no: number;
  created_at: string; updated_at: string; published_at: string | null; updated_by: string | null;
}
/** state: draft | published | retired; shown while publish_from ≤ now < publish_until */
export interface NoticeTable {
  id: string; title_zh: string; title_en: string; body_zh: string; body_en: string;
  /** JSON array of audience codes; empty = everyone */
  audiences: string;
  publish_from: string; publish_until: string | null; state: string;
  created_at: string; updated_at: string; updated_by: string | null;
}
/** reason: no_result | no_click | not_helpful; status: open | done. One row per (query, reason); a done row seen again reopens. */
export interface SearchBacklogTable {
  id: string; query: string; reason: string; faq_id: string | null; count: number;
  first_seen: string; last_seen: string; status: string;
  /** JSON: { action: 'new_faq' | 'alias' | 'dismiss', faq?: id } */
  resolution: string | null; resolved_at: string | null; resolved_by: string | null;
}

export interface KnowledgeBaseTables {
  kb_category: KbCategoryTable;
  faq: FaqTable;
  notice: NoticeTable;
  search_backlog: SearchBacklogTable;
}
