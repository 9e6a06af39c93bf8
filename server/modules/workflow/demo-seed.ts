// Loads the demo processes (demo/processes) with their forms, the reviewers they need and the person
// records forms bind to. Own transaction and own marker, so a database seeded before online applications
// existed gets them on its next start.
import type { Db } from '../../db/index.ts';
import { newId, nowIso } from '../../clock.ts';
import {
  demoProcesses, onboardingBundle, onboardingMembers, onboardingPeople, onboardingProfiles, processPeople, profileSeeds,
} from '../../../demo/processes/index.ts';
import { publishBundle } from './bundles.ts';
import { hashPassword } from '../auth/service.ts';
import { insertPersonWithRoles } from '../auth/repo.ts';
import { recordAudit } from '../audit/service.ts';
import { publishDefinitions } from './definitions.ts';
import type { ProcessDefinition } from './definition.ts';
import type { ProfileSeed } from '../../../demo/processes/people.ts';

const MARKER = 'demo_processes_seeded';

/** Replaces '@username' person references with the people's ids. */
function resolvePeople(def: ProcessDefinition, ids: Map<string, string>): ProcessDefinition {
  return JSON.parse(JSON.stringify(def), (key, value) => {
    if (key === 'personId' && typeof value === 'string' && value.startsWith('@')) {
      const id = ids.get(value.slice(1));
      if (!id) throw new Error(`demo process names unknown person ${value}`);
      return id;
    }
    return value;
  }) as ProcessDefinition;
}

async function insertProfiles(trx: Db, seeds: ProfileSeed[], ids: Map<string, string>, now: string) {
  for (const s of seeds) {
    const personId = ids.get(s.username);
    if (!personId) continue;
    await trx.insertInto('person_profile').values({
      person_id: personId, staff_no: s.staffNo, title: s.title, bank_name: s.bankName, bank_card: s.bankCard,
      hire_date: s.hireDate, supervisor_id: s.supervisor ? ids.get(s.supervisor) ?? null : null, updated_at: now,
    }).onConflict((oc) => oc.column('person_id').doNothing()).execute();
  }
}

/** Runs `fn` once per database, in one transaction, recorded by a marker row in `meta`. */
async function once(db: Db, marker: string, fn: (trx: Db, now: string) => Promise<void>): Promise<boolean> {
  const done = async () => !!(await db.selectFrom('meta').select('value').where('key', '=', marker).executeTakeFirst());
  if (await done()) return false;
  try {
    await db.transaction().execute(async (trx) => {
      const now = nowIso();
      await fn(trx, now);
      await trx.insertInto('meta').values({ key: marker, value: now }).execute();
    });
  } catch (err) {
    // Two processes starting together: the loser rolls back, the winner's rows are there.
    if (await done()) return false;
    throw err;
  }
  return true;
}

/** The 新教工入职 bundle, its five member services and their people; own marker, so older databases get it too. */
export async function seedDemoBundles(db: Db, password: string): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  return once(db, 'demo_bundles_seeded', async (trx, now) => {
    const existing = new Set((await trx.selectFrom('person').select('username').execute()).map((p) => p.username));
    for (const p of onboardingPeople) if (!existing.has(p.username)) await insertPersonWithRoles(trx, p, passwordHash, now);
    const ids = new Map((await trx.selectFrom('person').select(['id', 'username']).execute()).map((p) => [p.username, p.id]));
    await insertProfiles(trx, onboardingProfiles, ids, now);
    for (const d of onboardingMembers) await publishDefinitions(trx, null, d.service, d.form, resolvePeople(d.process, ids));
    await publishBundle(trx, null, onboardingBundle.service, onboardingBundle.definition);
  });
}

export async function seedDemoProcesses(db: Db, password: string): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  return once(db, MARKER, async (trx, now) => {
    const existing = new Set((await trx.selectFrom('person').select('username').execute()).map((p) => p.username));
    for (const p of processPeople) if (!existing.has(p.username)) await insertPersonWithRoles(trx, p, passwordHash, now);
    const ids = new Map((await trx.selectFrom('person').select(['id', 'username']).execute()).map((p) => [p.username, p.id]));
    await insertProfiles(trx, profileSeeds(), ids, now);
    for (const d of demoProcesses) await publishDefinitions(trx, null, d.service, d.form, resolvePeople(d.process, ids));
    await recordAudit(trx, { actorId: null, action: 'demo.seed_processes', entity: 'school', entityId: 'school', detail: { processes: demoProcesses.length } });
  });
}
