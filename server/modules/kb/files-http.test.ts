// FAQ files over HTTP (/admin/kb): an editor downloads the FAQs they manage as a workbook or JSON Lines and
// uploads one back — all records or none, within their scope, changes going back to review unless a
// publisher publishes them at once — on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, DIALECTS, expectProblem, type Session, type TestApp } from '../../test/harness.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const JSONL = 'application/jsonl';
const line = (o: Record<string, unknown>) => JSON.stringify(o);
const FIN = { id: 'up-fin-1', category: 'finance', question: '报销单上的经费卡号在哪里查？', answer: '在财务系统“我的项目”中查看经费卡号。', service: 'travel-reimbursement' };
const SCHOOL = { id: 'up-hall-1', category: 'hall', question: '大厅可以打印吗？', answer: '自助区有打印机，凭校园卡使用。' };

describe.each(DIALECTS)('FAQ files over HTTP on %s', (dialect) => {
  let t: TestApp;
  let manager: Session; let finadmin: Session; let hradmin: Session; let teacher: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    [manager, finadmin, hradmin, teacher] = await Promise.all(['manager', 'finadmin', 'hradmin', 'teacher'].map((u) => t.login(u)));
  });
  afterAll(async () => { await t?.close(); });

  const upload = (body: string | Buffer, as?: Session, query = '', type = JSONL) =>
    t.request({ method: 'POST', url: `/api/v1/admin/kb/faqs/import${query}`, as, headers: { 'content-type': type }, payload: body });
  const faq = (id: string) => t.db.handle.db.selectFrom('faq').select(['state', 'answer_zh', 'owner_department']).where('id', '=', id).executeTakeFirst();
  const count = async () => Number((await t.db.handle.db.selectFrom('faq').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('refuses strangers, people without an editor role, a bad format and a bad query', async () => {
    expectProblem(await t.request({ method: 'GET', url: '/api/v1/admin/kb/faqs/export' }), 401, 'unauthenticated');
    expectProblem(await t.request({ method: 'GET', url: '/api/v1/admin/kb/faqs/export', as: teacher }), 403, 'forbidden');
    expectProblem(await t.request({ method: 'GET', url: '/api/v1/admin/kb/faqs/export?format=csv', as: manager }), 400, 'validation_failed');
    expectProblem(await upload(line(FIN)), 401, 'unauthenticated');
    expectProblem(await upload(line(FIN), teacher), 403, 'forbidden');
    expectProblem(await upload(line(FIN), finadmin, '?publish=maybe'), 400, 'validation_failed');
    // a department admin may not publish at once
    expectProblem(await upload(line(FIN), finadmin, '?publish=true'), 403, 'forbidden');
    // text/plain (what a cross-site form can send) is not accepted
    expect((await upload(line(FIN), finadmin, '', 'text/plain')).statusCode).toBe(415);
    expect(await faq(FIN.id)).toBeUndefined();
  });

  it('exports only the FAQs one manages, in both formats, and the workbook reads back', async () => {
    const all = await t.request({ method: 'GET', url: '/api/v1/admin/kb/faqs/export?format=jsonl', as: manager });
    expect(all.statusCode).toBe(200);
    expect(all.headers['content-type']).toContain(JSONL);
    expect(all.headers['content-disposition']).toBe('attachment; filename="onestop-faq.jsonl"');
    const records = all.body.trim().split('\n').map((l) => JSON.parse(l) as { id: string; service?: string });
    expect(records.length).toBeGreaterThanOrEqual(500);
    const fin = await t.request({ method: 'GET', url: '/api/v1/admin/kb/faqs/export?format=jsonl', as: finadmin });
    const finIds = fin.body.trim().split('\n').map((l) => JSON.parse(l).id as string);
    const owners = await t.db.handle.db.selectFrom('faq').select('owner_department').distinct().where('id', 'in', finIds).execute();
    expect(owners.map((o) => o.owner_department)).toEqual(['finance']);
    expect(finIds.length).toBeLessThan(records.length);
    const xlsx = await t.request({ method: 'GET', url: '/api/v1/admin/kb/faqs/export', as: finadmin });
    expect(xlsx.headers['content-type']).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('faq')!.rowCount - 1).toBe(finIds.length);
  });

  it('imports within one\'s scope as drafts; an update of a published FAQ goes back to review', async () => {
    const res = await upload([line(FIN)].join('\n'), finadmin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 1, updated: 0, published: false });
    expect(await faq(FIN.id)).toEqual({ state: 'draft', answer_zh: FIN.answer, owner_department: 'finance' });
    // the hall manager publishes the file; then the department admin changes the answer by upload
    expect((await upload(line(FIN), manager, '?publish=true')).json()).toEqual({ created: 0, updated: 1, published: true });
    expect((await faq(FIN.id))!.state).toBe('published');
    expect((await upload(line({ ...FIN, answer: '登录财务系统查看。' }), finadmin)).json()).toEqual({ created: 0, updated: 1, published: false });
    expect(await faq(FIN.id)).toEqual({ state: 'draft', answer_zh: '登录财务系统查看。', owner_department: 'finance' });
    const audit = await t.db.handle.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'kb.import').where('entity_id', '=', 'upload').execute();
    expect(audit.length).toBe(3);
  });

  it('refuses a file holding FAQs of another department or the whole school, and imports nothing from it', async () => {
    const before = await count();
    const text = [line({ ...FIN, id: 'up-fin-2' }), line(SCHOOL), line({ ...FIN, id: 'up-hr-1', service: 'staff-id-card' })].join('\n');
    const res = expectProblem(await upload(text, finadmin, '?lang=en'), 422, 'import_failed');
    expect(res.errors!.map((e) => `${e.row} ${e.path}`)).toEqual(['2 /id', '3 /service']);
    expect(res.errors![0].message).toContain('school-wide');
    // taking over another department's FAQ by pointing it at one's own service is refused too
    const hrFaq = await t.db.handle.db.selectFrom('faq').select(['id', 'category_code']).where('owner_department', '=', 'hr').executeTakeFirstOrThrow();
    const takeover = expectProblem(await upload(line({ id: hrFaq.id, category: hrFaq.category_code, question: '?', answer: '!', service: 'travel-reimbursement' }), finadmin), 422, 'import_failed');
    expect(takeover.errors!.map((e) => e.path)).toEqual(['/id']);
    expect(await count()).toBe(before);
    expect(await faq('up-fin-2')).toBeUndefined();
    // the hall manager may import school-wide FAQs; an HR admin may not touch finance's
    expect((await upload(line(SCHOOL), manager)).json()).toMatchObject({ created: 1 });
    expectProblem(await upload(line({ ...FIN, answer: 'x' }), hradmin), 422, 'import_failed');
  });

  it('reports a bad workbook by cell and a bad JSON line by number, translated', async () => {
    const bad = expectProblem(await upload(['{oops', line({ ...FIN, category: 'nope' })].join('\n'), finadmin), 422, 'import_failed');
    expect(bad.detail).toContain('未导入任何内容');
    expect(bad.errors!.map((e) => e.row)).toEqual([1, 2]);
    const notXlsx = expectProblem(await upload(Buffer.from('not a zip'), finadmin, '?lang=en', XLSX), 422, 'import_failed');
    expect(notXlsx.detail).toContain('nothing was imported');
  });
});
