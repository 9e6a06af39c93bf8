// Seeds the demo university: campuses, org tree, categories, demo people and the catalog.
import type { Db } from './db/index.ts';
import { newId, nowIso } from './clock.ts';
import { campuses, orgUnits } from '../demo/org.ts';
import { categories } from '../demo/categories.ts';
import { people } from '../demo/people.ts';
import { serviceItems } from '../demo/services/index.ts';
import { hashPassword } from './modules/auth/service.ts';
import { insertPersonWithRoles } from './modules/auth/repo.ts';
import { recordAudit } from './modules/audit/service.ts';
import { OrgDirectory } from './modules/org/directory.ts';
import { checkItems, importItems } from './modules/catalog/bulk.ts';
import { seedDemoKb } from './modules/kb/demo.ts';
import { seedDemoBundles, seedDemoProcesses } from './modules/workflow/demo-seed.ts';
import { seedDemoNavigator } from './modules/navigator/demo.ts';

export const DEMO_PASSWORD = 'onestop-demo';

export async function isSeeded(db: Db): Promise<boolean> {
  return !!(await db.selectFrom('meta').select('value').where('key', '=', 'demo_seeded').executeTakeFirst());
}

/** Load the demo university once; returns false when it was already there. */
export async function seedDemo(db: Db): Promise<boolean> {
  if (await isSeeded(db)) {
    // A demo database seeded before the knowledge base existed gets the demo FAQs once.
    if (!(await db.selectFrom('meta').select('value').where('key', '=', 'demo_kb_seeded').executeTakeFirst())) {
      await db.transaction().execute(async (trx) => {
        await seedDemoKb(trx);
        await trx.insertInto('meta').values({ key: 'demo_kb_seeded', value: nowIso() }).execute();
      }).catch(async (err) => {
        if (!(await db.selectFrom('meta').select('value').where('key', '=', 'demo_kb_seeded').executeTakeFirst())) throw err;
      });
    }
    // Likewise the demo processes (online applications), in their own transaction.
    await seedDemoProcesses(db, DEMO_PASSWORD);
    await seedDemoBundles(db, DEMO_PASSWORD);
    // and the guided-navigation trees (only those missing: a manager's edits stay)
    await seedDemoNavigator(db);
    return false;
  }
  const now = nowIso();
  // Everyone in the demo shares one password: hash it once.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  try {
    await seedInTransaction(db, now, passwordHash);
  } catch (err) {
    // Two processes starting together on one new database: the second one's inserts collide with
    // the first's; its transaction rolls back and the demo is there all the same.
    if (await isSeeded(db)) return false;
    throw err;
  }
  await seedDemoProcesses(db, DEMO_PASSWORD);
  await seedDemoBundles(db, DEMO_PASSWORD);
  await seedDemoNavigator(db);
  return true;
}

async function seedInTransaction(db: Db, now: string, passwordHash: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const c of campuses) {
      await trx.insertInto('campus').values({ code: c.code, name_zh: c.name.zh, name_en: c.name.en, address_zh: c.address.zh, address_en: c.address.en }).execute();
    }
    // Parents before children.
    const ordered = [...orgUnits].sort((a, b) => depth(a.code) - depth(b.code));
    function depth(code: string): number {
      let d = 0;
      for (let u = orgUnits.find((x) => x.code === code); u?.parent; u = orgUnits.find((x) => x.code === u!.parent)) d++;
      return d;
    }
    for (const [i, u] of ordered.entries()) {
      await trx.insertInto('org_unit').values({ code: u.code, parent_code: u.parent, kind: u.kind, name_zh: u.name.zh, name_en: u.name.en, campus_code: u.campus, sort: i }).execute();
    }
    for (const c of categories) {
      await trx.insertInto('category').values({ code: c.code, name_zh: c.name.zh, name_en: c.name.en, sort: c.sort }).execute();
    }
    for (const p of people) await insertPersonWithRoles(trx, p, passwordHash, now);
    await recordAudit(trx, { actorId: null, action: 'demo.seed_org', entity: 'school', entityId: 'school', detail: { units: orgUnits.length, people: people.length } });
    const org = await OrgDirectory.load(trx);
    const problems = checkItems(serviceItems, org);
    if (problems.length) throw new Error(`demo catalog is invalid: ${JSON.stringify(problems.slice(0, 5))}`);
    await importItems(trx, null, serviceItems, { publish: true, source: 'demo' });
    await seedDemoKb(trx);
    await trx.insertInto('meta').values({ key: 'demo_kb_seeded', value: now }).execute();
    // Marked in the same transaction: a crash mid-seed leaves nothing, and the next start seeds again.
    await trx.insertInto('meta').values({ key: 'demo_seeded', value: now }).execute();
  });
}
