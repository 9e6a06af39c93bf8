import { describe, expect, it } from 'vitest';
import { BIGRAM, MAX_QUERY_CHARS, UNIGRAM, charReadings, normalizeQuery, pinyinKeys, splitRuns, tokenize } from './tokenize.ts';
import { components, looksAlike, lookalikesIn } from './lookalike.ts';
import { DEFAULT_SYNONYMS, expandSynonyms } from './synonyms.ts';

describe('tokenize', () => {
  it('gives jieba words, bigrams and characters for Chinese', () => {
    const t = tokenize('医保报销');
    expect(t).toEqual(expect.arrayContaining(['医保', '报销', BIGRAM + '医保', BIGRAM + '保报', BIGRAM + '报销', UNIGRAM + '医']));
  });
  it('lower-cases Latin words and splits mixed scripts', () => {
    expect(tokenize('校外访问（VPN）')).toEqual(expect.arrayContaining(['vpn', '校外', '访问']));
    expect(splitRuns('申请VPN账号').map((r) => [r.text, r.start, r.han])).toEqual([
      ['申请', 0, true], ['VPN', 2, false], ['账号', 5, true],
    ]);
  });
  it('ignores punctuation, emoji and markup characters', () => {
    expect(tokenize('😀😀')).toEqual([]);
    expect(tokenize('<b>')).toEqual(['b']);
  });
});

describe('normalizeQuery', () => {
  it('cuts long input, trims, lower-cases and accepts any value', () => {
    expect(Array.from(normalizeQuery('医'.repeat(500)))).toHaveLength(MAX_QUERY_CHARS);
    expect(normalizeQuery('  ＶＰＮ  账号 ')).toBe('vpn 账号');
    expect(normalizeQuery(undefined)).toBe('');
    expect(normalizeQuery(42)).toBe('42');
    expect(normalizeQuery('a\u0000b')).toBe('a b');
  });
});

describe('pinyin keys', () => {
  it('gives full pinyin with and without spaces and initials', () => {
    const k = pinyinKeys('医保报销');
    expect(k.full).toBe('yibaobaoxiao');
    expect(k.spaced).toBe('yi bao bao xiao');
    expect(k.initials).toBe('ybbx');
  });
  it('keeps Latin characters and stays aligned with UTF-16 offsets', () => {
    const k = pinyinKeys('校外访问（VPN）');
    expect(k.full).toBe('xiaowaifangwenvpn');
    expect(k.offsets[5]).toBe(5);
    expect(pinyinKeys('😀医').offsets).toEqual([0, 2]);
  });
  it('reads polyphones in context and lists every reading of a lone character', () => {
    expect(pinyinKeys('银行').full).toBe('yinhang');
    expect(charReadings('行')).toEqual(expect.arrayContaining(['xing', 'hang']));
    expect(pinyinKeys('绿色通道').full).toBe('lvsetongdao');
  });
});

describe('typo candidates', () => {
  it('finds look-alike characters from hanzi decomposition data', () => {
    expect(components('斑')).toEqual(['王', '文', '王']);
    expect(looksAlike('斑', '班')).toBe(true);
    expect(looksAlike('侍', '待')).toBe(true);
    expect(looksAlike('斑', '医')).toBe(false);
    expect(lookalikesIn('斑', ['值', '班', '报'])).toEqual(['班']);
  });
  it('shares readings between homophones', () => {
    expect(charReadings('包')).toContain('bao');
    expect(charReadings('报')).toContain('bao');
  });
});

describe('synonyms', () => {
  it('expands colloquial words with the default dictionary or a caller-supplied one', () => {
    expect(expandSynonyms('看病的钱怎么报', DEFAULT_SYNONYMS)).toContain('医保');
    expect(expandSynonyms('体检', DEFAULT_SYNONYMS)).toEqual(['健康检查']);
    expect(expandSynonyms('饭堂', { 饭堂: ['食堂'] })).toEqual(['食堂']);
    expect(expandSynonyms('', DEFAULT_SYNONYMS)).toEqual([]);
  });
});
