import { describe, expect, it } from 'vitest';
import { SearchIndex, type SearchDoc } from './search-index.ts';
import { pinyinMatch } from './pinyin-match.ts';
import { pinyinKeys } from './tokenize.ts';

const docs: SearchDoc[] = [
  { kind: 'service', id: 'med', title: '医保报销', body: '教职工门诊、住院医疗费用的医保报销。', popularity: 500 },
  { kind: 'service', id: 'duty', title: '暑假值班安排', body: '假期值班表与值班补贴。', popularity: 50 },
  { kind: 'service', id: 'union', title: '工会会员证办理', body: '新入职教职工办理工会会员证。', popularity: 80 },
  { kind: 'service', id: 'check', title: '教职工健康检查', body: '每年一次的健康检查预约。', popularity: 300 },
  { kind: 'faq', id: 'f1', title: '报销需要哪些票据？', body: '报销需提供发票原件。', aliases: ['票据要求'], popularity: 10 },
  { kind: 'notice', id: 'n1', title: '关于医保报销系统升级的通知', body: '系统升级期间暂停医保报销。', popularity: 5 },
];

function build(extra: SearchDoc[] = [], synonyms?: Record<string, string[]>): SearchIndex {
  const ix = new SearchIndex(synonyms ? { synonyms } : {});
  for (const d of [...docs, ...extra]) ix.add(d);
  return ix;
}
const top = (ix: SearchIndex, q: string) => ix.search(q).hits[0]?.id;

describe('SearchIndex.search', () => {
  const ix = build();
  it('ranks the title match above a body-only or long-title match', () => {
    const ids = ix.search('医保报销').hits.map((h) => h.id);
    expect(ids[0]).toBe('med');
    expect(ids).toContain('n1');
  });
  it('weighs title above aliases above body', () => {
    const ix2 = new SearchIndex({ synonyms: {} });
    ix2.add({ kind: 'faq', id: 'body', title: '其他', body: '宿舍调整', popularity: 0 });
    ix2.add({ kind: 'faq', id: 'alias', title: '其他', body: '', aliases: ['宿舍调整'], popularity: 0 });
    ix2.add({ kind: 'faq', id: 'title', title: '宿舍调整', body: '', popularity: 0 });
    expect(ix2.search('宿舍调整').hits.map((h) => h.id)).toEqual(['title', 'alias', 'body']);
  });
  it('lets popularity break near-ties', () => {
    const ix2 = new SearchIndex();
    ix2.add({ kind: 'service', id: 'rare', title: '证明开具', body: '', popularity: 1 });
    ix2.add({ kind: 'service', id: 'popular', title: '证明开具', body: '', popularity: 9000 });
    expect(top(ix2, '证明')).toBe('popular');
  });
  it('filters by kind and pages', () => {
    expect(ix.search('报销', { kind: 'faq' }).hits.map((h) => h.id)).toEqual(['f1']);
    expect(ix.search('报销', { page: 2 }).hits).toEqual([]);
    expect(ix.search('报销', { page: 2 }).page).toBe(2);
  });
  it('finds titles by full pinyin with or without spaces and by initials', () => {
    expect(top(ix, 'yibaobaoxiao')).toBe('med');
    expect(top(ix, 'yi bao bao xiao')).toBe('med');
    expect(top(ix, 'ybbx')).toBe('med');
    expect(ix.search('ybbx').hits[0].highlights.title).toEqual([[0, 4]]);
  });
  it('reads pinyin that spells no title as the Chinese it spells, from the index\'s own words', () => {
    const ix2 = build([{ kind: 'faq', id: 'teeth', title: '看牙能报销吗？', body: '口腔科就诊费用按门诊报销。', popularity: 0 }]);
    // 看牙 and 报销 are not side by side in any title: the pinyin matches nothing as typed
    const r = ix2.search('kanya baoxiao');
    expect(r.corrected).toBe('看牙报销');
    expect(r.hits.map((h) => h.id)).toContain('teeth');
    // a pinyin query that spells a title is left alone
    expect(ix2.search('yibaobaoxiao').corrected).toBeUndefined();
    // letters that cut into no syllables, and nothing indexed: no correction, no error
    expect(ix2.search('qwrt').corrected).toBeUndefined();
  });
  it('reads initials that skip a small word as the words of the title they abbreviate', () => {
    const ix2 = build([{ kind: 'faq', id: 'abnormal', title: '体检报告有异常怎么办？', body: '请到校医院复查。', popularity: 0 }]);
    // t j b g y c: 有 left out, and the whole word 异常 taken rather than 有 and half of it
    const r = ix2.search('tjbgyc');
    expect(r.corrected).toBe('体检报告异常');
    expect(r.hits[0]?.id).toBe('abnormal');
  });
  it('corrects homophone typos from pinyin input and says so', () => {
    const r = ix.search('医保包销');
    expect(r.corrected).toBe('医保报销');
    expect(r.hits[0].id).toBe('med');
    expect(ix.search('工会会员正').hits[0].id).toBe('union');
  });
  it('corrects look-alike characters', () => {
    expect(ix.correct('暑假值斑')).toBe('暑假值班');
    expect(top(ix, '暑假值斑')).toBe('duty');
  });
  it('does not "correct" a query that already matches', () => {
    expect(ix.search('医保报销').corrected).toBeUndefined();
  });
  it('expands synonyms from the default and from a caller dictionary', () => {
    expect(top(ix, '体检')).toBe('check');
    expect(top(ix, '看病')).toBe('med');
    const custom = build([], { 排班: ['值班'] });
    expect(top(custom, '排班')).toBe('duty');
  });
  it('returns highlight offsets, never markup', () => {
    const hit = ix.search('<b>医保</b>').hits[0];
    expect(hit.id).toBe('med');
    expect(hit.highlights.title).toEqual([[0, 2]]);
    expect(JSON.stringify(hit)).not.toContain('<');
  });
  it('never throws on bad input', () => {
    for (const q of ['', '   ', '😀🎉', "'; DROP TABLE users; --", '<script>alert(1)</script>', 'x'.repeat(10_000), null, undefined, 42, {}]) {
      const r = ix.search(q as unknown);
      expect(Array.isArray(r.hits)).toBe(true);
      expect(Array.isArray(ix.suggest(q as unknown, 5))).toBe(true);
    }
    expect(ix.search('').hits).toEqual([]);
    expect(ix.search("'; DROP TABLE users; --").hits).toEqual([]);
  });
  it('removes and replaces documents', () => {
    const ix2 = build();
    ix2.remove('med');
    expect(ix2.search('医保报销').hits.map((h) => h.id)).not.toContain('med');
    ix2.add({ ...docs[1], title: '寒假值班安排' });
    ix2.add({ ...docs[1], title: '寒假值班安排' });
    expect(ix2.search('寒假值班').hits.filter((h) => h.id === 'duty')).toHaveLength(1);
    expect(ix2.size).toBe(docs.length - 1);
  });
});

describe('SearchIndex.suggest', () => {
  it('forgives look-alike and homophone slips in FAQ questions and aliases too', () => {
    const ix = build([{ kind: 'faq', id: 'f2', title: '在读证明怎么开？', body: '在线申请。', popularity: 0 }]);
    expect(ix.suggest('在续证明', 3).map((s) => s.id)).toContain('f2'); // 续 (xu) looks like 读 (du)
    expect(ix.suggest('票椐要求', 3).map((s) => s.id)).toContain('f1'); // 椐 for 据
    expect(ix.suggest('报销需要哪些漂据', 3).map((s) => s.id)).toContain('f1'); // 漂 for 票 (piao)
    expect(ix.suggest('baoxiaoxuyao', 3).map((s) => s.id)).toContain('f1');
  });
  const ix = build();
  it('completes prefixes, pinyin and initials as the user types', () => {
    expect(ix.suggest('医保', 3)[0]).toEqual({ kind: 'service', id: 'med', title: '医保报销' });
    for (const q of ['y', 'yib', 'yibaobaox', 'yibaobaoxiao', 'yb', 'ybb', 'ybbx', '医保包']) {
      expect(ix.suggest(q, 3).map((s) => s.id), q).toContain('med');
    }
    expect(ix.suggest('工会', 3)[0].id).toBe('union');
  });
  it('respects the limit', () => {
    expect(ix.suggest('报销', 1)).toHaveLength(1);
    expect(ix.suggest('报销', 0)).toEqual([]);
  });
});

describe('pinyinMatch', () => {
  it('matches from a later word but not from the middle of one', () => {
    expect(pinyinMatch(pinyinKeys('住房公积金贷款'), 'gjj').score).toBeGreaterThan(0);
    expect(pinyinMatch(pinyinKeys('学生出国（境）交流'), 'gjj').score).toBe(0);
    expect(pinyinMatch(pinyinKeys('医保报销'), 'yibaobaoxiao')).toEqual({ score: 1, range: [0, 4] });
  });
});

describe('correction guards', () => {
  const ix = build();
  it('leaves noise alone instead of rewriting it', () => {
    expect(ix.correct('医'.repeat(30))).toBe('医'.repeat(30));
    expect(ix.search('医'.repeat(300)).corrected).toBeUndefined();
  });
  it('warms up without throwing', () => {
    expect(() => ix.warmUp()).not.toThrow();
  });
});

describe('evaluator defects (heteronyms, over-correction, look-alikes, synonyms)', () => {
  const ix = build([
    { kind: 'service', id: 'travel', title: '差旅费报销', body: '出差的交通、住宿费用报销。', popularity: 100 },
    { kind: 'service', id: 'pwd', title: '统一身份认证密码重置', body: '忘记密码时自助重置。', popularity: 100 },
    { kind: 'service', id: 'enrol', title: '在读证明', body: '在校学生开具在读证明。', popularity: 100 },
    { kind: 'service', id: 'retire', title: '离退休证明', body: '离退休人员证明。', popularity: 100 },
  ]);
  it('matches every reading of a polyphone in a title (差 chai, 重 chong)', () => {
    expect(top(ix, 'chailvfeibaoxiao')).toBe('travel');
    expect(top(ix, 'chail')).toBe('travel');
    expect(ix.search('mi ma chong zhi').hits.map((h) => h.id)).toContain('pwd');
  });
  it('prefers a look-alike that fits both neighbours over a rare-reading homophone', () => {
    expect(ix.correct('在续证明')).toBe('在读证明');
    expect(top(ix, '在续证明')).toBe('enrol');
  });
  it('does not rewrite an everyday word when the correction finds no more', () => {
    expect(ix.search('生孩子能休多久').corrected).toBeUndefined();
  });
  it('expands equivalent words both ways', () => {
    expect(top(ix, '体检')).toBe('check');
  });
});

describe('a service and its own FAQs (family order)', () => {
  const family: SearchDoc[] = [
    { kind: 'service', id: 'leave', title: '带薪年休假', body: '职能部门与教辅人员按工龄享受带薪年休假，网上申请。', popularity: 100 },
    { kind: 'faq', id: 'days', title: '我的年假有几天？', body: '按工龄计算：满 1 年不满 10 年 5 天。', aliases: ['年假几天'], popularity: 0, service: 'leave' },
    { kind: 'faq', id: 'carry', title: '今年的年假没休完，可以留到明年吗？', body: '当年有效，不跨年度。', aliases: ['年假跨年'], popularity: 0, service: 'leave' },
    { kind: 'service', id: 'travel', title: '差旅费报销', body: '出差的交通、住宿费用报销。', popularity: 100 },
    { kind: 'faq', id: 'taxi', title: '出差期间打车的钱能报吗？', body: '市内交通费凭行程单报销。', popularity: 0, service: 'travel' },
  ];
  const ix = new SearchIndex();
  for (const d of family) ix.add(d);
  const ids = (q: string) => ix.search(q).hits.map((h) => h.id);

  it('puts the service first when the query names it, its FAQs right after', () => {
    expect(ids('年假').slice(0, 3)).toEqual(['leave', 'days', 'carry']);
    expect(ids('nianxiujia')[0]).toBe('leave');
    expect(ids('出差报销')[0]).toBe('travel');
  });
  it('puts an FAQ first when the query asks about a detail its service does not mention', () => {
    expect(ids('打车的钱能报吗').slice(0, 2)).toEqual(['taxi', 'travel']);
    expect(ids('年假能留到明年吗')[0]).toBe('carry');
  });
  it('puts an FAQ first when the query is its question exactly', () => {
    expect(ids('我的年假有几天')[0]).toBe('days');
  });
});

describe('SearchIndex.relevance (the assistant\'s floor)', () => {
  const ix = build();
  const best = (q: string) => {
    const r = ix.search(q);
    return r.hits[0] ? ix.relevance(r.corrected ?? q, r.hits[0].kind, r.hits[0].id) : 0;
  };
  it('is high when the best hit is named by the question, directly, by synonym or by pinyin', () => {
    expect(best('医保报销怎么办')).toBe(1);
    expect(best('看病的钱怎么报')).toBe(1); // 看病 → 医保
    expect(best('yibao')).toBe(1);
  });
  it('is low when the best hit only shares a character or a body word with the question', () => {
    expect(best('量子纠缠')).toBeLessThan(0.5);
    expect(best('今天天气怎么样')).toBeLessThan(0.5);
    expect(ix.relevance('门诊', 'service', 'med')).toBe(0.5); // only in the body of 医保报销
  });
  it('is 0 for an unknown document or a question without topic words', () => {
    expect(ix.relevance('医保', 'service', 'nope')).toBe(0);
    expect(ix.relevance('怎么办', 'service', 'med')).toBe(0);
  });
});
