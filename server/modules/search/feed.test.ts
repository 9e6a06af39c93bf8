import { describe, expect, it } from 'vitest';
import { serviceItems } from '../../../demo/services/index.ts';
import type { PublishedItem } from '../catalog/present.ts';
import { buildCorpus, catalogDocs, faqDocs, nextNoticeChange, noticeDocs, withoutCoveredGuideFaqs, type KbNotice } from './feed.ts';
import { makeSnippet, SNIPPET_CHARS } from './present.ts';

const items: PublishedItem[] = serviceItems.map((s) => ({ code: s.code, popularity: s.popularity, content: s.content, version: 1, publishedAt: '' }));

describe('catalogDocs', () => {
  it('gives every item and every guide FAQ, numbered from 1 and linked to the item', () => {
    const docs = catalogDocs(items);
    const item = items.find((i) => i.code === 'employment-certificate')!;
    const faqs = docs.filter((d) => d.kind === 'faq' && d.service === item.code);
    expect(faqs.map((d) => d.id)).toEqual(item.content.faq.map((_, i) => `${item.code}#${i + 1}`));
    expect(faqs[0]).toMatchObject({ title: item.content.faq[0].q.zh, body: item.content.faq[0].a.zh });
    expect(docs.filter((d) => d.kind === 'service')).toHaveLength(items.length);
  });

  it('builds an index in which a guide FAQ does not outrank its own item', async () => {
    const { index, docs } = await buildCorpus([() => catalogDocs(items)]);
    expect(docs.size).toBe(index.size);
    expect(index.search('在职证明').hits[0]).toMatchObject({ kind: 'service', id: 'employment-certificate' });
  });
});

describe('knowledge-base feed', () => {
  const kb = faqDocs([
    { id: 'cert-001', category: 'certificates', question: '在职证明在哪里开？', answer: '网上办事大厅自助开具。', questionEn: 'Where do I get an employment certificate?', aliases: ['工作证明怎么开'], service: 'employment-certificate', views: 10, helpfulYes: 2 },
    { id: 'hall-001', category: 'hall', question: '大厅几点开门？', answer: '8:30。', questionEn: null, aliases: [], service: null, views: 0, helpfulYes: 0 },
  ]);

  it('gives FAQs under their imported ids: aliases (and the English question) as aliases, views + helpful as popularity', () => {
    expect(kb[0]).toMatchObject({ kind: 'faq', id: 'cert-001', title: '在职证明在哪里开？', body: '网上办事大厅自助开具。', aliases: ['工作证明怎么开', 'Where do I get an employment certificate?'], popularity: 16, service: 'employment-certificate', category: 'certificates' });
    expect(kb[1].service).toBeUndefined();
  });

  it('drops a guide FAQ entry that a knowledge-base FAQ of the same service already asks, and keeps the others', () => {
    const guide = [
      { kind: 'service' as const, id: 'employment-certificate', title: '在职证明', body: '', popularity: 1 },
      { kind: 'faq' as const, id: 'employment-certificate#1', title: '在职证明在哪开？', body: '', popularity: 0, service: 'employment-certificate' },
      { kind: 'faq' as const, id: 'employment-certificate#2', title: '证明有效期多久？', body: '', popularity: 0, service: 'employment-certificate' },
      { kind: 'faq' as const, id: 'income-certificate#1', title: '在职证明在哪里开？', body: '', popularity: 0, service: 'income-certificate' },
    ];
    expect(withoutCoveredGuideFaqs(guide, kb).map((d) => d.id)).toEqual(['employment-certificate', 'employment-certificate#2', 'income-certificate#1']);
  });

  it('keeps notices inside their window only and knows when the next one opens or closes', () => {
    const n = (id: string, from: string, until: string | null): KbNotice => ({ id, title: id, titleEn: '', body: '', publishFrom: from, publishUntil: until });
    const notices = [n('past', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'), n('now', '2026-03-01T00:00:00Z', '2026-05-01T00:00:00Z'), n('later', '2026-04-01T00:00:00Z', null)];
    const at = '2026-03-15T00:00:00Z';
    expect(noticeDocs(notices, at).map((d) => d.id)).toEqual(['now']);
    expect(nextNoticeChange(notices, at)).toBe('2026-04-01T00:00:00Z');
    expect(nextNoticeChange(notices, '2026-06-01T00:00:00Z')).toBeUndefined();
  });
});

describe('makeSnippet', () => {
  it('keeps short text whole and its highlights as they are', () => {
    expect(makeSnippet('医保报销\n说明', [[0, 4]])).toEqual({ snippet: '医保报销 说明', highlights: [[0, 4]] });
  });
  it('cuts long text around the first highlight, marks the cuts and shifts the offsets', () => {
    const body = `${'甲'.repeat(100)}医保报销${'乙'.repeat(100)}`;
    const { snippet, highlights } = makeSnippet(body, [[100, 104], [300, 302]]);
    expect(snippet.startsWith('…') && snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBe(SNIPPET_CHARS + 2);
    expect(highlights).toHaveLength(1);
    expect(snippet.slice(...highlights[0])).toBe('医保报销');
  });
  it('never splits an emoji', () => {
    const body = `${'甲'.repeat(19)}😀${'乙'.repeat(100)}`;
    const { snippet } = makeSnippet(body, [[40, 41]]);
    expect(snippet).toContain('😀');
    expect(snippet).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});
