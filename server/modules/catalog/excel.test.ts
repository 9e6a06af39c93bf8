import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, DIALECTS, expectProblem, type Session, type TestApp } from '../../test/harness.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function load(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}
function findRow(ws: ExcelJS.Worksheet, code: string): number {
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === code) return r;
  throw new Error(`no row for ${code}`);
}
function col(ws: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  ws.getRow(1).eachCell((c, i) => { if (c.value === header) found = i; });
  return found;
}

describe.each(DIALECTS)('Excel import and export on %s', (dialect) => {
  let t: TestApp;
  let manager: Session; let hradmin: Session;
  let exported: Buffer;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    [manager, hradmin] = await Promise.all([t.login('manager'), t.login('hradmin')]);
  });
  afterAll(async () => { await t?.close(); });

  const versions = async () => Number((await t.db.handle.db.selectFrom('service_item_version').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const upload = (buf: Buffer, as: Session, query = '') => t.request({ method: 'POST', url: `/api/v1/admin/catalog/import${query}`, as, headers: { 'content-type': XLSX }, payload: buf });

  it('exports every published item into the template sheets', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/admin/catalog/export', as: manager });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    exported = res.rawPayload;
    const wb = await load(exported);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['README', 'items', 'materials', 'steps', 'fees', 'windows', 'policy_basis', 'conditions', 'cautions', 'faq']);
    const total = (await t.request({ method: 'GET', url: '/api/v1/services?pageSize=1' })).json().total;
    expect(wb.getWorksheet('items')!.rowCount - 1).toBe(total);
  });

  it('imports the exported file back unchanged in content, as drafts or published', async () => {
    const before = (await t.request({ method: 'GET', url: '/api/v1/services/transcript' })).json();
    const res = await upload(exported, manager, '?publish=true');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 0, published: true });
    const after = (await t.request({ method: 'GET', url: '/api/v1/services/transcript' })).json();
    expect(after.version).toBe(before.version + 1);
    expect(after.content).toEqual(before.content);
  });

  it('reports every bad cell by sheet, row and column, and imports nothing from that file', async () => {
    const wb = await load(exported);
    const items = wb.getWorksheet('items')!;
    const r = findRow(items, 'transcript');
    items.getRow(r).getCell(col(items, 'visits')).value = 'two';
    items.getRow(r).getCell(col(items, 'department')).value = 'no-such-dept';
    const mats = wb.getWorksheet('materials')!;
    const mr = findRow(mats, 'transcript');
    mats.getRow(mr).getCell(col(mats, 'source')).value = 'somewhere';
    mats.getRow(mr).getCell(col(mats, 'name_zh')).value = '';
    const steps = wb.getWorksheet('steps')!;
    steps.addRow(['unknown-code', '步骤', 'Step', '人', 'Person', 1]);
    const bad = Buffer.from(await wb.xlsx.writeBuffer());
    const n = await versions();
    const p = expectProblem(await upload(bad, manager, '?publish=true'), 422, 'import_failed');
    const at = p.errors!.map((e) => `${e.sheet}:${e.row}:${e.column}`);
    expect(at).toEqual(expect.arrayContaining([
      `items:${r}:visits`, `items:${r}:department`, `materials:${mr}:source`, `materials:${mr}:name_zh`, `steps:${steps.rowCount}:code`,
    ]));
    expect(await versions()).toBe(n);
  });

  it('refuses files that are not workbooks, and items outside the uploader\'s department', async () => {
    expectProblem(await upload(Buffer.from('not a zip'), manager), 422, 'import_failed');
    const n = await versions();
    const p = expectProblem(await upload(exported, hradmin), 422, 'import_failed');
    expect(p.errors!.length).toBeGreaterThan(50);
    expect(await versions()).toBe(n);
    expectProblem(await t.request({ method: 'POST', url: '/api/v1/admin/catalog/import', headers: { 'content-type': XLSX }, payload: exported }), 401, 'unauthenticated');
    const teacher = await t.login('teacher');
    expectProblem(await upload(exported, teacher), 403, 'forbidden');
    expectProblem(await t.request({ method: 'GET', url: '/api/v1/admin/catalog/export', as: teacher }), 403, 'forbidden');
  });
});
