import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin } from 'kysely';
import { createTestDb, DIALECTS } from '../test/harness.ts';
import { insertRows, prepared } from './prepared.ts';

const person = prepared((db, p: { username: string; active: number }) => db.selectFrom('person')
  .select(['id', 'username', 'active']).where('username', '=', p.username).where('active', '=', p.active).orderBy('id'));

describe.each(DIALECTS)('prepared queries on %s', (dialect) => {
  let t: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => { t = await createTestDb(dialect); });
  afterAll(async () => { await t?.drop(); });

  it('answers as the builder does, with each run\'s own values, in and out of transactions', async () => {
    const db = t.handle.db;
    const direct = (u: string) => db.selectFrom('person').select(['id', 'username', 'active']).where('username', '=', u).where('active', '=', 1).orderBy('id').execute();
    for (const u of ['teacher', 'student', 'nobody', "o'brien"]) expect(await person.rows(db, { username: u, active: 1 })).toEqual(await direct(u));
    expect(await person.first(db, { username: 'teacher', active: 0 })).toBeUndefined();
    await db.transaction().execute(async (trx) => {
      expect((await person.first(trx, { username: 'teacher', active: 1 }))?.username).toBe('teacher');
    });
  });

  it('inserts rows with their columns, null included, one statement per shape', async () => {
    const db = t.handle.db;
    const row = (i: number, error: string | null) => ({ id: `prep-${dialect}-${i}`, kind: 'test', payload: '{}', attempts: 0, next_attempt_at: 'x', locked_until: null,
      done_at: null, failed_at: null, last_error: error, created_at: 'x' });
    await insertRows(db, 'outbox', [row(1, null)]);
    await insertRows(db, 'outbox', [row(2, 'boom'), row(3, null)]);
    const got = await db.selectFrom('outbox').select(['id', 'last_error']).where('kind', '=', 'test').orderBy('id').execute();
    expect(got).toEqual([{ id: `prep-${dialect}-1`, last_error: null }, { id: `prep-${dialect}-2`, last_error: 'boom' }, { id: `prep-${dialect}-3`, last_error: null }]);
  });

  it('refuses a parameter used other than as a plain value, and an undefined one', async () => {
    const db = t.handle.db;
    const bad = prepared((d, p: { n: string }) => d.selectFrom('person').select('id').where('username', 'in', [p.n, `${p.n}x`]));
    await expect(bad.rows(db, { n: 'teacher' })).rejects.toThrow(/not a plain bound value/);
    await expect(person.rows(db, { username: undefined as unknown as string, active: 1 })).rejects.toThrow(/undefined/);
  });

  it('lets plugins see every query: with one, the builder runs each time', async () => {
    let seen = 0;
    const counter: KyselyPlugin = { transformQuery: (a) => { seen++; return a.node; }, transformResult: async (a) => a.result };
    const db = t.handle.db.withPlugin(counter);
    await person.rows(db, { username: 'teacher', active: 1 });
    await person.rows(db, { username: 'student', active: 1 });
    expect(seen).toBe(2);
  });
});
