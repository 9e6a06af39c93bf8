// Group commit (group-commit.ts) on SQLite and PostgreSQL: transactions arriving together all commit, each is all
// or nothing, one that fails leaves the others of its group alone, and on SQLite they share commits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, DIALECTS, type TestDb } from '../test/harness.ts';
import { groupCommitStats, groupTransaction } from './group-commit.ts';

describe.each(DIALECTS)('group commit on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect, { seed: false });
    await sql`create table gc_probe (id integer primary key, tag varchar(20) not null unique)`.execute(t.handle.db);
  }, 60_000);
  afterAll(async () => { await t?.drop(); });

  const rows = async () => (await sql<{ id: number; tag: string }>`select id, tag from gc_probe order by id`.execute(t.handle.db)).rows.map((r) => r.tag);
  const write = (id: number, tag: string, thenFail?: Error) => groupTransaction(t.handle.db, async (trx) => {
    await sql`insert into gc_probe (id, tag) values (${id}, ${tag})`.execute(trx);
    await sql`insert into gc_probe (id, tag) values (${id + 1000}, ${`${tag}-2`})`.execute(trx);
    if (thenFail) throw thenFail;
    return tag;
  });

  it('commits every transaction of a burst, and answers each with its own result', async () => {
    const before = groupCommitStats(t.handle.db);
    const tags = Array.from({ length: 30 }, (_, i) => `a${i}`);
    expect(await Promise.all(tags.map((tag, i) => write(i + 1, tag)))).toEqual(tags);
    expect((await rows()).filter((r) => r.startsWith('a'))).toHaveLength(60);
    const after = groupCommitStats(t.handle.db);
    if (dialect === 'sqlite') {
      expect(after.jobs - before.jobs).toBe(30);
      // They arrived together, so they shared commits.
      expect(after.commits - before.commits).toBeLessThan(5);
    } else expect(after).toEqual({ commits: 0, jobs: 0 });
  });

  it('undoes all of a failing transaction and nothing of the others in its group', async () => {
    const boom = new Error('refused');
    const results = await Promise.allSettled([write(101, 'b1'), write(102, 'b2', boom), write(103, 'b4-2'),
      // a constraint violation half-way (its second tag, b4-2, is taken): its first row must not stay
      write(104, 'b4'), write(105, 'b5')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBe(boom);
    expect((await rows()).filter((r) => r.startsWith('b'))).toEqual(['b1', 'b4-2', 'b5', 'b1-2', 'b4-2-2', 'b5-2']);
  });

  it('keeps working after a failed group', async () => {
    expect(await write(201, 'c1')).toBe('c1');
    expect((await rows()).filter((r) => r.startsWith('c'))).toEqual(['c1', 'c1-2']);
  });
});
