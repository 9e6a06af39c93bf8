// Tables of guided navigation (智能导办) — issue 4.

/** One question tree per life event; `tree` is the JSON of common/assistant.ts NavigatorTree. */
export interface NavigatorTreeTable {
  life_event: string; tree: string; version: number; updated_at: string; updated_by: string | null;
}

export interface NavigatorTables {
  navigator_tree: NavigatorTreeTable;
}
