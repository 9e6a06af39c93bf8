// Hot, fixed-shape queries built and compiled by Kysely once per dialect, then run with new parameters.
// Building and compiling a query costs more than SQLite takes to run most of ours (a submission's profile:
// ~17 % of its CPU in Kysely). A prepared query is an ordinary typed Kysely builder written against
// placeholder parameters: the first run compiles it and remembers which bound value is which parameter;
// later runs send the same SQL text with the new values. A Kysely with plugins (the statement counter of
// bench/cases-http/queries.ts) sees every query: there the builder runs with the real values each time.
import type { Compilable, CompiledQuery, Insertable } from 'kysely';
import type { Db } from './index.ts';
import type { Database } from './schema.ts';

const MARK = '\u0000onestop-param:';
type Slot = { key: string } | { value: unknown };
interface Shape { compiled: CompiledQuery; slots: Slot[] }
/** Compiled shapes per dialect adapter (a transaction shares its database's adapter). */
const shapes = new WeakMap<object, Map<unknown, Shape>>();

function shapeOf(db: Db, id: unknown, build: (p: Record<string, unknown>) => Compilable<unknown>): Shape {
  const adapter = db.getExecutor().adapter;
  let byId = shapes.get(adapter);
  if (!byId) shapes.set(adapter, byId = new Map());
  let shape = byId.get(id);
  if (shape) return shape;
  const used = new Set<string>();
  const p = new Proxy({}, { get: (_t, k) => { if (typeof k !== 'string') return undefined; used.add(k); return MARK + k; } });
  const compiled = build(p).compile();
  const slots: Slot[] = compiled.parameters.map((v) => (typeof v === 'string' && v.startsWith(MARK) && used.has(v.slice(MARK.length)) ? { key: v.slice(MARK.length) } : { value: v }));
  // Every parameter must travel as one bound value, untouched: not in the SQL text, not inside another value.
  const bound = new Set(slots.flatMap((s) => ('key' in s ? [s.key] : [])));
  const stray = compiled.sql.includes(MARK) || slots.some((s) => 'value' in s && JSON.stringify(s.value ?? null).includes('onestop-param:'));
  if (stray || [...used].some((k) => !bound.has(k))) throw new Error(`prepared query: a parameter is not a plain bound value in ${compiled.sql}`);
  byId.set(id, shape = { compiled, slots });
  if (!names.has(compiled.sql)) names.set(compiled.sql, `onestop_${names.size + 1}`);
  return shape;
}

/** The SQL text of every shape compiled here, with a statement name for PostgreSQL (see statementName). */
const names = new Map<string, string>();

/**
 * The name under which PostgreSQL may keep `sql` as a prepared statement on each connection, if it is the text of
 * a prepared query: the server then parses and plans it once per connection instead of on every run (db/index.ts
 * names it when the pool's client is asked to run it). Other queries, of shapes that vary, stay unnamed.
 */
export function statementName(sql: string): string | undefined {
  return names.get(sql);
}

function run<P extends Record<string, unknown>>(db: Db, shape: Shape, p: P) {
  const parameters = shape.slots.map((s) => {
    if ('value' in s) return s.value;
    const v = p[s.key];
    if (v === undefined) throw new Error(`prepared query: parameter ${s.key} is undefined`);
    return v;
  });
  return db.executeQuery({ ...shape.compiled, parameters });
}

const plain = (db: Db) => db.getExecutor().plugins.length > 0;

/** A query of fixed shape whose values come from `p`: every `p.x` must be used as a plain value (compared, inserted, set). */
export function prepared<P extends Record<string, unknown>, O>(build: (db: Db, p: P) => Compilable<O>) {
  const id = {};
  return {
    async rows(db: Db, p: P): Promise<O[]> {
      if (plain(db)) return (await db.executeQuery(build(db, p))).rows;
      return (await run(db, shapeOf(db, id, (x) => build(db, x as P)), p)).rows as O[];
    },
    async first(db: Db, p: P): Promise<O | undefined> {
      return (await this.rows(db, p))[0];
    },
  };
}

/** Inserts rows of one table; the statement is compiled once per set of columns given and number of rows. */
export async function insertRows<T extends keyof Database & string>(db: Db, table: T, rows: Insertable<Database[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const keyed = rows.map((r) => Object.entries(r as Record<string, unknown>).filter(([, v]) => v !== undefined));
  const columns = keyed[0]!.map(([k]) => k);
  const sameColumns = keyed.every((r) => r.length === columns.length && r.every(([k], i) => k === columns[i]));
  if (plain(db) || !sameColumns) {
    await db.insertInto(table).values(rows as never).execute();
    return;
  }
  const shape = shapeOf(db, `${table}(${columns.join(',')})x${rows.length}`, (p) => db.insertInto(table)
    .values(rows.map((_, i) => Object.fromEntries(columns.map((c) => [c, p[`${i}.${c}`]]))) as never));
  const values: Record<string, unknown> = {};
  keyed.forEach((r, i) => { for (const [k, v] of r) values[`${i}.${k}`] = v; });
  // null is a value: run() refuses only undefined, which the columns above never hold.
  await run(db, shape, values);
}
