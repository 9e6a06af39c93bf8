// The demo knowledge base: demo/kb/categories.ts and every demo/kb/*.jsonl, loaded through the same
// import code as `onestop kb import`, published, and the demo notices (demo/kb/notices.ts). A bad line
// fails the seed and names its file and line.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/index.ts';
import { kbCategories } from '../../../demo/kb/categories.ts';
import { AppError } from '../../http/errors.ts';
import { importFaqs, parseJsonl } from './files.ts';
import { insertMissingKbCategories } from './repo.ts';
import { demoNotices } from '../../../demo/kb/notices.ts';
import { newId } from '../../clock.ts';

export const DEMO_KB_DIR = path.resolve(import.meta.dirname, '../../../demo/kb');

/** Loads the demo knowledge base inside the caller's transaction; returns the number of FAQs. */
export async function seedDemoKb(trx: Db): Promise<number> {
  await insertMissingKbCategories(trx, kbCategories);
  const files = fs.existsSync(DEMO_KB_DIR) ? fs.readdirSync(DEMO_KB_DIR).filter((f) => f.endsWith('.jsonl')).sort() : [];
  let count = 0;
  for (const file of files) {
    const { records, problems } = parseJsonl(fs.readFileSync(path.join(DEMO_KB_DIR, file), 'utf8'), 'en');
    try {
      await importFaqs(trx, records, problems, { publish: true, actorId: null, source: `demo/kb/${file}`, lang: 'en' });
    } catch (err) {
      if (err instanceof AppError && err.errors) {
        throw new Error(`demo/kb/${file} is invalid:\n${err.errors.slice(0, 10).map((e) => `  line ${e.row}: ${e.path} ${e.message}`).join('\n')}`);
      }
      throw err;
    }
    count += records.length;
  }
  await seedDemoNotices(trx);
  return count;
}

/** The demo's notices, published around the day of seeding; once only (a hall that has notices keeps its own). */
async function seedDemoNotices(trx: Db): Promise<void> {
  if (await trx.selectFrom('notice').select('id').limit(1).executeTakeFirst()) return;
  const now = Date.now();
  const day = (n: number) => new Date(now + n * 86_400_000).toISOString();
  for (const n of demoNotices) {
    const id = newId();
    await trx.insertInto('notice').values({
      id, title_zh: n.title.zh, title_en: n.title.en, body_zh: n.body.zh, body_en: n.body.en,
      audiences: JSON.stringify(n.audiences), publish_from: day(n.fromDays), publish_until: n.untilDays === null ? null : day(n.untilDays),
      state: 'published', created_at: day(0), updated_at: day(0), updated_by: null,
    }).execute();
  }
}
