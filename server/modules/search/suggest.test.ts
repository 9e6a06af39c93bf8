import { describe, expect, it } from 'vitest';
import { CandidateIndex, type CandidateDoc } from './candidates.ts';
import { matchPinyin, syllablePositions } from './pinyin-match.ts';
import { SearchIndex, type SearchDoc } from './search-index.ts';
import { pinyinKeys } from './tokenize.ts';

const TITLES = [
  '校友卡办理', '校友捐赠', '校友图书馆使用', '校园网开通', '校园卡挂失与补办', '校内岗位调动', '小额报销', '教学工作量',
  '教职工离职', '教职工年度体检', '教学楼教室借用', '公积金提取', '公务卡报销', '工会会员证', 'Can I apply online?', 'The campus card',
];

function candidateDoc(seq: number, title: string, aliases: string[] = []): CandidateDoc {
  const keys = [title, ...aliases].map(pinyinKeys);
  return {
    seq, texts: [title, ...aliases].map((t) => t.toLowerCase()), keys, positions: keys.map(syllablePositions),
    mark: 0, pyMark: 0, pyScore: 0,
  };
}

/** pinyinScores' meaning, the slow way: the best pinyinMatch over a document's keys. */
const slowScore = (d: CandidateDoc, py: string) => Math.max(0, ...d.keys.map((k, i) => matchPinyin(k, d.positions[i], py).score));

describe('CandidateIndex', () => {
  const docs = TITLES.map((t, i) => candidateDoc(i, t, i % 3 ? [] : [`${t}须知`]));
  const ix = new CandidateIndex();
  for (const d of docs) ix.add(d);

  it('lists the documents whose title or alias starts with a needle (by its first three units)', () => {
    const seqs = (needle: string) => Array.from(ix.startingWith(needle)?.docs.subarray(0, ix.startingWith(needle)!.n) ?? []);
    expect(seqs('校友').map((s) => TITLES[s])).toEqual(['校友卡办理', '校友捐赠', '校友图书馆使用']);
    expect(seqs('教职工离职手续').map((s) => TITLES[s])).toEqual(['教职工离职', '教职工年度体检']); // by 教职工
    expect(seqs('can').map((s) => TITLES[s])).toEqual(['Can I apply online?']);
    expect(seqs('办理')).toEqual([]);
  });

  it('scores long pinyin strings as the pinyin matcher does, typed letter by letter or not', () => {
    let gen = 100;
    for (const word of ['xiaoyoujuanzeng', 'jiaozhigonglizhi', 'jiaoxuegongzuo', 'xiaoyuanwangkaitong', 'gongjijintiqu']) {
      for (let n = 5; n <= word.length; n++) {
        const py = word.slice(0, n);
        const found: CandidateDoc[] = [];
        ix.longPinyinScores(docs, py, ++gen, found);
        const expected = docs.filter((d) => slowScore(d, py) > 0);
        expect(found.map((d) => d.seq).sort((a, b) => a - b), py).toEqual(expected.map((d) => d.seq));
        for (const d of found) expect(d.pyScore, `${py} ${TITLES[d.seq]}`).toBe(slowScore(d, py));
      }
    }
    // out of order, and a string whose prefix was never asked
    const found: CandidateDoc[] = [];
    ix.longPinyinScores(docs, 'gongwuka', ++gen, found);
    expect(found.map((d) => TITLES[d.seq])).toEqual(['公务卡报销']);
  });

  it('forgets what it found for long pinyin when documents come and go', () => {
    const local = new CandidateIndex();
    const a = candidateDoc(0, '校友捐赠');
    local.add(a);
    const found: CandidateDoc[] = [];
    local.longPinyinScores([a], 'xiaoyouj', 1, found);
    expect(found).toHaveLength(1);
    const b = candidateDoc(1, '校友就业服务');
    local.add(b);
    const again: CandidateDoc[] = [];
    local.longPinyinScores([a, b], 'xiaoyouji', 2, again);
    expect(again.map((d) => d.seq)).toEqual([1]);
    local.remove(b);
    const gone: CandidateDoc[] = [];
    local.longPinyinScores([a, b], 'xiaoyouji', 3, gone);
    expect(gone).toEqual([]);
  });
});

describe('suggest', () => {
  // many documents of each kind of match, popularity spread, so the bound-by-bound visit has to stop early
  const corpus: SearchDoc[] = [];
  for (let i = 0; i < 300; i++) {
    const t = TITLES[i % TITLES.length];
    corpus.push({ kind: 'faq', id: `q${i}`, title: i % 2 ? `请问${t}怎么办` : `${t}${i}`, body: '', aliases: i % 5 ? [] : [`关于${t}`], popularity: (i * 37) % 101 });
  }
  const ix = new SearchIndex({ synonyms: {} });
  for (const d of corpus) ix.add(d);

  it('gives the first entries of a longer list: the visit stops only when nothing left can enter', () => {
    for (const q of ['x', 'c', 't', '校', '校友', '校友j', 'xiaoyou', 'xiaoyoujuan', 'jxgz', '请问', '教职gongli', 'can i', 'zz']) {
      const long = ix.suggest(q, 50);
      for (const k of [1, 3, 8, 20]) expect(ix.suggest(q, k), `${q} ${k}`).toEqual(long.slice(0, k));
    }
  });

  it('puts a title starting with the query above pinyin-only and inner matches, popularity deciding within', () => {
    const ids = ix.suggest('校友', 8).map((s) => s.id);
    const starts = corpus.filter((d) => d.title.startsWith('校友')).sort((a, b) => b.popularity - a.popularity || Number(a.id.slice(1)) - Number(b.id.slice(1)));
    expect(ids).toEqual(starts.slice(0, 8).map((d) => d.id));
  });

  it('finds the same documents for a long pinyin string whether it was typed letter by letter or pasted', () => {
    const fresh = new SearchIndex({ synonyms: {} });
    for (const d of corpus) fresh.add(d);
    const pasted = fresh.suggest('jiaozhigonglizhi', 8);
    for (let n = 5; n < 'jiaozhigonglizhi'.length; n++) ix.suggest('jiaozhigonglizhi'.slice(0, n), 8);
    expect(ix.suggest('jiaozhigonglizhi', 8)).toEqual(pasted);
    expect(pasted.length).toBeGreaterThan(0);
    expect(pasted.every((s) => s.title.includes('教职工离职'))).toBe(true);
  });
});
