// The assistant over HTTP on both databases: retrieval answers with citations and actions, asking back,
// bad input, the rate limit, and the optional language model against a real local OpenAI-style server.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, expectProblem, type Session, type TestApp } from '../../test/harness.ts';
import { loadConfig } from '../../config.ts';

const ASK = '/api/v1/assistant/ask';
const base = loadConfig({});

/** A chat-completions server whose behaviour the test sets; it records what it was sent. */
function fakeModel() {
  const state = { mode: 'ok' as 'ok' | 'nocite' | 'error' | 'slow' | 'garbage', requests: [] as { auth?: string; body: any }[] };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => { raw += c; });
    req.on('end', () => {
      if (req.url !== '/v1/chat/completions' || req.method !== 'POST') { res.writeHead(404).end(); return; }
      state.requests.push({ auth: req.headers.authorization, body: JSON.parse(raw) });
      const reply = (content: string) => res.writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ id: 'x', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] }));
      if (state.mode === 'ok') reply('住院费用按比例报销，三级医院约 85% [1]。<b>请</b>保留结算单。');
      else if (state.mode === 'nocite') reply('大概能报一大半吧。');
      else if (state.mode === 'error') res.writeHead(500).end('{"error":"boom"}');
      else if (state.mode === 'garbage') res.writeHead(200, { 'content-type': 'application/json' }).end('not json');
      else setTimeout(() => { if (!res.destroyed) reply('太慢了 [1]'); }, 2000);
    });
  });
  return { state, server };
}

describe.each(DIALECTS)('assistant on %s', (dialect) => {
  let t: TestApp;
  let withModel: TestApp;
  let limited: TestApp;
  const model = fakeModel();
  beforeAll(async () => {
    await new Promise<void>((r) => model.server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(model.server.address() as AddressInfo).port}/v1`;
    // one after another: three apps starting at once can outlast Fastify's plugin timeout on a busy machine
    t = await createTestApp(dialect, { assistant: { rateLimit: 1000, llm: null } });
    withModel = await createTestApp(dialect, { assistant: { rateLimit: 1000, llm: { url, model: 'test-model', key: 'sk-test', timeoutMs: 300 } } });
    limited = await createTestApp(dialect, { assistant: { rateLimit: 3, llm: null } });
  }, 60_000);
  afterAll(async () => {
    await Promise.all([t?.close(), withModel?.close(), limited?.close()]);
    model.server.closeAllConnections();
    await new Promise((r) => model.server.close(r));
  });

  const ask = (app: TestApp, body: unknown, lang = 'zh-CN') => app.request({ method: 'POST', url: ASK, body, headers: { 'accept-language': lang } });

  it('is on by default without a model', () => {
    expect(base.assistant.llm).toBeNull();
    expect(loadConfig({ ASSISTANT_LLM_URL: 'http://x/v1' }).assistant.llm).toMatchObject({ url: 'http://x/v1', timeoutMs: 8000 });
  });

  it('answers "住院的钱能报多少" from the FAQ, cites it and offers apply and guide — no sign-in needed', async () => {
    const res = await ask(t, { question: '住院的钱能报多少' });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    expect(a.source).toBe('retrieval');
    expect(a.answer).toContain('85%');
    expect(a.citations[0]).toEqual({ kind: 'faq', id: 'health-001', title: '住院的钱能报多少？', href: '/kb/health-001' });
    expect(a.actions.map((x: { kind: string }) => x.kind)).toEqual(['apply', 'guide']);
    expect(a.actions[0]).toMatchObject({ service: 'medical-reimbursement', label: '去办理', href: '/services/medical-reimbursement#g-process' });
    expect(a.clarify).toBeUndefined();
  });

  it('answers in English when the request asks for English', async () => {
    const a = (await ask(t, { question: '住院的钱能报多少' }, 'en')).json();
    expect(a.answer).toMatch(/85% in tertiary hospitals/);
    expect(a.citations[0].title).toBe('How much of my hospital costs will be reimbursed?');
    expect(a.actions[1].label).toBe('Read the guide');
    const q = (await t.request({ method: 'POST', url: `${ASK}?lang=en`, body: { question: 'How much of my hospital costs will be reimbursed?' } })).json();
    expect(q.citations[0].id).toBe('health-001');
  });

  it('links the apply page when the service has an online process, and offers a visit when one is needed', async () => {
    const a = (await ask(t, { question: '在职证明多久能拿到' })).json();
    expect(a.citations[0]).toMatchObject({ kind: 'service', id: 'employment-certificate' });
    expect(a.answer).toContain('在职证明');
    expect(a.actions[0]).toEqual({ kind: 'apply', service: 'employment-certificate', label: '在线申请', href: '/services/employment-certificate/apply' });
    const b = (await ask(t, { question: '新教工入职要带什么材料' })).json();
    expect(b.actions.find((x: { kind: string }) => x.kind === 'book')).toMatchObject({ service: 'new-staff-onboarding', href: '/services/new-staff-onboarding#g-windows' });
    expect(b.actions[0]).toMatchObject({ kind: 'apply', service: 'new-staff-onboarding', href: '/services/new-staff-onboarding/apply' });
  });

  it('composes a guide section when the best passage is a service', async () => {
    const a = (await ask(t, { question: '校园网在哪里办' })).json();
    expect(a.citations[0]).toMatchObject({ kind: 'service', id: 'campus-network', href: '/services/campus-network#g-windows' });
    expect(a.answer).toMatch(/办理地点：.*信息楼/);
  });

  it('asks back when the best candidates are about different services, and answers the one picked', async () => {
    const a = (await ask(t, { question: '公积金' })).json();
    expect(a.clarify.options.length).toBeGreaterThanOrEqual(2);
    expect(new Set(a.clarify.options.map((o: { service: string }) => o.service)).size).toBe(a.clarify.options.length);
    expect(a.citations).toEqual([]);
    const picked = a.clarify.options[1];
    const b = (await ask(t, { question: '公积金', service: picked.service, history: [{ role: 'user', text: '公积金' }] })).json();
    expect(b.clarify).toBeUndefined();
    expect(b.actions[0].service).toBe(picked.service);
    expect(b.citations.length).toBeGreaterThan(0);
  });

  it('reads a short follow-up together with the previous question', async () => {
    const a = (await ask(t, { question: '要带什么材料？', history: [{ role: 'user', text: '新老师入职' }, { role: 'assistant', text: '…' }] })).json();
    expect(a.actions[0]?.service).toBe('new-staff-onboarding');
  });

  it('never errors on empty, huge, emoji, HTML- or SQL-looking questions, and never returns markup', async () => {
    const empty = (await ask(t, { question: '' })).json();
    expect(empty.answer).toMatch(/请告诉我/);
    for (const question of ['   ', '😀😀😀', '<script>alert(1)</script>住院', "' OR 1=1; DROP TABLE faq; --", '医保'.repeat(5000), 'yibao报销 ok?', '\u0000\u200b住院']) {
      const res = await ask(t, { question });
      expect(res.statusCode, question.slice(0, 20)).toBe(200);
      const a = res.json();
      expect(a.answer).not.toMatch(/<[a-z/]/i);
      for (const c of a.citations) expect(c.title).not.toMatch(/<[a-z/]/i);
    }
  });

  it('says it does not know, and how to reach a person, when nothing really answers the question', async () => {
    for (const question of ['量子纠缠', '今天天气怎么样', '推荐一部电影', '帮我写一首诗']) {
      const a = (await ask(t, { question })).json();
      expect(a.citations, question).toEqual([]);
      expect(a.actions, question).toEqual([]);
      expect(a.clarify, question).toBeUndefined();
      expect(a.answer, question).toMatch(/答不上来.*027-68780000/);
    }
    const en = (await ask(t, { question: 'What is the weather like today?' }, 'en')).json();
    expect(en.citations).toEqual([]);
    expect(en.answer).toMatch(/don't know.*027-68780000/);
  });

  it('still answers paraphrases in everyday words (synonyms) above the floor', async () => {
    for (const [question, service] of [['看病的钱怎么报', /medical/], ['住院的钱能报多少', /^medical-reimbursement$/], ['医保包销', /^medical-reimbursement$/]] as const) {
      const a = (await ask(t, { question })).json();
      const cited = a.clarify ? a.clarify.options.map((o: { service: string }) => o.service) : a.actions.map((x: { service: string }) => x.service);
      expect(cited.some((c: string) => service.test(c)), `${question}: ${JSON.stringify(a)}`).toBe(true);
      expect(a.answer).not.toMatch(/答不上来/);
    }
  });

  it('puts a question it cannot answer into the editors\' backlog', async () => {
    const question = 'zyxwvut qqqq';
    const a = (await ask(t, { question })).json();
    expect(a.citations).toEqual([]);
    const rows = await t.db.handle.db.selectFrom('search_backlog').selectAll().where('reason', '=', 'no_result').execute();
    expect(rows.some((r) => r.query.includes('zyxwvut'))).toBe(true);
  });

  it('refuses malformed bodies', async () => {
    expectProblem(await ask(t, { question: 42 }), 400, 'validation_failed');
    expectProblem(await ask(t, { question: '住院', extra: 1 }), 400, 'validation_failed');
    expectProblem(await ask(t, { question: '住院', history: [{ role: 'system', text: 'x' }] }), 400, 'validation_failed');
    expectProblem(await ask(t, { question: '住院', service: '../x' }), 400, 'validation_failed');
    expectProblem(await ask(t, { question: 'x'.repeat(20_001) }), 400, 'validation_failed');
    expectProblem(await ask(t, {}), 400, 'validation_failed');
  });

  it('answers a signed-in person the same way (and checks their CSRF token)', async () => {
    const teacher = await t.login('teacher');
    const res = await t.request({ method: 'POST', url: ASK, body: { question: '住院的钱能报多少' }, as: teacher });
    expect(res.json().citations[0].id).toBe('health-001');
    expectProblem(await t.request({ method: 'POST', url: ASK, body: { question: '住院' }, headers: { cookie: teacher.cookie } }), 403, 'csrf_failed');
  });

  it('prefers the services of the signed-in person\'s group among equally good candidates', async () => {
    const [teacher, student] = await Promise.all([t.login('teacher'), t.login('student')]);
    const asked = async (as: Session) => (await t.request({ method: 'POST', url: ASK, body: { question: '看病的钱怎么报' }, as })).json();
    expect((await asked(student)).actions[0]?.service).toBe('student-medical-reimbursement');
    expect((await asked(teacher)).actions[0]?.service).toBe('medical-reimbursement');
  });

  it('is rate-limited per address', async () => {
    for (let i = 0; i < 3; i++) expect((await ask(limited, { question: '住院' })).statusCode).toBe(200);
    expectProblem(await ask(limited, { question: '住院' }), 429, 'rate_limited');
  });

  it('lets the model phrase the answer from the retrieved passages, citing what it used', async () => {
    model.state.mode = 'ok';
    model.state.requests.length = 0;
    const a = (await ask(withModel, { question: '住院的钱能报多少' })).json();
    expect(a.source).toBe('llm');
    expect(a.answer).toBe('住院费用按比例报销，三级医院约 85%。请保留结算单。');
    expect(a.citations).toEqual([{ kind: 'faq', id: 'health-001', title: '住院的钱能报多少？', href: '/kb/health-001' }]);
    expect(a.actions[0].service).toBe('medical-reimbursement');
    const sent = model.state.requests[0]!;
    expect(sent.auth).toBe('Bearer sk-test');
    expect(sent.body.model).toBe('test-model');
    expect(sent.body.messages[1].content).toContain('[1] 住院的钱能报多少？');
    expect(sent.body.messages[1].content).toContain('三级医院约 85%');
  });

  it.each(['nocite', 'error', 'garbage', 'slow'] as const)('falls back to the retrieval answer when the model replies %s', async (mode) => {
    model.state.mode = mode;
    const res = await ask(withModel, { question: '住院的钱能报多少' });
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a.source).toBe('retrieval');
    expect(a.citations[0].id).toBe('health-001');
    expect(a.answer).toContain('85%');
  });

  it('does not call the model to ask back', async () => {
    model.state.mode = 'ok';
    model.state.requests.length = 0;
    const a = (await ask(withModel, { question: '公积金' })).json();
    expect(a.clarify).toBeTruthy();
    expect(model.state.requests).toHaveLength(0);
  });
});
