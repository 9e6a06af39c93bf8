import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, expectProblem, type TestApp } from '../../test/harness.ts';

interface Hit {
  kind: string; id: string; title: string; titleEn?: string; snippet: string;
  highlights: [number, number][]; snippetHighlights: [number, number][]; service?: string;
}

describe.each(DIALECTS)('search over HTTP on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t?.close(); });

  const get = (url: string) => t.request({ method: 'GET', url });
  const suggest = async (q: string, extra = '') => {
    const res = await get(`/api/v1/search/suggest?q=${encodeURIComponent(q)}${extra}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as { kind: string; id: string; title: string; titleEn?: string }[];
  };
  const search = async (q: string, extra = '') => {
    const res = await get(`/api/v1/search?q=${encodeURIComponent(q)}${extra}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Hit[]; total: number; page: number; corrected?: string };
  };

  it('suggests the intended service for words, initials and pinyin (from the very first request)', async () => {
    const exact = await suggest('在职证明');
    expect(exact[0]).toEqual({ kind: 'service', id: 'employment-certificate', title: '在职证明', titleEn: 'Employment certificate' });
    expect((await suggest('zzzm')).map((s) => s.id)).toContain('employment-certificate');
    expect((await suggest('yibaobaoxiao'))[0]).toMatchObject({ kind: 'service', id: 'medical-reimbursement', title: '医保报销（教职工）' });
    expect((await suggest('ybbx')).map((s) => s.id)).toContain('medical-reimbursement');
    expect((await suggest('医保')).map((s) => s.id)).toContain('medical-reimbursement');
  });

  it('offers the FAQ inside a guide (not covered by the knowledge base) and knowledge-base FAQs, linked to their service', async () => {
    const r = await search('在职证明', '&kind=faq');
    expect(r.items.length).toBeGreaterThan(0);
    expect(r.items.every((h) => h.kind === 'faq')).toBe(true);
    // a guide's own entry is `<code>#<n>`; a knowledge-base FAQ has its imported id (never a '#')
    expect(r.items.filter((h) => h.id.includes('#')).every((h) => h.service && h.id.startsWith(`${h.service}#`))).toBe(true);
    expect(r.items.some((h) => h.service === 'employment-certificate')).toBe(true);
    const guide = (await get('/api/v1/services/employment-certificate')).json();
    const entries = await search(guide.content.faq[0].q.zh, '&kind=faq');
    const own = entries.items.find((h) => h.id === 'employment-certificate#1');
    // either the guide's entry is found under its own id, or a knowledge-base FAQ of the same service answers it
    expect(own?.title ?? entries.items.find((h) => h.service === 'employment-certificate' && !h.id.includes('#'))?.id).toBeTruthy();
    expect((await search('在职证明', '&kind=service')).items.every((h) => h.kind === 'service' && !h.service)).toBe(true);
    const notices = await search('在职证明', '&kind=notice');
    expect(notices.items.every((h: { kind: string }) => h.kind === 'notice')).toBe(true);
  });

  it('returns full results with highlight offsets into the title and the snippet', async () => {
    const r = await search('在职证明');
    expect(r.corrected).toBeUndefined();
    const top = r.items[0];
    expect(top).toMatchObject({ kind: 'service', id: 'employment-certificate', title: '在职证明', highlights: [[0, 4]] });
    expect(top.snippet.length).toBeGreaterThan(0);
    for (const h of r.items) {
      for (const [a, b] of h.highlights) expect(a < b && b <= h.title.length, h.id).toBe(true);
      for (const [a, b] of h.snippetHighlights) {
        expect(a < b && b <= h.snippet.length, h.id).toBe(true);
        expect(h.snippet.slice(a, b).trim(), h.id).not.toBe('');
      }
    }
  });

  it('shows English titles and snippets, marked where the query\'s words occur, when the request is in English', async () => {
    const en = await search('hospital', '&lang=en');
    const faq = en.items.find((h) => h.id === 'health-001') as Hit & { titleEnHighlights?: [number, number][]; snippetLang?: string };
    expect(faq, JSON.stringify(en.items.map((h) => h.id))).toBeTruthy();
    expect(faq.titleEn).toBe('How much of my hospital costs will be reimbursed?');
    expect(faq.titleEnHighlights).toEqual([[15, 23]]);
    expect(faq.snippetLang).toBe('en');
    expect(faq.snippet).toMatch(/^[\x20-\x7e…%]+$/);
    for (const [a, b] of faq.snippetHighlights) expect(faq.snippet.slice(a, b).toLowerCase()).toBe('hospital');
    // a Chinese query in the English interface: English text, nothing to mark
    const zhQuery = (await t.request({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent('在职证明')}`, headers: { 'accept-language': 'en' } })).json();
    expect(zhQuery.items[0]).toMatchObject({ id: 'employment-certificate', titleEn: 'Employment certificate', snippetLang: 'en', titleEnHighlights: [] });
    expect(zhQuery.items[0].snippet).not.toMatch(/\p{Script=Han}/u);
    // Chinese requests are unchanged: Chinese snippet, no English markers
    const zh = await search('在职证明');
    expect(zh.items[0]).not.toHaveProperty('snippetLang');
    expect(zh.items[0]).not.toHaveProperty('titleEnHighlights');
  });

  it('corrects a homophone typo from pinyin input and says so', async () => {
    const r = await search('医保包销');
    expect(r.corrected).toBe('医保报销');
    expect(r.items[0].id).toBe('medical-reimbursement');
    expect((await search('收入证名')).corrected).toBe('收入证明');
  });

  it('pages through results consistently', async () => {
    const p1 = await search('证明');
    const p2 = await search('证明', '&page=2');
    expect(p1.total).toBeGreaterThan(10);
    expect(p1.items).toHaveLength(10);
    expect(p2.total).toBe(p1.total);
    expect(p2.page).toBe(2);
    const ids1 = new Set(p1.items.map((h) => `${h.kind}:${h.id}`));
    expect(p2.items.some((h) => ids1.has(`${h.kind}:${h.id}`))).toBe(false);
    const beyond = await search('证明', '&page=999');
    expect(beyond).toMatchObject({ items: [], total: p1.total, page: 999 });
    expect(await suggest('证明', '&limit=3')).toHaveLength(3);
    expect((await suggest('证', '&limit=20')).length).toBeLessThanOrEqual(20);
  });

  it('answers empty and absent queries with an empty list', async () => {
    expect(await suggest('')).toEqual([]);
    expect((await get('/api/v1/search/suggest')).json()).toEqual({ items: [] });
    expect(await search('   ')).toEqual({ items: [], total: 0, page: 1 });
    expect((await get('/api/v1/search')).json()).toEqual({ items: [], total: 0, page: 1 });
  });

  it('cuts a very long query instead of refusing it', async () => {
    const long = `在职证明${'啊'.repeat(2000)}`;
    expect((await search(long)).items.map((h) => h.id)).toContain('employment-certificate');
    expect(Array.isArray(await suggest(long))).toBe(true);
  });

  it('refuses unknown parameters and out-of-range limits, kinds and pages with a 400 problem', async () => {
    for (const url of [
      '/api/v1/search/suggest?q=a&unknown=1', '/api/v1/search/suggest?q=a&limit=0', '/api/v1/search/suggest?q=a&limit=999',
      '/api/v1/search/suggest?q=a&limit=abc', '/api/v1/search?q=a&kind=person', '/api/v1/search?q=a&page=0',
      '/api/v1/search?q=a&page=abc', '/api/v1/search?q=a&limit=5',
    ]) {
      const p = expectProblem(await get(url), 400, 'validation_failed');
      expect(p.errors?.length, url).toBeGreaterThan(0);
    }
    expect((await get('/api/v1/search?q=a&lang=en')).statusCode).toBe(200);
  });

  it('gives sane results for emoji, markup, SQL-looking and mixed-script input, and never echoes markup', async () => {
    for (const q of ['😀', '😀在职证明😀', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', "' OR 1=1 --", 'Robert\'); DROP TABLE service_item;--', '医保bao', '\u0000\u202e在职']) {
      for (const res of [await get(`/api/v1/search?q=${encodeURIComponent(q)}`), await get(`/api/v1/search/suggest?q=${encodeURIComponent(q)}`)]) {
        expect(res.statusCode, q).toBe(200);
        expect(String(res.headers['content-type'])).toContain('application/json');
        expect(res.body, q).not.toMatch(/<script|<img|onerror/i);
        expect(Array.isArray(res.json().items), q).toBe(true);
      }
    }
    expect((await search('😀在职证明😀')).items[0].id).toBe('employment-certificate');
    expect((await search('<script>alert(1)</script>')).items).toEqual([]);
    // the catalog is still there after the SQL-looking queries
    expect((await suggest('在职证明'))[0].id).toBe('employment-certificate');
  });

  it('finds an item under its new title once the renamed version is published', async () => {
    const [hradmin, manager] = await Promise.all([t.login('hradmin'), t.login('manager')]);
    const admin = (method: string, path: string, as: typeof hradmin, body?: unknown) =>
      t.request({ method, url: `/api/v1/admin/services/employment-certificate${path}`, as, body });
    const before = (await get('/api/v1/services/employment-certificate')).json();
    const newName = '教职工任职证明书';
    const content = { ...before.content, name: { zh: newName, en: 'Certificate of service' } };
    expect((await admin('PUT', '/draft', hradmin, { content })).statusCode).toBe(200);
    expect((await admin('POST', '/submit', hradmin)).statusCode).toBe(200);
    // not yet published: the old title still stands
    expect((await search('任职证明书')).items.find((h) => h.id === 'employment-certificate')?.title).not.toBe(newName);
    expect((await admin('POST', '/publish', manager, { comment: '同意' })).statusCode).toBe(200);

    const r = await search('任职证明书');
    expect(r.items[0]).toMatchObject({ kind: 'service', id: 'employment-certificate', title: newName, titleEn: 'Certificate of service' });
    expect((await suggest('rzzms')).map((s) => s.id)).toContain('employment-certificate');
    expect((await suggest('教职工任职'))[0]).toMatchObject({ id: 'employment-certificate', title: newName });
  });
});
