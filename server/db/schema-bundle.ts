// Tables of life-event bundles (一件事一次办) — issue 3, C4. The parent/child columns of workflow_case
// (kind, parent_id, bundle_member) are declared with the rest of that table in schema-workflow.ts.

/** One version of a bundle: its merged form and members (common/bundle.ts BundleDefinition, as JSON). */
export interface BundleDefinitionTable {
  id: string; service_code: string; version: number; definition: string; created_at: string; created_by: string | null;
}

export interface BundleTables {
  bundle_definition: BundleDefinitionTable;
}
