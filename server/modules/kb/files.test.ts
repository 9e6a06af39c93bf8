// FAQ import and export (JSON Lines and xlsx) against a real database of each kind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestDb, DIALECTS, type TestDb } from '../../test/harness.ts';
import { AppError } from '../../http/errors.ts';
import { exportFaqFile, importFaqFile, parseJsonl } from './files.ts';

const line = (o: Record<string, unknown>) => JSON.stringify(o);
const A = { id: 'imp-001', category: 'finance', question: '发票抬头写什么？', answer: '写学校全称“明远大学”，并填写统一社会信用代码。', aliases: ['发票抬头', '开票信息'], service: 'travel-reimbursement', en: { question: 'What name goes on an invoice?', answer: 'The university\'s full name and tax id.' } };
const B = { id: 'imp-002', category: 'hall', question: '大厅几点开门？', answer: '工作日 8:30 开门。' };

async function failure(p: Promise<unknown>) {
  try { await p; } catch (err) {
    if (err instanceof AppError && err.code === 'import_failed') return err.errors!;
    throw err;
  }
  throw new Error('expected import_failed');
}

describe('parseJsonl', () => {
  it('skips blank lines and reports each bad line by number, with every problem of it', () => {
    const text = ['', line(A), '{not json', line({ ...B, id: 'bad id', question: '' }), line({ ...B, extra: 1 }), '[1,2]', ''].join('\n');
    const { records, problems } = parseJsonl(text, 'en');
    expect(records.map((r) => [r.line, r.record.id])).toEqual([[2, 'imp-001']]);
    expect(problems.map((p) => `${p.row} ${p.path}`)).toEqual(['3 /', '4 /id', '4 /question', '5 /extra', '6 /']);
  });
});

describe.each(DIALECTS)('FAQ files on %s', (dialect) => {
  let t: TestDb;
  const opts = (publish = false) => ({ publish, actorId: null, source: 'test', lang: 'en' as const });
  const count = async () => Number((await t.handle.db.selectFrom('faq').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  beforeAll(async () => { t = await createTestDb(dialect); });
  afterAll(async () => { await t?.drop(); });

  it('imports JSON Lines, and the same ids again update instead of duplicating', async () => {
    const before = await count();
    const r1 = await importFaqFile(t.handle.db, 'a.jsonl', Buffer.from([line(A), line(B)].join('\n')), opts(true));
    expect(r1).toEqual({ created: 2, updated: 0, published: true });
    const row = await t.handle.db.selectFrom('faq').selectAll().where('id', '=', 'imp-001').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'published', owner_department: 'finance', question_en: A.en.question, service_code: A.service, aliases: JSON.stringify(A.aliases) });
    expect(await t.handle.db.selectFrom('faq').select('owner_department').where('id', '=', 'imp-002').executeTakeFirstOrThrow()).toEqual({ owner_department: null });
    const r2 = await importFaqFile(t.handle.db, 'a.jsonl', Buffer.from(line({ ...A, answer: '改过的答案。' })), opts());
    expect(r2).toEqual({ created: 0, updated: 1, published: false });
    expect(await count()).toBe(before + 2);
    // an update without --publish keeps the state it had
    expect(await t.handle.db.selectFrom('faq').select(['answer_zh', 'state']).where('id', '=', 'imp-001').executeTakeFirstOrThrow()).toEqual({ answer_zh: '改过的答案。', state: 'published' });
    const r3 = await importFaqFile(t.handle.db, 'a.jsonl', Buffer.from(line({ ...B, id: 'imp-003' })), opts());
    expect(r3.created).toBe(1);
    expect((await t.handle.db.selectFrom('faq').select('state').where('id', '=', 'imp-003').executeTakeFirstOrThrow()).state).toBe('draft');
  });

  it('imports nothing from a file with any bad line, and names every bad line', async () => {
    const before = await count();
    const text = [line({ ...A, id: 'imp-010' }), line({ ...B, id: 'imp-011', category: 'no-such-category' }), 'oops', line({ ...A, id: 'imp-010' }), line({ ...A, id: 'imp-012', service: 'no-such-service' })].join('\n');
    const errors = await failure(importFaqFile(t.handle.db, 'b.jsonl', Buffer.from(text), opts(true)));
    expect(errors.map((e) => `${e.row} ${e.path}`)).toEqual(['2 /category', '3 /', '4 /id', '5 /service']);
    expect(errors[0].message).toContain('no-such-category');
    expect(errors[2].message).toContain('line 1');
    expect(await count()).toBe(before);
  });

  it('exports to JSON Lines and xlsx, and both import back unchanged', async () => {
    const jsonl = (await exportFaqFile(t.handle.db, 'x.jsonl')).toString('utf8');
    const lines = jsonl.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.find((l) => l.id === 'imp-002')).toEqual(B);
    expect(lines.find((l) => l.id === 'imp-001')).toEqual({ ...A, answer: '改过的答案。' });
    const xlsx = await exportFaqFile(t.handle.db, 'x.xlsx');
    const before = await count();
    const r = await importFaqFile(t.handle.db, 'x.xlsx', xlsx, opts());
    expect(r).toMatchObject({ created: 0, updated: lines.length });
    expect(await count()).toBe(before);
    expect((await exportFaqFile(t.handle.db, 'y.jsonl')).toString('utf8')).toBe(jsonl);
  });

  it('reports xlsx problems by row and column (cell), and imports nothing', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportFaqFile(t.handle.db, 'x.xlsx')) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('faq')!;
    ws.getRow(2).getCell(2).value = 'nope';
    ws.getRow(3).getCell(3).value = '';
    ws.addRow(['imp-050', 'hall', '新问题', '新答案', null, 'ghost-service']);
    const errors = await failure(importFaqFile(t.handle.db, 'bad.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), opts()));
    expect(errors.map((e) => `${e.sheet} ${e.row} ${e.column}`)).toEqual(['faq 2 category', 'faq 3 question', `faq ${ws.rowCount} service`]);
    expect(errors[1].cell).toBe('C3');
    expect(await t.handle.db.selectFrom('faq').select('id').where('id', '=', 'imp-050').executeTakeFirst()).toBeUndefined();
    const notXlsx = await failure(importFaqFile(t.handle.db, 'bad.xlsx', Buffer.from('not a zip'), opts()));
    expect(notXlsx).toHaveLength(1);
  });
});
