// In-memory view of the org tree, campuses and categories (small, read on every scope check).
// Rebuilt from the database whenever the catalog revision moves.
import type { Db } from '../../db/index.ts';
import type { Localized } from '../../../common/catalog.ts';

export interface OrgUnit { code: string; parent: string | null; kind: string; name: Localized; campus: string }
export interface Named { code: string; name: Localized }

export class OrgDirectory {
  readonly units = new Map<string, OrgUnit>();
  readonly campuses = new Map<string, Named & { address: Localized }>();
  readonly categories = new Map<string, Named & { sort: number }>();

  /** True when `unit` is `scope` itself or lies below it in the tree. */
  isWithin(unit: string, scope: string): boolean {
    let cur: string | null = unit;
    for (let guard = 0; cur && guard < 64; guard++) {
      if (cur === scope) return true;
      cur = this.units.get(cur)?.parent ?? null;
    }
    return false;
  }

  unitName(code: string): Named {
    return { code, name: this.units.get(code)?.name ?? { zh: code, en: code } };
  }

  categoryName(code: string): Named {
    return { code, name: this.categories.get(code)?.name ?? { zh: code, en: code } };
  }

  static async load(db: Db): Promise<OrgDirectory> {
    const dir = new OrgDirectory();
    const [units, campuses, categories] = await Promise.all([
      db.selectFrom('org_unit').selectAll().orderBy('sort').orderBy('code').execute(),
      db.selectFrom('campus').selectAll().orderBy('code').execute(),
      db.selectFrom('category').selectAll().orderBy('sort').orderBy('code').execute(),
    ]);
    for (const u of units) {
      dir.units.set(u.code, { code: u.code, parent: u.parent_code, kind: u.kind, name: { zh: u.name_zh, en: u.name_en }, campus: u.campus_code });
    }
    for (const c of campuses) {
      dir.campuses.set(c.code, { code: c.code, name: { zh: c.name_zh, en: c.name_en }, address: { zh: c.address_zh, en: c.address_en } });
    }
    for (const c of categories) dir.categories.set(c.code, { code: c.code, name: { zh: c.name_zh, en: c.name_en }, sort: c.sort });
    return dir;
  }
}
