// Tables of the search's editable parts — issue 4.

/**
 * The admin-edited synonym dictionary on top of the default one (server/modules/search/synonyms.ts):
 * a row replaces the default entry of its phrase; a row with an empty `means` switches that default off.
 * `means` is a JSON array of strings.
 */
export interface SearchSynonymTable {
  phrase: string; means: string; updated_at: string; updated_by: string | null;
}

export interface SearchTables {
  search_synonym: SearchSynonymTable;
}
