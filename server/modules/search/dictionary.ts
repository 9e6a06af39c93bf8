// The synonym dictionary the index uses: the default one for campus life (synonyms.ts) with the hall
// managers' changes on top. A change is one row per phrase — a new phrase, a replaced default, or a default
// switched off (empty `means`) — so the defaults can still improve with upgrades while every local change
// stays. Every change is audited and moves the `kb` revision, so every process rebuilds its index.
import type { Db } from '../../db/index.ts';
import { nowIso } from '../../clock.ts';
import { AppError } from '../../http/errors.ts';
import type { Lang } from '../../../common/problems.ts';
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { bumpKbRevision } from '../kb/repo.ts';
import { DEFAULT_SYNONYMS, type SynonymDictionary } from './synonyms.ts';

export type EntrySource = 'default' | 'changed' | 'added' | 'off';

export interface SynonymEntry {
  phrase: string;
  /** what the phrase stands for now (empty when a default is switched off) */
  means: string[];
  source: EntrySource;
  /** the default's words, when the phrase has a default */
  defaultMeans?: string[];
  updatedAt?: string;
}

/** Who edits the dictionary: it shapes every search, so the hall's managers and system administrators. */
export function canEditSynonyms(actor: Actor): boolean {
  return actor.roles.some((g) => g.role === 'hall_manager' || g.role === 'system_admin');
}

async function changes(db: Db) {
  const rows = await db.selectFrom('search_synonym').selectAll().orderBy('phrase').execute();
  return rows.map((r) => ({ phrase: r.phrase, means: JSON.parse(r.means) as string[], updatedAt: r.updated_at }));
}

/** The dictionary the index should use now. */
export async function loadDictionary(db: Db): Promise<SynonymDictionary> {
  const out: Record<string, readonly string[]> = { ...DEFAULT_SYNONYMS };
  for (const c of await changes(db)) {
    if (c.means.length === 0) delete out[c.phrase];
    else out[c.phrase] = c.means;
  }
  return out;
}

/** Every phrase with where its words come from, changed ones first, then by phrase. */
export async function listEntries(db: Db): Promise<SynonymEntry[]> {
  const changed = new Map((await changes(db)).map((c) => [c.phrase, c]));
  const entries: SynonymEntry[] = [];
  for (const [phrase, means] of Object.entries(DEFAULT_SYNONYMS)) {
    const c = changed.get(phrase);
    if (!c) entries.push({ phrase, means: [...means], source: 'default', defaultMeans: [...means] });
    else entries.push({ phrase, means: c.means, source: c.means.length ? 'changed' : 'off', defaultMeans: [...means], updatedAt: c.updatedAt });
  }
  for (const c of changed.values()) {
    if (!Object.hasOwn(DEFAULT_SYNONYMS, c.phrase)) entries.push({ phrase: c.phrase, means: c.means, source: 'added', updatedAt: c.updatedAt });
  }
  const rank = (e: SynonymEntry) => (e.source === 'default' ? 1 : 0);
  return entries.sort((a, b) => rank(a) - rank(b) || a.phrase.localeCompare(b.phrase, 'zh-CN'));
}

/** Trims, drops blanks and repeats; refuses a phrase that stands for itself or a new phrase with no words. */
function clean(phrase: string, means: string[], lang: Lang): { phrase: string; means: string[] } {
  const p = phrase.trim();
  const words = [...new Set(means.map((m) => m.trim()).filter(Boolean))];
  const problems = [];
  if (!p) problems.push({ path: '/phrase', message: lang === 'en' ? 'must not be blank' : '不能为空' });
  if (words.some((w) => w.toLowerCase() === p.toLowerCase())) {
    problems.push({ path: '/means', message: lang === 'en' ? 'must not repeat the phrase itself' : '不能包含词条本身' });
  }
  if (words.length === 0 && !Object.hasOwn(DEFAULT_SYNONYMS, p)) {
    problems.push({ path: '/means', message: lang === 'en' ? 'name at least one word it stands for' : '至少填写一个对应的词' });
  }
  if (problems.length) throw new AppError('validation_failed', {}, problems);
  return { phrase: p, means: words };
}

/** Sets what a phrase stands for (an empty list switches a default entry off). */
export async function saveEntry(db: Db, actor: Actor, phrase: string, means: string[], lang: Lang): Promise<SynonymEntry> {
  if (!canEditSynonyms(actor)) throw new AppError('forbidden');
  const e = clean(phrase, means, lang);
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    const row = { means: JSON.stringify(e.means), updated_at: now, updated_by: actor.id };
    const had = await trx.selectFrom('search_synonym').select('phrase').where('phrase', '=', e.phrase).executeTakeFirst();
    if (had) await trx.updateTable('search_synonym').set(row).where('phrase', '=', e.phrase).execute();
    else await trx.insertInto('search_synonym').values({ phrase: e.phrase, ...row }).execute();
    await recordAudit(trx, { actorId: actor.id, action: 'synonym.save', entity: 'search_synonym', entityId: e.phrase, detail: { means: e.means } });
    await bumpKbRevision(trx);
  });
  return (await listEntries(db)).find((x) => x.phrase === e.phrase)!;
}

/** Drops the change to a phrase: a default comes back as shipped, an added phrase is gone. */
export async function resetEntry(db: Db, actor: Actor, phrase: string): Promise<void> {
  if (!canEditSynonyms(actor)) throw new AppError('forbidden');
  await db.transaction().execute(async (trx) => {
    const gone = await trx.deleteFrom('search_synonym').where('phrase', '=', phrase).executeTakeFirst();
    if (Number(gone.numDeletedRows) === 0) throw new AppError('synonym_not_found', { phrase });
    await recordAudit(trx, { actorId: actor.id, action: 'synonym.reset', entity: 'search_synonym', entityId: phrase });
    await bumpKbRevision(trx);
  });
}
