// Drafts: a half-filled form survives a closed tab (not validated: it is unfinished by definition).
import { nowIso } from '../../clock.ts';
import { AppError } from '../../http/errors.ts';
import type { Lang } from '../../../common/problems.ts';
import type { FormData } from '../../../common/form.ts';
import type { Actor } from '../auth/actor.ts';
import * as repo from './repo.ts';
import { loadDefinitions, publishedOr404, type Deps } from './service.ts';

const MAX_DRAFT_CHARS = 256 * 1024;

export async function getDraft({ db }: Deps, actor: Actor, code: string) {
  const d = await repo.findDraft(db, actor.id, code);
  if (!d) throw new AppError('not_found');
  return { service: code, data: JSON.parse(d.data) as FormData, updatedAt: d.updated_at };
}

export async function putDraft({ db, catalog }: Deps, actor: Actor, code: string, data: FormData, lang: Lang) {
  publishedOr404(catalog, code);
  if (!(await loadDefinitions(db, code))) throw new AppError('service_not_online', { code });
  const text = JSON.stringify(data);
  if (text.length > MAX_DRAFT_CHARS) throw new AppError('validation_failed', {}, [{ path: '/data', message: lang === 'en' ? 'the draft is too large' : '草稿过大' }]);
  const now = nowIso();
  await repo.saveDraft(db, actor.id, code, text, now);
  return { service: code, updatedAt: now };
}

export async function removeDraft({ db }: Deps, actor: Actor, code: string) {
  await repo.deleteDraft(db, actor.id, code);
}
