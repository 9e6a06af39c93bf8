import { describe, expect, it } from 'vitest';
import { asksQuestion, bestShape, contentUnits, shapeMatch, shapeQuery, titleCover, titleWordings, wholePhrase } from './question-shape.ts';
import { SearchIndex, type SearchDoc } from './search-index.ts';
import { DEFAULT_SYNONYMS } from './synonyms.ts';

describe('question shape', () => {
  it('keeps content characters and drops question phrasing and function characters', () => {
    expect(contentUnits('缓考什么时候考？')).toEqual(['缓', '考', '考']);
    expect(contentUnits('有 MATLAB 吗')).toEqual(['matlab']);
  });
  it('is 1 for the same question in other function words, lower for a name that says more or less', () => {
    const q = shapeQuery('校友可以去体育馆吗', {});
    expect(shapeMatch(q, '校友体育馆')).toBe(1);
    expect(shapeMatch(q, '校友能去体育馆锻炼吗？')).toBeGreaterThan(0.8);
    expect(shapeMatch(q, '体育场馆预约')).toBeLessThan(0.6);
    expect(shapeMatch(q, '')).toBe(0);
    expect(bestShape(q, ['体育场馆预约', '校友体育馆'])).toBe(1);
  });
  it('counts a colloquial word as held when the name holds its catalog wording', () => {
    const q = shapeQuery('出差回来怎么报账', DEFAULT_SYNONYMS);
    expect(shapeMatch(q, '差旅费报销')).toBeGreaterThan(shapeMatch(shapeQuery('出差回来怎么报账', {}), '差旅费报销'));
  });
  it('tells a question from a topic', () => {
    expect(asksQuestion('校友可以去体育馆吗')).toBe(true);
    expect(asksQuestion('公积金能贷多少')).toBe(true);
    expect(asksQuestion('盖公章')).toBe(false);
    expect(asksQuestion('心理辅导')).toBe(false);
  });
  it('knows a query that is one dictionary phrase as a whole', () => {
    expect(wholePhrase('健康检查', DEFAULT_SYNONYMS)).toBe(true);
    expect(wholePhrase('健康检查怎么办', DEFAULT_SYNONYMS)).toBe(true);
    expect(wholePhrase('健康检查报告', DEFAULT_SYNONYMS)).toBe(false);
    expect(wholePhrase('', DEFAULT_SYNONYMS)).toBe(false);
  });
  it('measures how much of a wording a service title covers', () => {
    expect(titleCover(titleWordings('健康检查', ['体检']), '教职工年度体检')).toBe(1);
    expect(titleCover(titleWordings('健康检查', []), '教职工年度体检')).toBe(0);
  });
});

describe('ranking with question shape and whole dictionary phrases', () => {
  const ids = (ix: SearchIndex, q: string) => ix.search(q).hits.map((h) => h.id);
  const build = (docs: SearchDoc[], synonyms?: Record<string, string[]>) => {
    const ix = new SearchIndex(synonyms ? { synonyms } : {});
    for (const d of docs) ix.add(d);
    return ix;
  };

  it('keeps an FAQ that is the query\'s own question above its service, the service right after', () => {
    const ix = build([
      { kind: 'service', id: 'venue', title: '体育场馆预约', body: '体育馆、游泳馆在线预约，教职工、学生和校友均可。', popularity: 100 },
      { kind: 'faq', id: 'gym', title: '校友能去体育馆锻炼吗？', body: '凭校友卡预约。', aliases: ['校友体育馆'], popularity: 0, service: 'venue' },
      { kind: 'faq', id: 'fee', title: '体育馆怎么收费？', body: '按场次收费。', popularity: 0, service: 'venue' },
    ]);
    expect(ids(ix, '校友可以去体育馆吗').slice(0, 2)).toEqual(['gym', 'venue']);
    expect(ids(ix, '体育馆')[0]).toBe('venue');
  });
  it('does not take a word only an FAQ\'s answer mentions for a detail it asks', () => {
    const ix = build([
      { kind: 'service', id: 'loan', title: '借款申请', body: '因公需要预先支付的费用，可申请借款。', popularity: 100 },
      { kind: 'faq', id: 'venue-fee', title: '开会要先付场地费，能向学校借款吗？', body: '可以，从项目经费中借款，会后冲账。', aliases: ['预借款'], popularity: 0, service: 'loan' },
    ], { 预支: ['借款'] });
    expect(ids(ix, '预支经费')[0]).toBe('loan');
  });
  it('gives a phrase the whole query consists of its dictionary meaning at full weight', () => {
    const docs: SearchDoc[] = [
      { kind: 'service', id: 'meal', title: '餐费补贴申领', body: '教职工工作日餐费补贴。', popularity: 10 },
      { kind: 'faq', id: 'trip', title: '出差的伙食补助怎么算？', body: '按出差天数包干。', popularity: 0 },
    ];
    const ix = build(docs, { 伙食: ['餐费补贴'] });
    expect(ids(ix, '伙食')[0]).toBe('meal');
    // within a longer question the literal word keeps its weight
    expect(ids(ix, '出差伙食补助怎么算')[0]).toBe('trip');
  });
  it('ranks the service a pinyin query spells above another service\'s FAQ that starts with it', () => {
    const ix = build([
      { kind: 'service', id: 'loan', title: '住房公积金贷款', body: '购房贷款。', popularity: 100 },
      { kind: 'service', id: 'withdraw', title: '退休提取住房公积金', body: '退休销户提取。', popularity: 50 },
      { kind: 'faq', id: 'unpaid', title: '公积金贷款还没还完，退休了能提取吗？', body: '可以。', popularity: 0, service: 'withdraw' },
    ]);
    expect(ids(ix, 'gongjijindaikuan')[0]).toBe('loan');
    expect(ids(ix, 'gjjdk')[0]).toBe('loan');
  });
});
