// FAQ files: JSON Lines and xlsx, same columns, import and export. Import is all-or-nothing: every
// problem is reported (JSONL by line, xlsx by row and column) and a file with any problem writes nothing.
// Importing the same ids again updates those FAQs; it never adds a second copy.
import ExcelJS from 'exceljs';
import { Ajv } from 'ajv';
import { inTransaction, type Db } from '../../db/index.ts';
import { FaqRecord } from '../../../common/kb.ts';
import type { Lang } from '../../../common/problems.ts';
import { nowIso } from '../../clock.ts';
import { AppError, fieldProblems, type FieldProblem } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { bumpKbRevision, liveFaqsInScope, type FaqScope } from './repo.ts';

const ajv = new Ajv({ allErrors: true, strict: false });
const validateRecord = ajv.compile(FaqRecord);

export const FAQ_SHEET = 'faq';
/** xlsx columns, in order; `aliases` holds one alias per line (or separated by `|`). */
export const XLSX_COLUMNS = ['id', 'category', 'question', 'answer', 'aliases', 'service', 'question_en', 'answer_en'] as const;
type XlsxColumn = (typeof XLSX_COLUMNS)[number];

/** A record and where it came from: a JSONL line, or an xlsx row. */
export interface Located { record: FaqRecord; line?: number; row?: number }
export interface ImportOptions {
  /** publish every imported FAQ (seed, a trusted import); otherwise new FAQs are drafts and existing ones keep their state */
  publish: boolean;
  actorId: string | null;
  source: string;
  lang: Lang;
  /**
   * Who may write FAQs of a department (`null`: the whole school's). Unset for the CLI (the server's
   * operator); set for uploads, where every record must pass for its new owner and, when it exists, its
   * current one, or the file is refused with a problem on that record.
   */
  mayManage?: (owner: string | null) => boolean;
  /** an existing FAQ whose content the file changes goes back to draft (review as in the editor); uploads without publish */
  reviewChanges?: boolean;
}

const say = (lang: Lang, zh: string, en: string) => (lang === 'en' ? en : zh);

/** Parses JSON Lines; blank lines are skipped, a line that is not a JSON object is a problem of that line. */
export function parseJsonl(text: string, lang: Lang): { records: Located[]; problems: FieldProblem[] } {
  const records: Located[] = [];
  const problems: FieldProblem[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      problems.push({ row: line, path: '/', message: say(lang, `不是有效的 JSON：${(err as Error).message}`, `not valid JSON: ${(err as Error).message}`) });
      return;
    }
    if (!validateRecord(value)) {
      for (const p of fieldProblems(validateRecord.errors as never, lang)) problems.push({ ...p, row: line });
      return;
    }
    records.push({ record: value as FaqRecord, line });
  });
  return { records, problems };
}

function cellText(v: ExcelJS.CellValue): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'object' && 'richText' in v) v = v.richText.map((t) => t.text).join('');
  else if (typeof v === 'object' && 'text' in v) v = String(v.text);
  else if (typeof v === 'object' && 'result' in v) v = v.result as ExcelJS.CellValue;
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

function columnLetter(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Reads the `faq` sheet (first sheet when there is none of that name); columns are found by their header. */
export async function parseXlsx(buf: Buffer, lang: Lang): Promise<{ records: Located[]; problems: FieldProblem[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    return { records: [], problems: [{ path: '/', message: say(lang, '文件不是有效的 xlsx 工作簿', 'the file is not an xlsx workbook') }] };
  }
  const ws = wb.getWorksheet(FAQ_SHEET) ?? wb.worksheets[0];
  if (!ws) return { records: [], problems: [{ path: '/', message: say(lang, '工作簿中没有工作表', 'the workbook has no sheet') }] };
  const colOf = new Map<XlsxColumn, number>();
  ws.getRow(1).eachCell((c, i) => {
    const h = cellText(c.value)?.toLowerCase();
    if (h && (XLSX_COLUMNS as readonly string[]).includes(h)) colOf.set(h as XlsxColumn, i);
  });
  const problems: FieldProblem[] = [];
  for (const h of ['id', 'category', 'question', 'answer'] as const) {
    if (!colOf.has(h)) problems.push({ sheet: ws.name, row: 1, column: h, path: `/${h}`, message: say(lang, `缺少列“${h}”`, `column "${h}" is missing`) });
  }
  if (problems.length) return { records: [], problems };
  const records: Located[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const get = (h: XlsxColumn) => (colOf.has(h) ? cellText(row.getCell(colOf.get(h)!).value) : undefined);
    if (XLSX_COLUMNS.every((h) => get(h) === undefined)) continue;
    const rec: Record<string, unknown> = { id: get('id') ?? '', category: get('category') ?? '', question: get('question') ?? '', answer: get('answer') ?? '' };
    const aliases = get('aliases');
    if (aliases) rec.aliases = aliases.split(/\r?\n|\|/).map((a) => a.trim()).filter(Boolean);
    if (get('service')) rec.service = get('service');
    if (get('question_en') || get('answer_en')) rec.en = { question: get('question_en') ?? '', answer: get('answer_en') ?? '' };
    if (!validateRecord(rec)) {
      for (const p of fieldProblems(validateRecord.errors as never, lang)) {
        // /en/question → question_en; /aliases/2 → aliases
        const [, top, sub] = p.path.split('/');
        const header = (top === 'en' ? `${sub}_en` : top) as XlsxColumn;
        const col = colOf.get(header);
        problems.push({ ...p, sheet: ws.name, row: r, column: header, ...(col ? { cell: `${columnLetter(col)}${r}` } : {}) });
      }
      continue;
    }
    records.push({ record: rec as FaqRecord, row: r });
  }
  return { records, problems };
}

/** Where a problem of this record is, for the report: the line, or the sheet row and the column. */
function at(loc: Located, field: XlsxColumn): Partial<FieldProblem> {
  return loc.line !== undefined ? { row: loc.line } : { sheet: FAQ_SHEET, row: loc.row, column: field };
}

/**
 * Checks ids (unique in the file), categories and services against the database; with the shape
 * problems of parsing, throws one `import_failed` listing them all. Returns each service's department.
 */
async function checkReferences(db: Db, located: Located[], earlier: FieldProblem[], opts: ImportOptions): Promise<Map<string, string>> {
  const { lang, mayManage } = opts;
  const problems = [...earlier];
  const [categories, services] = await Promise.all([
    db.selectFrom('kb_category').select('code').execute(),
    db.selectFrom('service_item').select(['code', 'department_code']).where('retired', '=', 0).execute(),
  ]);
  const categorySet = new Set(categories.map((c) => c.code));
  const departments = new Map(services.map((s) => [s.code, s.department_code]));
  const firstSeen = new Map<string, Located>();
  for (const loc of located) {
    const { id, category, service } = loc.record;
    const prev = firstSeen.get(id);
    if (prev) {
      const where = prev.line !== undefined ? say(lang, `第 ${prev.line} 行`, `line ${prev.line}`) : say(lang, `第 ${prev.row} 行`, `row ${prev.row}`);
      problems.push({ ...at(loc, 'id'), path: '/id', message: say(lang, `编号 ${id} 与${where}重复`, `id ${id} repeats ${where}`) });
    } else firstSeen.set(id, loc);
    if (!categorySet.has(category)) {
      problems.push({ ...at(loc, 'category'), path: '/category', message: say(lang, `分类“${category}”不存在`, `category "${category}" does not exist`) });
    }
    if (service !== undefined && !departments.has(service)) {
      problems.push({ ...at(loc, 'service'), path: '/service', message: say(lang, `事项“${service}”不存在`, `service "${service}" does not exist`) });
    }
  }
  if (mayManage) await checkPermission(db, located, departments, mayManage, problems, lang);
  if (problems.length) {
    problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    throw new AppError('import_failed', { count: problems.length }, problems);
  }
  return departments;
}

/** Every record's new owner and, for a FAQ that exists, its current owner must be one the importer manages. */
async function checkPermission(db: Db, located: Located[], departments: Map<string, string>, mayManage: (owner: string | null) => boolean,
  problems: FieldProblem[], lang: Lang): Promise<void> {
  const current = new Map<string, string | null>();
  const ids = [...new Set(located.map((l) => l.record.id))];
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of await db.selectFrom('faq').select(['id', 'owner_department']).where('id', 'in', ids.slice(i, i + 500)).execute()) current.set(r.id, r.owner_department);
  }
  for (const loc of located) {
    const { id, service } = loc.record;
    if (service !== undefined && !departments.has(service)) continue; // already reported
    const owner = service === undefined ? null : departments.get(service)!;
    const before = current.get(id);
    if (!mayManage(owner)) {
      problems.push({ ...at(loc, service === undefined ? 'id' : 'service'), path: service === undefined ? '/id' : '/service', message: service === undefined
        ? say(lang, `您无权管理全校通用（未关联事项）的常见问题 ${id}`, `you may not manage school-wide FAQs (no linked service), such as ${id}`)
        : say(lang, `您无权管理事项“${service}”所属部门的常见问题`, `you may not manage FAQs of the department that owns "${service}"`) });
    } else if (before !== undefined && before !== owner && !mayManage(before)) {
      problems.push({ ...at(loc, 'id'), path: '/id', message: say(lang, `常见问题 ${id} 属于您无权管理的部门`, `FAQ ${id} belongs to a department you may not manage`) });
    }
  }
}

/** Writes checked records in one transaction (joining the caller's). */
export async function importFaqs(db: Db, located: Located[], problems: FieldProblem[], opts: ImportOptions) {
  const departments = await checkReferences(db, located, problems, opts);
  const now = nowIso();
  let created = 0;
  let updated = 0;
  await inTransaction(db, async (trx) => {
    const existing = new Map<string, string>();
    const ids = located.map((l) => l.record.id);
    for (let i = 0; i < ids.length; i += 500) {
      for (const r of await trx.selectFrom('faq').select(['id', 'state']).where('id', 'in', ids.slice(i, i + 500)).execute()) existing.set(r.id, r.state);
    }
    for (const { record: r } of located) {
      const content = {
        category_code: r.category, question_zh: r.question, answer_zh: r.answer,
        question_en: r.en?.question ?? null, answer_en: r.en?.answer ?? null,
        aliases: JSON.stringify(r.aliases ?? []), service_code: r.service ?? null,
        owner_department: r.service ? departments.get(r.service)! : null,
        updated_at: now, updated_by: opts.actorId,
      };
      const state = existing.get(r.id);
      if (state === undefined) {
        await trx.insertInto('faq').values({
          id: r.id, ...content, state: opts.publish ? 'published' : 'draft', views: 0, helpful_yes: 0, helpful_no: 0,
          created_at: now, published_at: opts.publish ? now : null,
        }).execute();
        created++;
      } else {
        const review = opts.reviewChanges && state !== 'draft' ? { state: 'draft' } : {};
        await trx.updateTable('faq').set({ ...content, ...review, ...(opts.publish ? { state: 'published', published_at: now } : {}) })
          .where('id', '=', r.id).execute();
        updated++;
      }
    }
    await bumpKbRevision(trx);
    await recordAudit(trx, {
      actorId: opts.actorId, action: 'kb.import', entity: 'kb', entityId: opts.source.slice(0, 64),
      detail: { created, updated, publish: opts.publish, count: located.length },
    });
  });
  return { created, updated, published: opts.publish };
}

/** Imports a file's bytes, the format chosen by its name (`.jsonl` / `.json` / `.xlsx`). */
export async function importFaqFile(db: Db, name: string, bytes: Buffer, opts: ImportOptions) {
  const parsed = /\.xlsx$/i.test(name) ? await parseXlsx(bytes, opts.lang) : parseJsonl(bytes.toString('utf8'), opts.lang);
  return importFaqs(db, parsed.records, parsed.problems, opts);
}

/** Every FAQ except retired ones (within `scope` when given), as import records (ordered by id). */
export async function exportRecords(db: Db, scope?: FaqScope): Promise<FaqRecord[]> {
  const rows = await liveFaqsInScope(db, scope);
  return rows.map((r) => ({
    id: r.id, category: r.category_code, question: r.question_zh, answer: r.answer_zh,
    ...(JSON.parse(r.aliases).length ? { aliases: JSON.parse(r.aliases) as string[] } : {}),
    ...(r.service_code ? { service: r.service_code } : {}),
    ...(r.question_en && r.answer_en ? { en: { question: r.question_en, answer: r.answer_en } } : {}),
  }));
}

export function toJsonl(records: FaqRecord[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '');
}

export async function toXlsx(records: FaqRecord[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OneStop';
  const ws = wb.addWorksheet(FAQ_SHEET);
  ws.columns = XLSX_COLUMNS.map((h) => ({ header: h, width: h === 'answer' || h === 'answer_en' ? 60 : h === 'id' ? 18 : 30 }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of records) {
    ws.addRow([r.id, r.category, r.question, r.answer, (r.aliases ?? []).join('\n'), r.service ?? null, r.en?.question ?? null, r.en?.answer ?? null]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Writes the export in the format the file name asks for. */
export async function exportFaqFile(db: Db, name: string, scope?: FaqScope): Promise<Buffer> {
  const records = await exportRecords(db, scope);
  return /\.xlsx$/i.test(name) ? toXlsx(records) : Buffer.from(toJsonl(records));
}
