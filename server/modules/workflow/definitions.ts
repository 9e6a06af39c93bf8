// Versioned form and process definitions: publishing (lint first), history and diffs for the
// department admins who own a service. Running cases keep the versions they started with.
import type { Db } from '../../db/index.ts';
import { newId, nowIso } from '../../clock.ts';
import { AppError, type FieldProblem } from '../../http/errors.ts';
import { lintForm, type FormDefinition } from '../../../common/form.ts';
import { formLintMessage, lintFormFindings } from '../../../common/form-lint.ts';
import { limitWords, processLintMessage, promisedLimitMismatch, type ProcessLintCode } from '../../../common/process-lint.ts';
import type { Lang } from '../../../common/problems.ts';
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../audit/service.ts';
import type { CatalogCache } from '../catalog/cache.ts';
import { diffContent } from '../catalog/diff.ts';
import { lintDefinition, type AssigneeRule, type LintProblem, type ProcessDefinition } from './definition.ts';
import { canEditProcess } from './policy.ts';
import * as repo from './repo.ts';
import { isUniqueViolation, loadDefinitions, type Deps } from './service.ts';

/** The versions a publisher started from: publishing over a newer version than these is refused (409). */
export interface ExpectedVersions { form: number; process: number }

/**
 * Lints a form and a process and stores them as the service's next versions; lint errors refuse both. With
 * `expected`, the current versions must still be those, or two admins publishing at once would silently
 * replace each other's work (the second gets `definition_changed`).
 */
export async function publishDefinitions(trx: Db, actorId: string | null, code: string, form: FormDefinition, process: ProcessDefinition, expected?: ExpectedVersions) {
  const formErrors = lintForm(form);
  const processErrors = lintDefinition(process).filter((p) => p.severity === 'error').map((p) => p.message);
  if (formErrors.length || processErrors.length) {
    throw new AppError('validation_failed', {}, [...formErrors.map((m) => ({ path: '/form', message: m })), ...processErrors.map((m) => ({ path: '/process', message: m }))]);
  }
  if (!(await trx.selectFrom('service_item').select('id').where('code', '=', code).executeTakeFirst())) throw new AppError('service_not_found', { code });
  // A life-event bundle is applied for through its members (bundles.ts), never with a process of its own.
  if (await trx.selectFrom('bundle_definition').select('version').where('service_code', '=', code).limit(1).executeTakeFirst()) {
    throw new AppError('validation_failed', {}, [{ path: '/process', message: `service '${code}' is a life-event bundle; change its members instead` }]);
  }
  const now = nowIso();
  const versions: Record<string, number> = {};
  const latest = { form_definition: await repo.latestDefinition(trx, 'form_definition', code), process_definition: await repo.latestDefinition(trx, 'process_definition', code) };
  const at = { form: latest.form_definition?.version ?? 0, process: latest.process_definition?.version ?? 0 };
  if (expected && (expected.form !== at.form || expected.process !== at.process)) throw new AppError('definition_changed', at);
  for (const [table, def] of [['form_definition', form], ['process_definition', process]] as const) {
    const last = latest[table];
    versions[table] = (last?.version ?? 0) + 1;
    await trx.insertInto(table).values({ id: newId(), service_code: code, version: versions[table]!, definition: JSON.stringify(def), created_at: now, created_by: actorId }).execute();
  }
  await recordAudit(trx, { actorId, action: 'service.publish_process', entity: 'service_item', entityId: code, detail: versions });
  return { form: versions.form_definition!, process: versions.process_definition! };
}

/**
 * The process's lint findings in `lang`, plus the catalog check: a promised limit of its own that disagrees with
 * the service item's published one (a warning: the guide would promise one date and the case be held to another).
 */
function processFindings(catalog: CatalogCache, code: string, process: ProcessDefinition, lang: Lang) {
  const out: Array<Omit<LintProblem, 'code'> & { code: ProcessLintCode }> = lintDefinition(process).map((p) => ({ ...p, message: processLintMessage(p, lang) }));
  const mismatch = promisedLimitMismatch(process, catalog.published(code)?.content.promisedLimit);
  if (mismatch) {
    const params = { process: mismatch.process, item: limitWords(mismatch.item, lang) };
    out.push({ severity: 'warning', code: 'promised_limit_mismatch', params, message: processLintMessage({ code: 'promised_limit_mismatch', params }, lang) });
  }
  return out;
}

/** The versions of a service's form and process, the current pair, and lint findings of the current process. */
export async function definitionHistory({ db, catalog }: Pick<Deps, 'db' | 'catalog'>, actor: Actor, code: string, lang: Lang = 'en') {
  const department = await editableDepartment(db, catalog, actor, code);
  const [forms, processes, current] = await Promise.all([
    repo.definitionVersions(db, 'form_definition', code),
    repo.definitionVersions(db, 'process_definition', code),
    loadDefinitions(db, code),
  ]);
  return {
    service: { code, department: catalog.org.unitName(department) },
    current: current ?? null,
    lint: current ? processFindings(catalog, code, current.process.definition, lang) : [],
    // Who published a version, by name (null: seeded by the system), as the catalog's history shows it.
    formVersions: forms.map((f) => ({ version: f.version, createdAt: f.created_at, createdBy: f.created_by_name })),
    processVersions: processes.map((p) => ({ version: p.version, createdAt: p.created_at, createdBy: p.created_by_name })),
  };
}

/**
 * A form keyed by field (and column) key, so that the diff reads field by field: moving a field shows as a
 * change of `order`, not as every later field turning into the next one.
 */
function keyedForm(def: FormDefinition) {
  const byKey = <T extends { key: string }>(list: T[]) => Object.fromEntries(list.map((x) => [x.key, x]));
  return {
    order: def.fields.map((f) => f.key).join(', '),
    fields: byKey(def.fields.map((f) => (f.columns ? { ...f, columnOrder: f.columns.map((c) => c.key).join(', '), columns: byKey(f.columns) } : f))),
  };
}

/** Field-by-field differences between two versions of a service's form or process. */
export async function diffDefinitions({ db, catalog }: Pick<Deps, 'db' | 'catalog'>, actor: Actor, code: string, kind: 'form' | 'process', from: number, to: number) {
  await editableDepartment(db, catalog, actor, code);
  const table = kind === 'form' ? 'form_definition' : 'process_definition';
  const [a, b] = await Promise.all([repo.definitionAt(db, table, code, from), repo.definitionAt(db, table, code, to)]);
  if (!a || !b) throw new AppError('not_found');
  const [before, after] = [JSON.parse(a.definition), JSON.parse(b.definition)];
  return { kind, from, to, changes: kind === 'form' ? diffContent(keyedForm(before), keyedForm(after)) : diffContent(before, after) };
}

/**
 * Publishes a new form + process pair (running cases keep theirs); `dryRun` only lints. Form findings point
 * at their field (`/form/fields/3/visibleIf`) and are worded in the request's language for the form builder.
 */
export async function saveDefinitions({ db, catalog }: Pick<Deps, 'db' | 'catalog'>, actor: Actor, code: string, form: FormDefinition, process: ProcessDefinition, dryRun: boolean, lang: Lang = 'en', expected?: ExpectedVersions) {
  await editableDepartment(db, catalog, actor, code);
  const lint = processFindings(catalog, code, process, lang);
  const formProblems = lintFormFindings(form);
  // Assignments must name units and people that exist, or the tasks would reach no one.
  const refs: FieldProblem[] = [];
  const rules: Array<[string, AssigneeRule]> = process.steps.flatMap((s, i): Array<[string, AssigneeRule]> => s.kind === 'approval' ? [[`/process/steps/${i}/assignee`, s.assignee]]
    : s.kind === 'parallel' ? s.branches.map((b, j): [string, AssigneeRule] => [`/process/steps/${i}/branches/${j}/assignee`, b.assignee]) : []);
  for (const [path, r] of rules) {
    if (r.kind === 'role' && r.scope === 'unit' && !catalog.org.units.has(r.unit)) refs.push({ path, message: lang === 'en' ? `unknown org unit '${r.unit}'` : `找不到单位“${r.unit}”` });
    if (r.kind === 'person' && !(await repo.findPersonByUsernameOrId(db, r.personId))) refs.push({ path, message: lang === 'en' ? `unknown person '${r.personId}'` : `找不到人员“${r.personId}”` });
  }
  const problems = [
    ...formProblems.map((f) => ({ severity: f.severity, path: `/form${f.path}`, message: formLintMessage(f, lang) })),
    ...lint.map((p) => ({ severity: p.severity, path: p.stepId ? `/process/${p.stepId}` : '/process', message: p.message })),
    ...refs.map((r) => ({ severity: 'error' as const, ...r })),
  ];
  if (dryRun || problems.some((p) => p.severity === 'error')) {
    if (!dryRun) throw new AppError('validation_failed', {}, problems.filter((p) => p.severity === 'error').map(({ path, message }) => ({ path, message })));
    return { published: null, problems };
  }
  let published;
  try {
    published = await db.transaction().execute((trx) => publishDefinitions(trx, actor.id, code, form, process, expected));
  } catch (err) {
    // Two publishes at the same instant: the one whose version number was taken lost the race.
    if (!isUniqueViolation(err)) throw err;
    const [f, p] = await Promise.all([repo.latestDefinition(db, 'form_definition', code), repo.latestDefinition(db, 'process_definition', code)]);
    throw new AppError('definition_changed', { form: f?.version ?? 0, process: p?.version ?? 0 });
  }
  return { published, problems };
}

async function editableDepartment(db: Db, catalog: CatalogCache, actor: Actor, code: string): Promise<string> {
  const item = await db.selectFrom('service_item').select(['department_code']).where('code', '=', code).executeTakeFirst();
  // Someone else's item looks the same as a missing one.
  if (!item || !canEditProcess(actor, item.department_code, catalog.org)) throw new AppError('service_not_found', { code });
  return item.department_code;
}
