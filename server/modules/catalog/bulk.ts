// Bulk import of service items (demo seed, Excel import): all rows are checked first and the
// whole batch is written in one transaction, so a file with any error changes nothing.
import { Ajv } from 'ajv';
import { inTransaction, type Db } from '../../db/index.ts';
import { ServiceItemContent, type ServiceItemSeed } from '../../../common/catalog.ts';
import { newId, nowIso } from '../../clock.ts';
import { recordAudit } from '../audit/service.ts';
import { OrgDirectory } from '../org/directory.ts';
import { fieldProblems } from '../../http/errors.ts';
import { bumpCatalogRevision, findItem, latestVersionNumber } from './repo.ts';
import { referenceProblems } from './service.ts';

const ajv = new Ajv({ allErrors: true, strict: false });
const validateContent = ajv.compile(ServiceItemContent);
const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{1,39}$/;

export interface ItemProblem { index: number; code: string; path: string; message: string }

/** Shape and reference problems of each item, by index in the batch. */
export function checkItems(seeds: ServiceItemSeed[], org: OrgDirectory, lang: 'zh-CN' | 'en' = 'zh-CN'): ItemProblem[] {
  const out: ItemProblem[] = [];
  const seen = new Set<string>();
  seeds.forEach((s, index) => {
    const add = (path: string, message: string) => out.push({ index, code: s.code, path, message });
    if (!CODE_RE.test(s.code ?? '')) add('/code', lang === 'en' ? 'code has the wrong format' : '事项编码格式不正确');
    if (seen.has(s.code)) add('/code', lang === 'en' ? `code ${s.code} appears twice` : `事项编码 ${s.code} 重复`);
    seen.add(s.code);
    if (!validateContent(s.content)) {
      for (const p of fieldProblems(validateContent.errors as never, lang)) add(p.path, p.message);
    }
    // References are checked even when the shape is wrong, so one pass reports everything.
    for (const p of referenceProblems(s.content, org, lang)) add(p.path, p.message);
  });
  return out;
}

/**
 * Write a checked batch: each item gets a new version, published at once when `publish` is set
 * (seeding, an administrator's import), otherwise left as a draft for review.
 */
export async function importItems(db: Db, actorId: string | null, seeds: ServiceItemSeed[], opts: { publish: boolean; source: string }) {
  const now = nowIso();
  let created = 0;
  let updated = 0;
  await inTransaction(db, async (trx) => {
    for (const s of seeds) {
      let item = await findItem(trx, s.code);
      if (!item) {
        const id = newId();
        await trx.insertInto('service_item').values({
          id, code: s.code, department_code: s.content.department, popularity: s.popularity ?? 0, retired: 0,
          retired_at: null, published_version: null, draft_version: null, created_at: now, updated_at: now,
        }).execute();
        item = (await findItem(trx, s.code))!;
        created++;
      } else {
        updated++;
      }
      // An import replaces a pending draft rather than stacking a second one.
      if (item.draft_version !== null) {
        await trx.deleteFrom('service_item_version').where('item_id', '=', item.id).where('version', '=', item.draft_version).execute();
      }
      const version = (await latestVersionNumber(trx, item.id)) + 1;
      await trx.insertInto('service_item_version').values({
        id: newId(), item_id: item.id, version, state: opts.publish ? 'published' : 'draft', content: JSON.stringify(s.content),
        created_at: now, created_by: actorId, submitted_at: opts.publish ? now : null, submitted_by: opts.publish ? actorId : null,
        decided_at: opts.publish ? now : null, decided_by: opts.publish ? actorId : null, comment: opts.publish ? `import: ${opts.source}` : null,
      }).execute();
      if (opts.publish && item.published_version !== null) {
        await trx.updateTable('service_item_version').set({ state: 'superseded' })
          .where('item_id', '=', item.id).where('version', '=', item.published_version).execute();
      }
      await trx.updateTable('service_item').set(opts.publish
        ? { published_version: version, draft_version: null, department_code: s.content.department, retired: 0, retired_at: null, updated_at: now }
        : { draft_version: version, updated_at: now }).where('id', '=', item.id).execute();
    }
    if (opts.publish) await bumpCatalogRevision(trx);
    await recordAudit(trx, {
      actorId, action: 'catalog.import', entity: 'catalog', entityId: opts.source.slice(0, 64),
      detail: { created, updated, publish: opts.publish, codes: seeds.map((s) => s.code) },
    });
  });
  return { created, updated };
}
