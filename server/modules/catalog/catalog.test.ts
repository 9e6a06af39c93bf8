import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, expectProblem, type TestApp } from '../../test/harness.ts';

describe.each(DIALECTS)('public catalog on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t?.close(); });

  const get = (url: string, headers?: Record<string, string>) => t.request({ method: 'GET', url, headers });

  it('lists published items, most popular first, with the total', async () => {
    const res = await get('/api/v1/services?pageSize=100');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThanOrEqual(120);
    expect(body.items).toHaveLength(100);
    const pops = body.items.map((i: { popularity: number }) => i.popularity);
    expect([...pops].sort((a, b) => b - a)).toEqual(pops);
    expect(body.items[0]).toMatchObject({ code: expect.any(String), name: { zh: expect.any(String) }, department: { code: expect.any(String) } });
  });

  it('filters by audience, department, category and life event', async () => {
    for (const [param, check] of [
      ['audience=retiree', (i: any) => i.audiences.includes('retiree')],
      ['lifeEvent=onboarding', (i: any) => i.lifeEvents.includes('onboarding')],
      ['category=certificates', (i: any) => i.category.code === 'certificates'],
    ] as const) {
      const body = (await get(`/api/v1/services?${param}&pageSize=100`)).json();
      expect(body.total, param).toBeGreaterThan(0);
      expect(body.items.every(check), param).toBe(true);
    }
    const hr = (await get('/api/v1/services?department=hr&pageSize=100')).json();
    expect(hr.total).toBeGreaterThanOrEqual(6);
    const onboarding = (await get('/api/v1/services?lifeEvent=onboarding&pageSize=100')).json();
    expect(onboarding.items.map((i: any) => i.code)).toContain('new-staff-onboarding');
  });

  it('searches by keyword in Chinese and English and pages consistently', async () => {
    const zh = (await get(`/api/v1/services?q=${encodeURIComponent('在职证明')}`)).json();
    expect(zh.items.map((i: any) => i.code)).toContain('employment-certificate');
    const p1 = (await get('/api/v1/services?pageSize=10&page=1')).json();
    const p2 = (await get('/api/v1/services?pageSize=10&page=2')).json();
    expect(p1.total).toBe(p2.total);
    expect(p1.items.map((i: any) => i.code)).not.toContain(p2.items[0].code);
  });

  it('shows every element of a guide', async () => {
    const res = await get('/api/v1/services/employment-certificate');
    expect(res.statusCode).toBe(200);
    const g = res.json();
    expect(g).toMatchObject({ code: 'employment-certificate', version: 1, department: { code: expect.any(String) } });
    for (const key of ['name', 'summary', 'eligibility', 'conditions', 'materials', 'steps', 'promisedLimit', 'visits',
      'visitsReason', 'fees', 'windows', 'contacts', 'cautions', 'faq', 'policyBasis', 'result', 'flags']) {
      expect(g.content, key).toHaveProperty(key);
    }
    expect(g.content.visits).toBe(0);
  });

  it('answers an unknown service with a translated 404 problem', async () => {
    expect(expectProblem(await get('/api/v1/services/no-such-thing'), 404, 'service_not_found').detail).toContain('no-such-thing');
    const en = expectProblem(await get('/api/v1/services/no-such-thing', { 'accept-language': 'en-US,en;q=0.9' }), 404, 'service_not_found');
    expect(en.detail).toBe('Service no-such-thing was not found.');
  });

  it('refuses bad query parameters with 400 and says which', async () => {
    for (const q of ['audience=aliens', 'page=0', 'pageSize=1000', 'page=abc', 'sort=random', 'unknown=1', `q=${'x'.repeat(200)}`]) {
      const p = expectProblem(await get(`/api/v1/services?${q}`), 400, 'validation_failed');
      expect(p.errors?.length, q).toBeGreaterThan(0);
    }
    expectProblem(await get('/api/v1/services/..%2F..%2Fetc'), 400, 'validation_failed');
  });

  it('serves the filter vocabulary', async () => {
    const meta = (await get('/api/v1/meta')).json();
    expect(meta.campuses).toHaveLength(2);
    expect(meta.departments.length).toBeGreaterThan(40);
    expect(meta.categories.length).toBeGreaterThanOrEqual(10);
    expect(meta.audiences.map((a: any) => a.code)).toEqual(['staff', 'student', 'retiree', 'alumnus', 'visitor']);
    expect(meta.lifeEvents.find((e: any) => e.code === 'travel_abroad').name.zh).toBe('出国(境)');
  });
});

describe('pre-compressed catalog responses', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp('sqlite'); });
  afterAll(async () => { await t?.close(); });

  it('sends br or gzip to clients that ask, the same JSON once decoded, and plain bytes otherwise', async () => {
    const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
    const plain = await t.request({ method: 'GET', url: '/api/v1/services' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await t.request({ method: 'GET', url: '/api/v1/services', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
    const gz = await t.request({ method: 'GET', url: '/api/v1/services/transcript', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString()).code).toBe('transcript');
  });
});
