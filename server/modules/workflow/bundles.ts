// Life-event bundles (一件事一次办): one merged form in, one parent case and one child case per member out,
// all in one transaction (a failure anywhere leaves nothing), exactly once per Idempotency-Key.
import type { Db } from '../../db/index.ts';
import { newId, nowIso } from '../../clock.ts';
import { AppError, type FieldProblem } from '../../http/errors.ts';
import type { Lang } from '../../../common/problems.ts';
import { prepareFormData, type FormData, type FormDefinition } from '../../../common/form.ts';
import { lintBundle, memberData, mergedKeyOf, type BundleDefinition, type BundleMember } from '../../../common/bundle.ts';
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { latestBundle, refreshParent } from './bundle-state.ts';
import { promiseColumns, promisedLimitOf } from './promise.ts';
import type { ProcessDefinition } from './definition.ts';
import type { TimeLimit } from '../../../common/catalog.ts';
import * as repo from './repo.ts';
import { caseView, checkFiles, formProblems, loadDefinitions, publishedOr404, type Deps } from './service.ts';
import { applicantOf, startCase, yearOf, type Create, type SubmitInput } from './submit.ts';

type Definitions = NonNullable<Awaited<ReturnType<typeof loadDefinitions>>>;

/** Checks a bundle submission (every problem of the merged form and of each member's form at once) and returns how to write it. */
export async function prepareBundle({ db, catalog, calendar }: Deps, actor: Actor, body: SubmitInput, lang: Lang): Promise<Create> {
  const item = publishedOr404(catalog, body.service);
  const bundle = await latestBundle(db, body.service);
  if (!bundle) throw new AppError('service_not_online', { code: body.service });
  const { applicantId, person } = await applicantOf({ db, catalog }, actor, body, lang);
  const merged = prepareFormData(bundle.definition.form, body.data, person.profile);
  const problems: FieldProblem[] = formProblems(bundle.definition.form, merged, lang);

  const members: Array<{ member: BundleMember; defs: Definitions; data: FormData; department: string; promised: TimeLimit }> = [];
  for (const m of bundle.definition.members) {
    const defs = await loadDefinitions(db, m.service);
    const memberItem = catalog.published(m.service);
    if (!defs || 'bundle' in defs || !memberItem) throw new AppError('service_not_online', { code: m.service });
    const data = prepareFormData(defs.form.definition, memberData(m, defs.form.definition, merged), person.profile);
    // A member's problem points at the merged field it came from; one fixed by the bundle names the member.
    for (const p of formProblems(defs.form.definition, data, lang)) {
      const [, , k, ...rest] = p.path.split('/');
      const from = k === undefined ? null : mergedKeyOf(m, k);
      problems.push(from ? { path: ['/data', from, ...rest].join('/'), message: p.message } : { path: '/data', message: `${lang === 'en' ? m.name.en : m.name.zh}: ${p.message}` });
    }
    members.push({ member: m, defs, data, department: memberItem.content.department, promised: memberItem.content.promisedLimit });
  }
  // One problem per merged field: the merged form's own wording first, a member's only where it adds one.
  const unique = [...new Map(problems.reverse().map((p) => [p.path === '/data' ? `/data\u0000${p.message}` : p.path, p])).values()].reverse();
  if (unique.length) throw new AppError('validation_failed', {}, unique);
  await checkFiles(db, bundle.definition.form, merged, [applicantId, actor.id], lang);
  return async (trx, now) => {
    const parentId = newId();
    const onBehalf = applicantId !== actor.id ? actor.id : null;
    await trx.insertInto('workflow_case').values({
      id: parentId, number: repo.provisionalNumber(parentId), service_code: body.service, department_code: item.content.department, kind: 'bundle',
      form_version: bundle.version, process_version: bundle.version, applicant_id: applicantId, on_behalf_of: onBehalf,
      status: 'running', state: '{}', data: JSON.stringify(merged), visits: 0, rev: 1, created_at: now, updated_at: now, finished_at: null,
      ...promiseColumns(promisedLimitOf(bundle.definition, item.content.promisedLimit), now, calendar.overrides),
    }).execute();
    await trx.insertInto('case_event').values({
      id: newId(), case_id: parentId, seq: 1, at: now, actor_id: actor.id, type: 'start', step_id: null, task_id: null,
      detail: JSON.stringify(onBehalf ? { onBehalfOf: applicantId } : {}),
    }).execute();
    const children = [];
    for (const m of members) {
      children.push(await startCase(trx, {
        service: m.member.service, department: m.department, defs: m.defs, actorId: actor.id, applicantId, onBehalf, person,
        data: m.data, now, parent: { id: parentId, member: m.member.key }, overrides: calendar.overrides, promised: m.promised,
        promisedInBundle: m.member.promisedLimitDays,
      }));
    }
    // The parent's number, then its children's in member order; before the answer, which lists the children.
    const [number, ...childNumbers] = await repo.numberCases(trx, yearOf(now), [parentId, ...children.map((c) => c.caseId)]);
    // Members that finish at once (automatic steps) may finish the bundle too.
    await refreshParent(trx, parentId, now, calendar.overrides);
    const out = await caseView(trx, catalog, (await repo.findCase(trx, parentId))!, actor.id);
    if (!onBehalf) await repo.deleteDraft(trx, actor.id, body.service);
    return {
      caseId: parentId, out, response: JSON.stringify(out),
      audit: {
        actorId: actor.id, action: 'case.submit', entity: 'case', entityId: parentId,
        detail: { number, service: body.service, children: childNumbers, onBehalfOf: onBehalf ? applicantId : undefined },
      },
    };
  };
}

/** Stores a bundle as its service's next version, after its members' forms and processes (lint first). */
export async function publishBundle(trx: Db, actorId: string | null, code: string, def: BundleDefinition): Promise<number> {
  if (!(await trx.selectFrom('service_item').select('id').where('code', '=', code).executeTakeFirst())) throw new AppError('service_not_found', { code });
  const problems: string[] = [];
  // A service is applied for either as one case or as a bundle, never both.
  if (await repo.latestDefinition(trx, 'process_definition', code)) problems.push(`service '${code}' already has a process of its own`);
  const forms = new Map<string, FormDefinition | undefined>();
  const promises = new Map<string, number>();
  for (const m of def.members) {
    const [form, proc] = await Promise.all([repo.latestDefinition(trx, 'form_definition', m.service), repo.latestDefinition(trx, 'process_definition', m.service)]);
    forms.set(m.service, form && proc ? (JSON.parse(form.definition) as FormDefinition) : undefined);
    const days = proc ? (JSON.parse(proc.definition) as ProcessDefinition).promisedLimitDays : undefined;
    if (days !== undefined) promises.set(m.service, days);
  }
  problems.push(...lintBundle(def, forms, promises));
  if (problems.length) throw new AppError('validation_failed', {}, problems.map((message) => ({ path: '/bundle', message })));
  const last = await trx.selectFrom('bundle_definition').select((eb) => eb.fn.max('version').as('v')).where('service_code', '=', code).executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  await trx.insertInto('bundle_definition').values({ id: newId(), service_code: code, version, definition: JSON.stringify(def), created_at: nowIso(), created_by: actorId }).execute();
  await recordAudit(trx, { actorId, action: 'service.publish_bundle', entity: 'service_item', entityId: code, detail: { version, members: def.members.map((m) => m.service) } });
  return version;
}
