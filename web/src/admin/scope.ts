// Which offices a signed-in person may manage items for, from their roles and the org tree.
import type { Me, Meta } from '../api/types.ts';

const MANAGING = new Set(['dept_admin', 'hall_manager', 'system_admin']);

/** Office codes under the person's management scopes; null when a scope is the whole school. */
export function manageableDepartments(me: Me | null, meta: Meta | undefined): string[] | null {
  if (!me || !meta) return [];
  const scopes = me.roles.filter((r) => MANAGING.has(r.role)).map((r) => r.scope);
  const root = meta.departments.find((d) => d.parent === null)?.code ?? 'school';
  if (scopes.some((s) => s === 'school' || s === root)) return null;
  const children = new Map<string, string[]>();
  for (const d of meta.departments) {
    if (d.parent) children.set(d.parent, [...(children.get(d.parent) ?? []), d.code]);
  }
  const out = new Set<string>();
  const visit = (code: string) => {
    if (out.has(code)) return;
    out.add(code);
    for (const c of children.get(code) ?? []) visit(c);
  };
  scopes.forEach(visit);
  return [...out];
}
