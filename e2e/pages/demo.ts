// What the demo university holds, read from the same data the server seeds, so the journeys can check
// that a page shows the real guide (its window, hours, fees …) rather than only that a heading exists.
import { serviceItems } from '../../demo/services/index.ts';
import { orgUnits } from '../../demo/org.ts';
import { categories } from '../../demo/categories.ts';
import type { ServiceItemContent } from '../../common/catalog.ts';

export function demoItem(code: string): ServiceItemContent {
  const item = serviceItems.find((s) => s.code === code);
  if (!item) throw new Error(`no demo item ${code}`);
  return item.content;
}

export function demoUnit(code: string) {
  const unit = orgUnits.find((u) => u.code === code);
  if (!unit) throw new Error(`no demo unit ${code}`);
  return unit.name;
}

export function demoCategory(code: string) {
  const cat = categories.find((c) => c.code === code);
  if (!cat) throw new Error(`no demo category ${code}`);
  return cat.name;
}

/** The demo items, most popular first (the portal's default order). */
export function mostPopular() {
  return [...serviceItems].sort((a, b) => (b.popularity ?? 0) - (a.popularity ?? 0) || a.code.localeCompare(b.code));
}

function within(unit: string, ancestor: string): boolean {
  for (let u: string | null | undefined = unit; u; u = orgUnits.find((x) => x.code === u)?.parent) {
    if (u === ancestor) return true;
  }
  return false;
}

/** The demo items a filter of the service list should find, most popular first. */
export function demoMatches(f: { audience?: string; department?: string; category?: string; lifeEvent?: string }) {
  return mostPopular().filter(({ content: c }) =>
    (!f.audience || (c.audiences as string[]).includes(f.audience)) &&
    (!f.lifeEvent || (c.lifeEvents as string[]).includes(f.lifeEvent)) &&
    (!f.category || c.category === f.category) &&
    (!f.department || within(c.department, f.department) || c.coDepartments.includes(f.department)));
}
