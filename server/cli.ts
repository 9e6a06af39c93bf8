// `onestop` CLI: serve, migrate, seed, create-admin, import-catalog, export-catalog, verify-audit, kb import/export.
import cluster from 'node:cluster';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from './config.ts';
import { migrate, openDb, type DbHandle } from './db/index.ts';
import { isSeeded, seedDemo } from './seed.ts';
import { buildApp } from './app.ts';
import { verifyAudit, recordAudit } from './modules/audit/service.ts';
import { exportCatalogXlsx, importCatalogXlsx } from './modules/catalog/excel.ts';
import { exportFaqFile, importFaqFile } from './modules/kb/files.ts';
import { insertMissingKbCategories } from './modules/kb/repo.ts';
import { kbCategories } from '../demo/kb/categories.ts';
import { OrgDirectory } from './modules/org/directory.ts';
import { hashPassword } from './modules/auth/service.ts';
import { deleteExpiredSessions } from './modules/auth/repo.ts';
import { AppError } from './http/errors.ts';
import { newId, nowIso } from './clock.ts';

const USAGE = `usage: onestop <command>
  serve                         run the hall (migrates, seeds the demo when ONESTOP_DEMO is on)
  migrate                       bring the database schema up to date
  seed                          load the demo university (once)
  create-admin --username U [--password P] [--name N]
                                create a system administrator (password also from ONESTOP_ADMIN_PASSWORD)
  import-catalog FILE [--publish]
                                import service items from an Excel workbook (all rows or none)
  export-catalog FILE           write the published catalog to an Excel workbook
  verify-audit                  check the audit log's hash chain; exit 1 when it was tampered with
  kb import FILE [--publish]    import FAQs from JSON Lines (.jsonl) or Excel (.xlsx); all lines or none
  kb export FILE                write every FAQ (except retired ones) as .jsonl or .xlsx`;

async function open(config: Config): Promise<DbHandle> {
  const handle = openDb(config);
  await migrate(handle.db);
  return handle;
}

async function serve(config: Config) {
  if (cluster.isPrimary && config.workers > 1) {
    if (config.databaseUrl) return supervise(config);
    console.warn('WORKERS > 1 needs PostgreSQL (SQLite has one writer): serving in one process');
  }
  const handle = await open(config);
  // The primary of several processes has migrated and seeded already.
  if (config.demo && cluster.isPrimary) {
    if (!(await isSeeded(handle.db))) console.log('Seeding the demo university …');
    // also adds the demo knowledge base to a demo database seeded before it existed (once)
    await seedDemo(handle.db);
  }
  const { app } = await buildApp(config, handle);
  // Expired sessions are useless rows: sweep them hourly (any process may; the delete is idempotent).
  const sweep = setInterval(() => {
    deleteExpiredSessions(handle.db, nowIso()).catch((err) => app.log.warn({ err }, 'session sweep failed'));
  }, 3600_000);
  sweep.unref();
  const stop = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`OneStop is serving on http://localhost:${config.port} (${handle.dialect}${config.demo ? ', demo mode' : ''})`);
}

/**
 * WORKERS=n on PostgreSQL: n processes serve one port (node:cluster hands out the connections). Each is a whole
 * server — its own catalog cache and search index following the revision counters, its own outbox worker and
 * timers, which claim their rows so that racing processes deliver each once. The primary migrates and seeds first,
 * replaces a process that dies, and stops them all on SIGINT/SIGTERM.
 */
async function supervise(config: Config) {
  const handle = await open(config);
  if (config.demo) await seedDemo(handle.db);
  await handle.close();
  let stopping = false;
  const fork = () => cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`server process ${worker.process.pid} ended (${signal ?? code}); starting another`);
    setTimeout(fork, 1000).unref();
  });
  for (let i = 0; i < config.workers; i++) fork();
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`OneStop: ${config.workers} server processes on port ${config.port} (postgres${config.demo ? ', demo mode' : ''})`);
}

/** A fresh installation without the demo has no org tree: create the school root and one campus. */
async function ensureSchoolRoot(handle: DbHandle) {
  const school = await handle.db.selectFrom('org_unit').select('code').where('code', '=', 'school').executeTakeFirst();
  if (school) return;
  await handle.db.transaction().execute(async (trx) => {
    await trx.insertInto('campus').values({ code: 'main', name_zh: '主校区', name_en: 'Main campus', address_zh: '', address_en: '' }).execute();
    await trx.insertInto('org_unit').values({ code: 'school', parent_code: null, kind: 'school', name_zh: '学校', name_en: 'University', campus_code: 'main', sort: 0 }).execute();
  });
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'serve': return serve(config);
    case 'migrate': {
      const handle = openDb(config);
      const applied = await migrate(handle.db);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
      return handle.close();
    }
    case 'seed': {
      const handle = await open(config);
      console.log((await seedDemo(handle.db)) ? 'demo university loaded' : 'demo university was already loaded');
      return handle.close();
    }
    case 'create-admin': {
      const { values } = parseArgs({ args: rest, options: { username: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } } });
      const password = values.password ?? process.env.ONESTOP_ADMIN_PASSWORD;
      if (!values.username || !password || password.length < 10) {
        throw new UsageError('create-admin needs --username and a password of at least 10 characters (--password or ONESTOP_ADMIN_PASSWORD)');
      }
      const handle = await open(config);
      await ensureSchoolRoot(handle);
      const hash = await hashPassword(password);
      await handle.db.transaction().execute(async (trx) => {
        if (await trx.selectFrom('person').select('id').where('username', '=', values.username!).executeTakeFirst()) {
          throw new UsageError(`user ${values.username} already exists`);
        }
        const id = newId();
        await trx.insertInto('person').values({
          id, username: values.username!, display_name: values.name ?? values.username!, kind: 'staff', org_unit_code: 'school',
          email: '', phone: '', password_hash: hash, active: 1, elder_mode: 0, locale: 'zh-CN', created_at: nowIso(), preferences_saved_at: null,
        }).execute();
        await trx.insertInto('role_grant').values({ id: newId(), person_id: id, role: 'system_admin', scope_code: 'school', created_at: nowIso() }).execute();
        await recordAudit(trx, { actorId: null, action: 'person.create_admin', entity: 'person', entityId: id, detail: { username: values.username } });
      });
      console.log(`system administrator ${values.username} created`);
      return handle.close();
    }
    case 'import-catalog': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { publish: { type: 'boolean', default: false } } });
      const file = positionals[0];
      if (!file) throw new UsageError('import-catalog needs a FILE');
      const handle = await open(config);
      try {
        const org = await OrgDirectory.load(handle.db);
        const result = await importCatalogXlsx(handle.db, org, null, fs.readFileSync(file), { publish: values.publish!, lang: 'zh-CN', source: file });
        console.log(`imported ${result.items} items (${result.created} new, ${result.updated} updated)${result.published ? ', published' : ' as drafts'}`);
      } catch (err) {
        if (err instanceof AppError && err.errors) {
          console.error(`nothing imported: ${err.errors.length} problem(s)`);
          for (const e of err.errors) console.error(`  ${e.sheet ?? ''} row ${e.row ?? '?'} column ${e.column ?? '?'} (${e.cell ?? e.path}): ${e.message}`);
          process.exitCode = 1;
        } else throw err;
      } finally {
        await handle.close();
      }
      return;
    }
    case 'export-catalog': {
      const file = rest[0];
      if (!file) throw new UsageError('export-catalog needs a FILE');
      const handle = await open(config);
      fs.writeFileSync(file, await exportCatalogXlsx(handle.db));
      console.log(`catalog written to ${file}`);
      return handle.close();
    }
    case 'kb': return kbCommand(config, rest);
    case 'verify-audit': {
      const handle = await open(config);
      const verdict = await verifyAudit(handle.db);
      await handle.close();
      if (verdict.ok) console.log(`audit log intact: ${verdict.rows} rows${verdict.pending ? ` (${verdict.pending} more recorded, chained by the next server start)` : ''}`);
      else {
        console.error(`audit log TAMPERED at row ${verdict.firstBadSeq}: ${verdict.reason} (${verdict.rows} rows read)`);
        process.exitCode = 1;
      }
      return;
    }
    default:
      throw new UsageError(command ? `unknown command: ${command}` : 'no command given');
  }
}

class UsageError extends Error {}

/** `onestop kb import FILE [--publish]` and `onestop kb export FILE`; the format follows the file's extension. */
async function kbCommand(config: Config, args: string[]) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { publish: { type: 'boolean', default: false } } });
  const [sub, file] = positionals;
  if ((sub !== 'import' && sub !== 'export') || !file) throw new UsageError('kb needs import FILE or export FILE');
  if (!/\.(jsonl|json|xlsx)$/i.test(file)) throw new UsageError('kb files end in .jsonl or .xlsx');
  const handle = await open(config);
  try {
    if (sub === 'export') {
      fs.writeFileSync(file, await exportFaqFile(handle.db, file));
      console.log(`knowledge base written to ${file}`);
      return;
    }
    // A fresh installation has no FAQ categories yet: it gets the standard set (those of the demo hall).
    const added = await insertMissingKbCategories(handle.db, kbCategories, true);
    if (added) console.log(`created ${added} FAQ categories`);
    try {
      const r = await importFaqFile(handle.db, file, fs.readFileSync(file), { publish: values.publish!, actorId: null, source: file, lang: 'zh-CN' });
      console.log(`imported ${r.created + r.updated} FAQs (${r.created} new, ${r.updated} updated)${r.published ? ', published' : ''}`);
    } catch (err) {
      if (err instanceof AppError && err.errors) {
        console.error(`nothing imported: ${err.errors.length} problem(s)`);
        for (const e of err.errors) {
          console.error(e.sheet ? `  ${e.sheet} row ${e.row} column ${e.column}${e.cell ? ` (${e.cell})` : ''}: ${e.message}` : `  line ${e.row ?? '?'} ${e.path}: ${e.message}`);
        }
        process.exitCode = 1;
      } else throw err;
    }
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).catch((err) => {
  if (err instanceof UsageError) {
    console.error(`${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
