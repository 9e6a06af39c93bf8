// Delegation (委托): an approver away between two dates hands their tasks to a colleague.
import { newId, nowIso } from '../../clock.ts';
import { AppError } from '../../http/errors.ts';
import type { Lang } from '../../../common/problems.ts';
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { chinaDate } from './calendar.ts';
import { canDelegate } from './policy.ts';
import * as repo from './repo.ts';
import type { Deps } from './service.ts';

export async function listDelegations({ db }: Deps, actor: Actor) {
  const rows = await repo.delegationsOf(db, actor.id, chinaDate(nowIso()));
  const out = (r: (typeof rows)[number]) => ({ id: r.id, from: r.starts_on, to: r.ends_on });
  return {
    given: rows.filter((r) => r.person_id === actor.id).map((r) => ({ ...out(r), delegate: { id: r.delegate_id, name: r.delegate_name } })),
    received: rows.filter((r) => r.delegate_id === actor.id).map((r) => ({ ...out(r), delegator: { id: r.person_id, name: r.delegator_name } })),
  };
}

export async function createDelegation({ db }: Deps, actor: Actor, input: { delegate: string; from: string; to: string }, lang: Lang) {
  if (!canDelegate(actor)) throw new AppError('forbidden');
  const say = (path: string, zh: string, en: string) => new AppError('validation_failed', {}, [{ path, message: lang === 'en' ? en : zh }]);
  if (input.to < input.from) throw say('/to', '结束日期早于开始日期', 'the end is before the start');
  if (input.to < chinaDate(nowIso())) throw say('/to', '结束日期已过', 'the end has passed');
  const p = await repo.findPersonByUsernameOrId(db, input.delegate);
  if (!p || p.id === actor.id) throw say('/delegate', '请选择另一位在职人员', 'choose another active person');
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('delegation').values({ id, person_id: actor.id, delegate_id: p.id, starts_on: input.from, ends_on: input.to, created_at: nowIso(), revoked_at: null }).execute();
    await recordAudit(trx, { actorId: actor.id, action: 'delegation.create', entity: 'delegation', entityId: id, detail: { delegate: p.id, from: input.from, to: input.to } });
  });
  return { id, from: input.from, to: input.to, delegate: { id: p.id, name: p.display_name } };
}

export async function revokeDelegation({ db }: Deps, actor: Actor, id: string) {
  await db.transaction().execute(async (trx) => {
    const res = await trx.updateTable('delegation').set({ revoked_at: nowIso() }).where('id', '=', id).where('person_id', '=', actor.id)
      .where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('not_found');
    await recordAudit(trx, { actorId: actor.id, action: 'delegation.revoke', entity: 'delegation', entityId: id });
  });
}
