// Route guards, applicant and staff side: "every route is tested with no login, bad input and someone else's
// record". This file adds the checks the module tests did not already make, for every route that needs a
// login: nobody signed in → 401 unauthenticated; bad input → 400 validation_failed; someone else's record →
// 404 (403 where the role is wrong) — and a refused write changes nothing. Administration routes are in
// route-guards-admin.test.ts. Public by design (no login): catalog, knowledge base and notices reading, search,
// suggestions, navigator trees, the assistant, "helpful" votes and search feedback, /services/:code/form
// (without prefill), online-services, login, /auth/me, demo accounts, health, metrics and the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, expectProblem, type Session, type TestApp } from '../test/harness.ts';
import { newId } from '../clock.ts';

const LEAVING = { kind: 'resign', lastDay: '2026-12-31', reason: '家庭原因', handover: '已交接' };
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

describe.each(DIALECTS)('route guards, applicants and staff, on %s', (dialect) => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const u of ['teacher', 'student', 'csdean', 'engdean', 'clerk']) s[u] = await t.login(u);
  }, 60_000);
  afterAll(async () => { await t?.close(); });

  const db = () => t.db.handle.db;
  const req = (method: string, url: string, as?: Session, body?: unknown) => t.request({ method, url, as, body });
  const submit = (as: Session, service: string, data: unknown) =>
    t.request({ method: 'POST', url: '/api/v1/cases', as, body: { service, data }, headers: { 'idempotency-key': newId() } });
  const personId = async (username: string) => (await db().selectFrom('person').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const count = async (table: 'favorite' | 'delegation' | 'form_draft' | 'upload' | 'case_event', personCol?: string, person?: string) => {
    let q = db().selectFrom(table).select((eb) => eb.fn.countAll().as('n'));
    if (personCol && person) q = q.where(personCol as never, '=', person as never);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };

  it('cases: list, read, withdraw, comment, in-person visits', async () => {
    const res = await submit(s.teacher, 'staff-leaving', LEAVING);
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    const snapshot = async () => {
      const got = (await req('GET', `/api/v1/cases/${c.id}`, s.teacher)).json();
      return { status: got.status, timeline: got.timeline.length, tasks: got.tasks.map((x: any) => [x.id, x.state, x.version]) };
    };
    const before = await snapshot();
    const events = await count('case_event');

    // GET /api/v1/cases, GET /api/v1/cases/:id
    expectProblem(await req('GET', '/api/v1/cases?status=lost', s.teacher), 400, 'validation_failed');
    expectProblem(await req('GET', '/api/v1/cases?pageSize=1000', s.teacher), 400, 'validation_failed');
    expect(((await req('GET', '/api/v1/cases', s.student)).json().items as Array<{ id: string }>).map((x) => x.id)).not.toContain(c.id);
    expectProblem(await req('GET', '/api/v1/cases/bad%20id', s.teacher), 400, 'validation_failed');
    expectProblem(await req('GET', `/api/v1/cases/${'a'.repeat(65)}`, s.teacher), 400, 'validation_failed');

    // POST /api/v1/cases/:id/withdraw and /comments: bad bodies, by the applicant
    expectProblem(await req('POST', `/api/v1/cases/${c.id}/withdraw`, s.teacher, { reason: '' }), 400, 'validation_failed');
    expectProblem(await req('POST', `/api/v1/cases/${c.id}/withdraw`, s.teacher, { because: 'x' }), 400, 'validation_failed');
    expectProblem(await req('POST', '/api/v1/cases/bad%20id/withdraw', s.teacher, {}), 400, 'validation_failed');
    expectProblem(await req('POST', `/api/v1/cases/${c.id}/comments`, s.teacher, { text: '' }), 400, 'validation_failed');
    expectProblem(await req('POST', `/api/v1/cases/${c.id}/comments`, s.teacher, {}), 400, 'validation_failed');
    expectProblem(await req('POST', `/api/v1/cases/${c.id}/comments`, s.teacher, { text: 'x'.repeat(2001) }), 400, 'validation_failed');

    // POST /api/v1/cases/:id/visits: window clerks only
    expectProblem(await req('POST', `/api/v1/cases/${c.id}/visits`, undefined, {}), 401, 'unauthenticated');
    expectProblem(await req('POST', `/api/v1/cases/${c.id}/visits`, s.clerk, { note: '' }), 400, 'validation_failed');
    expectProblem(await req('POST', `/api/v1/cases/${c.id}/visits`, s.clerk, { where: 'window 3' }), 400, 'validation_failed');
    expectProblem(await req('POST', `/api/v1/cases/${c.id}/visits`, s.student, {}), 403, 'forbidden');

    // Nothing above changed the case.
    expect(await snapshot()).toEqual(before);
    expect(await count('case_event')).toBe(events);
    expect(before.status).toBe('running');
  });

  it('task actions and batch approval: bad input, someone else\'s task', async () => {
    const c = (await submit(s.teacher, 'staff-leaving', LEAVING)).json();
    const task = c.tasks.find((x: any) => x.state === 'open');
    const url = `/api/v1/tasks/${task.id}/actions`;
    const taskRow = () => db().selectFrom('case_task').select(['state', 'version']).where('id', '=', task.id).executeTakeFirstOrThrow();
    const before = await taskRow();
    expectProblem(await req('POST', url, s.csdean, { action: 'approve' }), 400, 'validation_failed');
    expectProblem(await req('POST', url, s.csdean, { action: 'approve', version: 0 }), 400, 'validation_failed');
    expectProblem(await req('POST', url, s.csdean, { action: 'reject', version: 1 }), 400, 'validation_failed');
    expectProblem(await req('POST', url, s.csdean, { action: 'rubber-stamp', version: 1 }), 400, 'validation_failed');
    expectProblem(await req('POST', `/api/v1/tasks/${c.id}/x1/actions`, s.csdean, { action: 'approve', version: 1 }), 400, 'validation_failed');
    // the other college's dean does not hold it, and the applicant may not decide it
    expectProblem(await req('POST', url, s.engdean, { action: 'approve', version: 1 }), 404, 'task_not_found');
    expectProblem(await req('POST', url, s.teacher, { action: 'approve', version: 1 }), 404, 'task_not_found');
    // POST /api/v1/tasks/batch: bad items
    expectProblem(await req('POST', '/api/v1/tasks/batch', s.csdean, { action: 'approve', items: [{ taskId: 'no-slash', version: 1 }] }), 400, 'validation_failed');
    expectProblem(await req('POST', '/api/v1/tasks/batch', s.csdean, { action: 'approve', items: [{ taskId: task.id }] }), 400, 'validation_failed');
    expect(await taskRow()).toEqual(before);
    expect(before.state).toBe('open');
  });

  it('drafts: read, save, discard', async () => {
    const url = '/api/v1/drafts/staff-leaving';
    const teacherId = await personId('teacher');
    expect((await req('PUT', url, s.teacher, { data: { reason: '草稿' } })).statusCode).toBe(200);
    // GET /api/v1/drafts/:code
    expectProblem(await req('GET', url), 401, 'unauthenticated');
    expectProblem(await req('GET', '/api/v1/drafts/bad%20code', s.teacher), 400, 'validation_failed');
    expectProblem(await req('GET', url, s.csdean), 404, 'not_found');
    // PUT /api/v1/drafts/:code: a bad code
    expectProblem(await req('PUT', '/api/v1/drafts/bad%20code', s.teacher, { data: {} }), 400, 'validation_failed');
    // DELETE /api/v1/drafts/:code
    expectProblem(await req('DELETE', url), 401, 'unauthenticated');
    expectProblem(await req('DELETE', '/api/v1/drafts/bad%20code', s.teacher), 400, 'validation_failed');
    // another person discarding "their" draft of the same service leaves the teacher's alone
    expect((await req('DELETE', url, s.student)).statusCode).toBe(204);
    expect(await count('form_draft', 'person_id', teacherId)).toBe(1);
    expect((await req('GET', url, s.teacher)).json().data).toEqual({ reason: '草稿' });
  });

  it('uploads and the files of a case', async () => {
    const up = await t.request({ method: 'POST', url: '/api/v1/uploads?service=staff-leaving&field=letter&name=x.pdf', as: s.teacher, payload: PDF, headers: { 'content-type': 'application/pdf' } });
    expect(up.statusCode, up.body).toBe(201);
    const id = up.json().id as string;
    const uploads = await count('upload');
    // POST /api/v1/uploads: a bad query
    expectProblem(await t.request({ method: 'POST', url: '/api/v1/uploads?service=staff-leaving', as: s.teacher, payload: PDF, headers: { 'content-type': 'application/pdf' } }), 400, 'validation_failed');
    expectProblem(await t.request({ method: 'POST', url: '/api/v1/uploads?service=bad%20code&field=letter', as: s.teacher, payload: PDF, headers: { 'content-type': 'application/pdf' } }), 400, 'validation_failed');
    expect(await count('upload')).toBe(uploads);
    // GET /api/v1/uploads/:id
    expectProblem(await req('GET', `/api/v1/uploads/${id}`), 401, 'unauthenticated');
    expectProblem(await req('GET', '/api/v1/uploads/bad%20id', s.teacher), 400, 'validation_failed');
    expectProblem(await req('GET', `/api/v1/uploads/${id}`, s.student), 404, 'not_found');
    // GET /api/v1/cases/:id/files/:uploadId
    const c = (await submit(s.teacher, 'staff-leaving', { ...LEAVING, letter: [id] })).json();
    const file = `/api/v1/cases/${c.id}/files/${id}`;
    expect((await req('GET', file, s.teacher)).statusCode).toBe(200);
    expectProblem(await req('GET', file), 401, 'unauthenticated');
    expectProblem(await req('GET', `/api/v1/cases/${c.id}/files/bad%20id`, s.teacher), 400, 'validation_failed');
    expectProblem(await req('GET', `/api/v1/cases/bad%20id/files/${id}`, s.teacher), 400, 'validation_failed');
    expectProblem(await req('GET', file, s.engdean), 404, 'case_not_found');
  });

  it('favourites and preferences', async () => {
    const teacherId = await personId('teacher');
    expect((await req('PUT', '/api/v1/me/favorites/travel-reimbursement', s.teacher)).statusCode).toBe(204);
    const favs = await count('favorite');
    // PUT /api/v1/me/favorites/:code
    expectProblem(await req('PUT', '/api/v1/me/favorites/transcript'), 401, 'unauthenticated');
    // DELETE /api/v1/me/favorites/:code
    expectProblem(await req('DELETE', '/api/v1/me/favorites/bad%20code', s.teacher), 400, 'validation_failed');
    // another person unstarring the same service leaves the teacher's star alone
    expect((await req('DELETE', '/api/v1/me/favorites/travel-reimbursement', s.student)).statusCode).toBe(204);
    expect(await count('favorite')).toBe(favs);
    expect(await count('favorite', 'person_id', teacherId)).toBe(1);
    // PUT /api/v1/me/preferences: an unknown field
    expectProblem(await req('PUT', '/api/v1/me/preferences', s.teacher, { theme: 'dark' }), 400, 'validation_failed');
    // POST /api/v1/auth/logout, with a body: still only for the signed-in
    expectProblem(await req('POST', '/api/v1/auth/logout', undefined, {}), 401, 'unauthenticated');
  });

  it('delegations', async () => {
    const url = '/api/v1/me/delegations';
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const d = await req('POST', url, s.csdean, { delegate: 'engdean', from: today, to: '2099-12-31' });
    expect(d.statusCode, d.body).toBe(201);
    const id = d.json().id as string;
    const delegations = await count('delegation');
    // GET /api/v1/me/delegations
    expectProblem(await req('GET', url), 401, 'unauthenticated');
    // POST: more bad bodies
    expectProblem(await req('POST', url, s.csdean, { delegate: 'engdean', from: 'today', to: '2099-12-31' }), 400, 'validation_failed');
    expectProblem(await req('POST', url, s.csdean, { delegate: 'engdean', from: today }), 400, 'validation_failed');
    // DELETE /api/v1/me/delegations/:id
    expectProblem(await req('DELETE', `${url}/${id}`), 401, 'unauthenticated');
    expectProblem(await req('DELETE', `${url}/bad%20id`, s.csdean), 400, 'validation_failed');
    expectProblem(await req('DELETE', `${url}/${id}`, s.teacher), 404, 'not_found');
    expect(await count('delegation')).toBe(delegations);
    expect((await req('GET', url, s.csdean)).json().given.map((x: { id: string }) => x.id)).toContain(id);
  });

  it('notifications and the mailbox', async () => {
    const teacherId = await personId('teacher');
    const noteId = newId();
    await db().insertInto('notification').values({
      id: noteId, person_id: teacherId, event: 'case_submitted', case_id: null, task_id: null, outbox_id: newId(), created_at: new Date().toISOString(), read_at: null,
    }).execute();
    const readAt = async () => (await db().selectFrom('notification').select('read_at').where('id', '=', noteId).executeTakeFirstOrThrow()).read_at;
    // GET /api/v1/notifications
    expectProblem(await req('GET', '/api/v1/notifications?limit=0', s.teacher), 400, 'validation_failed');
    expectProblem(await req('GET', '/api/v1/notifications?unread=maybe', s.teacher), 400, 'validation_failed');
    expect(((await req('GET', '/api/v1/notifications', s.student)).json().items as Array<{ id: string }>).map((n) => n.id)).not.toContain(noteId);
    // POST /api/v1/notifications/:id/read
    expectProblem(await req('POST', `/api/v1/notifications/${noteId}/read`), 401, 'unauthenticated');
    expectProblem(await req('POST', '/api/v1/notifications/bad%20id/read', s.teacher), 400, 'validation_failed');
    // someone else's notification, or none: 404, and the teacher's stays unread
    expectProblem(await req('POST', `/api/v1/notifications/${noteId}/read`, s.student), 404, 'not_found');
    expectProblem(await req('POST', `/api/v1/notifications/${newId()}/read`, s.student), 404, 'not_found');
    expect(await readAt()).toBeNull();
    expect((await req('GET', '/api/v1/notifications?unread=true', s.teacher)).json().items.map((n: { id: string }) => n.id)).toContain(noteId);
    // the owner's: read, and reading it again is no error
    expect((await req('POST', `/api/v1/notifications/${noteId}/read`, s.teacher)).statusCode).toBe(200);
    expect(await readAt()).not.toBeNull();
    expect((await req('POST', `/api/v1/notifications/${noteId}/read`, s.teacher)).statusCode).toBe(200);
    // GET /api/v1/mailbox: a limit over the maximum (someone else's messages: notify.test.ts)
    expectProblem(await req('GET', '/api/v1/mailbox?limit=201', s.teacher), 400, 'validation_failed');
  });
});
