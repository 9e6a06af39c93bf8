// Excel import and export of the catalog, following the template layout in excel-layout.ts.
// Import is all-or-nothing: every problem is reported by sheet, row and column, and a file with
// any problem writes nothing.
import ExcelJS from 'exceljs';
import type { Db } from '../../db/index.ts';
import type { ServiceItemContent, ServiceItemSeed } from '../../../common/catalog.ts';
import { AppError, type FieldProblem } from '../../http/errors.ts';
import type { Actor } from '../auth/actor.ts';
import type { OrgDirectory } from '../org/directory.ts';
import { checkItems, importItems } from './bulk.ts';
import { canEditItem, canPublishItem } from './policy.ts';
import { SHEETS, type Column, type SheetLayout } from './excel-layout.ts';

type Json = Record<string, any>;

function getAt(obj: Json, pointer: string): unknown {
  let cur: any = obj;
  for (const k of pointer.split('/').filter(Boolean)) cur = cur?.[k];
  return cur;
}

function setAt(obj: Json, pointer: string, value: unknown): void {
  const keys = pointer.split('/').filter(Boolean);
  let cur: any = obj;
  keys.slice(0, -1).forEach((k) => { cur = cur[k] ??= {}; });
  cur[keys.at(-1)!] = value;
}

function columnLetter(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function toCell(v: unknown, type: Column['type']): string | number | boolean | null {
  if (v === undefined || v === null) return null;
  if (type === 'list') return (v as string[]).join(',');
  if (type === 'bool') return v ? '是' : '否';
  return v as string | number;
}

/** Read the published catalog into a workbook laid out as the import template. */
export async function buildWorkbook(items: ServiceItemSeed[]): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OneStop';
  const readme = wb.addWorksheet('README');
  readme.columns = [{ header: 'sheet', width: 16 }, { header: 'column', width: 20 }, { header: '说明 / note', width: 80 }];
  readme.addRow(['', '', 'OneStop 事项目录模板：每个工作表一行一条；子表以 code 关联 items 表。导入时任何一处错误都会整体拒绝。']);
  for (const s of SHEETS) for (const c of s.columns) readme.addRow([s.name, c.header, c.note]);
  for (const s of SHEETS) {
    const ws = wb.addWorksheet(s.name);
    ws.columns = s.columns.map((c) => ({ header: c.header, width: c.width ?? 20 }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const item of items) {
      const rows: Json[] = s.target === '' ? [item.content] : (item.content as Json)[s.target];
      for (const row of rows) {
        ws.addRow(s.columns.map((c) => {
          if (c.header === 'code') return item.code;
          if (c.header === 'popularity') return item.popularity;
          return toCell(c.path === '' ? row : getAt(row, c.path), c.type);
        }));
      }
    }
  }
  return wb;
}

export async function exportCatalogXlsx(db: Db): Promise<Buffer> {
  const rows = await db.selectFrom('service_item as i')
    .innerJoin('service_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'))
    .select(['i.code', 'i.popularity', 'v.content']).where('i.retired', '=', 0).orderBy('i.code').execute();
  const wb = await buildWorkbook(rows.map((r) => ({ code: r.code, popularity: r.popularity, content: JSON.parse(r.content) })));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellValue(raw: ExcelJS.CellValue): string | number | boolean | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') return raw.trim() === '' ? null : raw.trim();
  if (typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  if (typeof raw === 'object') {
    if ('richText' in raw) return cellValue(raw.richText.map((t) => t.text).join(''));
    if ('text' in raw) return cellValue(raw.text as ExcelJS.CellValue);
    if ('result' in raw) return cellValue(raw.result as ExcelJS.CellValue);
  }
  return String(raw);
}

const TRUE = new Set(['是', 'true', 'yes', 'y', '1', '√']);
const FALSE = new Set(['否', 'false', 'no', 'n', '0', '×']);

interface Where { sheet: string; row: number; column: string; cell: string }

interface Parsed { seeds: ServiceItemSeed[]; problems: FieldProblem[]; provenance: Map<string, Map<string, Where>> }

function parseWorkbook(wb: ExcelJS.Workbook, lang: 'zh-CN' | 'en'): Parsed {
  const problems: FieldProblem[] = [];
  const say = (w: Where, zh: string, en: string) => problems.push({ path: `${w.sheet}!${w.cell}`, message: lang === 'en' ? en : zh, ...w });
  const byCode = new Map<string, ServiceItemSeed>();
  const itemRow = new Map<string, Where>();
  const provenance = new Map<string, Map<string, Where>>();
  for (const layout of SHEETS) {
    const ws = wb.getWorksheet(layout.name);
    const sheetWhere: Where = { sheet: layout.name, row: 1, column: '', cell: 'A1' };
    if (!ws) {
      if (layout.target === '') say(sheetWhere, `缺少工作表“${layout.name}”`, `sheet "${layout.name}" is missing`);
      continue;
    }
    const headerIndex = new Map<string, number>();
    ws.getRow(1).eachCell((cell, col) => { const h = cellValue(cell.value); if (typeof h === 'string') headerIndex.set(h, col); });
    const missing = layout.columns.filter((c) => !headerIndex.has(c.header));
    for (const c of missing) say({ ...sheetWhere, column: c.header }, `工作表“${layout.name}”缺少列“${c.header}”`, `sheet "${layout.name}" lacks column "${c.header}"`);
    if (missing.length) continue;
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const values = layout.columns.map((c) => cellValue(row.getCell(headerIndex.get(c.header)!).value));
      if (values.every((v) => v === null)) continue;
      const at = (c: Column): Where => {
        const col = headerIndex.get(c.header)!;
        return { sheet: layout.name, row: r, column: c.header, cell: `${columnLetter(col)}${r}` };
      };
      const codeCol = layout.columns[0]!;
      const code = values[0] === null ? '' : String(values[0]);
      if (!code) { say(at(codeCol), '事项编码不能为空', 'code is empty'); continue; }
      let target: Json;
      let seed = byCode.get(code);
      if (layout.target === '') {
        if (seed) { say(at(codeCol), `事项编码 ${code} 重复`, `code ${code} appears twice`); continue; }
        seed = { code, popularity: 0, content: { coDepartments: [], lifeEvents: [], materials: [], steps: [], fees: [], windows: [], policyBasis: [], conditions: [], cautions: [], faq: [] } as unknown as ServiceItemContent };
        byCode.set(code, seed);
        itemRow.set(code, at(codeCol));
        provenance.set(code, new Map());
        target = seed.content as Json;
      } else {
        if (!seed) { say(at(codeCol), `items 表中没有事项 ${code}`, `code ${code} is not in the items sheet`); continue; }
        const list = (seed.content as Json)[layout.target] as unknown[];
        target = {};
        list.push(target);
      }
      const base = layout.target === '' ? '' : `/${layout.target}/${((seed.content as Json)[layout.target] as unknown[]).length - 1}`;
      const prov = provenance.get(code)!;
      layout.columns.forEach((c, i) => {
        if (i === 0) return;
        const v = values[i] ?? null;
        let out: unknown;
        switch (c.type) {
          case 'text': out = v === null ? '' : String(v); break;
          case 'list': out = v === null ? [] : String(v).split(/[,，、;；\s]+/).filter(Boolean); break;
          case 'bool':
            if (v === null) out = false;
            else if (TRUE.has(String(v).toLowerCase())) out = true;
            else if (FALSE.has(String(v).toLowerCase())) out = false;
            else { say(at(c), `应填“是”或“否”，而不是“${v}”`, `must be 是/否 (yes/no), not "${v}"`); return; }
            break;
          case 'int': case 'number': {
            if (v === null) return;
            const n = Number(v);
            if (!Number.isFinite(n) || (c.type === 'int' && !Number.isInteger(n))) { say(at(c), `应填${c.type === 'int' ? '整数' : '数字'}，而不是“${v}”`, `must be a ${c.type === 'int' ? 'whole number' : 'number'}, not "${v}"`); return; }
            out = n;
            break;
          }
        }
        if (c.header === 'popularity') { seed!.popularity = out as number; return; }
        setAt(target, c.path, out);
        prov.set(`${base}${c.path}`, at(c));
      });
      pruneOptional(target, layout);
    }
  }
  return { seeds: [...byCode.values()], problems, provenance: new Map([...provenance].map(([k, m]) => [k, m.set('', itemRow.get(k)!)])) };
}

/** Drop optional parts whose cells were all empty (an empty statutory limit, notes, sample link …). */
function pruneOptional(obj: Json, layout: SheetLayout) {
  for (const p of layout.optional ?? []) {
    const v = getAt(obj, `/${p}`);
    const empty = v === '' || v === undefined || (typeof v === 'object' && v !== null && Object.values(v).every((x) => x === '' || x === undefined));
    if (empty) {
      const keys = p.split('/');
      const parent = keys.length > 1 ? getAt(obj, `/${keys.slice(0, -1).join('/')}`) as Json : obj;
      if (parent) delete parent[keys.at(-1)!];
    }
  }
}

/** Where in the workbook a content path came from: the longest recorded prefix, else the item's row. */
function locate(prov: Map<string, Where>, path: string): Where {
  for (let p = path; p; p = p.slice(0, p.lastIndexOf('/'))) {
    const hit = prov.get(p) ?? [...prov.entries()].find(([k]) => k.startsWith(`${p}/`))?.[1];
    if (hit) return hit;
  }
  return prov.get('')!;
}

export async function importCatalogXlsx(db: Db, org: OrgDirectory, actor: Actor | null, file: Buffer | ArrayBuffer,
  opts: { publish: boolean; lang: 'zh-CN' | 'en'; source: string }) {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as ArrayBuffer);
  } catch {
    throw new AppError('import_failed', { count: 1 }, [{ path: '/', message: opts.lang === 'en' ? 'not a readable .xlsx workbook' : '不是可读取的 .xlsx 文件' }]);
  }
  const parsed = parseWorkbook(wb, opts.lang);
  const problems = [...parsed.problems];
  const byIndex = parsed.seeds;
  for (const p of checkItems(byIndex, org, opts.lang)) {
    const w = locate(parsed.provenance.get(p.code)!, p.path === '/code' ? '' : p.path);
    problems.push({ path: `${w.sheet}!${w.cell}`, message: p.message, ...w });
  }
  if (actor) {
    const existing = await db.selectFrom('service_item').select(['code', 'department_code']).execute();
    const deptOf = new Map(existing.map((e) => [e.code, e.department_code]));
    for (const s of byIndex) {
      // Unknown departments were reported above; rights are checked on the real ones.
      const depts = [s.content.department, deptOf.get(s.code)].filter((d): d is string => !!d && org.units.has(d));
      // Publishing needs the hall manager's right; a draft import needs either right.
      const allowed = depts.every((d) => (opts.publish ? canPublishItem(actor, d, org) : canEditItem(actor, d, org) || canPublishItem(actor, d, org)));
      if (!allowed) {
        const w = parsed.provenance.get(s.code)!.get('')!;
        problems.push({ path: `${w.sheet}!${w.cell}`, message: opts.lang === 'en' ? `you may not change item ${s.code}` : `您无权修改事项 ${s.code}`, ...w });
      }
    }
  }
  if (problems.length) throw new AppError('import_failed', { count: problems.length }, problems.slice(0, 500));
  const result = await importItems(db, actor?.id ?? null, byIndex, { publish: opts.publish, source: opts.source });
  return { ...result, items: byIndex.length, published: opts.publish };
}
