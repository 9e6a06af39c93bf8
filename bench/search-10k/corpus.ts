// The scaled knowledge base for the 10k search benchmark (issue 4, "Benchmarks"): the demo university's
// FAQs (demo/kb/*.jsonl, plus the FAQ entries of the service guides) recombined into N FAQ records in the
// import format, deterministically from a seed. Generated on the fly; nothing large is committed.
//
//   node --import tsx bench/search-10k/corpus.ts [--n 10000] [--seed 20261123] [--out file.jsonl]
//
// Variation comes from: question templates a person would type about a service (materials, time limits,
// who may apply, where, online or not, fees, progress, rejections …) filled with the catalog's service names,
// audiences, campuses and moments; the seed FAQs themselves reworded (请问…, …呢？, a who/when lead-in);
// answers stitched from 1–8 sentences of the seed answers, the service's summary and eligibility and
// template sentences (so lengths vary from one line to several paragraphs); 0–5 aliases; a skewed popularity.
import fs from 'node:fs';
import path from 'node:path';
import { serviceItems } from '../../demo/services/index.ts';
import type { FaqRecord } from '../../common/kb.ts';
import type { SearchDoc } from '../../server/modules/search/search-index.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const DEFAULT_N = 10_000;
export const DEFAULT_SEED = 20261123;

/** mulberry32: a small deterministic PRNG (same seed → same corpus on every machine and Node version). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generated FAQ: the import record plus the popularity the benchmark gives it. */
export interface GenFaq extends FaqRecord { popularity: number }

interface Svc { code: string; name: string; nameEn: string; category: string; summary: string; eligibility: string; popularity: number }
interface Seed { question: string; answer: string; aliases: string[]; service?: string; category: string }

export function services(): Svc[] {
  return serviceItems.map((s) => ({
    code: s.code, name: s.content.name.zh, nameEn: s.content.name.en, category: s.content.category,
    summary: s.content.summary.zh, eligibility: s.content.eligibility.zh, popularity: s.popularity,
  }));
}

/** The demo KB as it stands (files may still be being written: unreadable lines are skipped) and the guides' FAQ entries. */
export function seedFaqs(): { seeds: Seed[]; kbFiles: number; kbLines: number } {
  const seeds: Seed[] = [];
  const dir = path.join(ROOT, 'demo/kb');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort() : [];
  let kbLines = 0;
  for (const f of files) {
    for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const r = JSON.parse(line) as FaqRecord;
        if (typeof r.question !== 'string' || typeof r.answer !== 'string') continue;
        seeds.push({ question: r.question, answer: r.answer, aliases: r.aliases ?? [], service: r.service, category: r.category });
        kbLines++;
      } catch { /* a line being written */ }
    }
  }
  for (const s of serviceItems) {
    for (const f of s.content.faq) seeds.push({ question: f.q.zh, answer: f.a.zh, aliases: [], service: s.code, category: s.content.category });
  }
  return { seeds, kbFiles: files.length, kbLines };
}

const WHO = ['教职工', '新入职教师', '博士后', '研究生', '本科生', '留学生', '退休老师', '外聘人员', '辅导员', '实验员', '行政人员', '我', '我爱人', '学生家长', '刚毕业的学生'];
const CAMPUS = ['主校区', '东校区', '两个校区', '分校区'];
const WHEN = ['寒假期间', '暑假里', '毕业前', '入职第一年', '周末', '下个月', '出差回来后', '开学前', '年底', '退休以后', '学期中间', '节假日'];
const PURPOSE = ['办签证', '买房贷款', '孩子上学', '评职称', '申报项目', '入户', '出国交流', '单位报销', '租房', '年度考核'];

/** Question templates: {s} service name, {s2} another service, {w} who, {c} campus, {t} when, {p} purpose. */
const Q_TEMPLATES = [
  '{s}需要准备哪些材料？', '{s}要多久能办好？', '{w}可以申请{s}吗？', '{s}在哪个窗口办理？', '{c}能办{s}吗？',
  '{t}办{s}有什么不同？', '{s}可以找人代办吗？', '{s}网上能办吗', '{s}进度怎么查？', '{s}被退回了怎么办？',
  '{s}收费吗？多少钱？', '{s}一年能办几次？', '办{s}要本人到场吗？', '{s}的审批要经过谁？', '{s}提交后能撤回吗？',
  '{w}{t}想办{s}，流程是怎样的？', '{s}和{s2}可以一起办吗？', '为什么我的{s}申请一直没有结果？', '{s}办理时限是多少个工作日',
  '{s}需要单位盖章吗？', '{p}需要{s}吗？', '{s}的表格在哪里下载？', '{s}填错了能改吗', '{s}审批通过后去哪里领？',
  '{w}第一次办{s}要注意什么？', '{s}的办理条件是什么？', '{s}有没有纸质版？', '{s}可以邮寄吗？', '{s}咨询电话是多少',
  '{t}能不能办{s}？', '{s}需要提前多少天申请？', '{s}没通过可以再申请吗？', '{s}要交原件还是复印件？', '{w}办{s}有没有优惠？',
  '{s}的结果多久有效？', '{s}系统打不开怎么办？', '{s}线上提交后还要去窗口吗？', '{s}可以在手机上办吗？', '{s}要排队吗？',
  '{s}流程', '{s}材料清单', '怎么申请{s}', '{s}在哪办', '{s}多久', '{w}{s}', '{c}{s}地点',
];
const A_TEMPLATES = [
  '一般 {n} 个工作日内办结。', '可在{c}服务中心 {k} 号窗口办理。', '咨询电话 027-6878{d}。', '全程网办，不用跑窗口。',
  '{w}须本人办理，委托他人的请带上委托书和双方身份证。', '{t}窗口正常受理，网上大厅全天开放。', '提交后可在“我的办件”里查看进度。',
  '材料不齐的，窗口一次性告知需要补正的内容。', '审批通过后系统发送短信通知。', '本事项不收费。', '工本费按学校规定收取，可刷校园卡支付。',
  '如对办理结果有异议，可拨打效能监督电话 027-68780000。', '{p}时使用的，请在用途一栏写明。', '办理结果可在线下载电子版，与纸质版具有同等效力。',
];
const ALIAS_TEMPLATES = ['{s}材料', '{s}要带什么', '{s}手续', '怎么办{s}', '{s}在哪里办', '{s}时间', '{s}能网办吗', '{s}流程图', '{w}{s}', '{s}问题'];

function fill(tpl: string, pick: <T>(xs: readonly T[]) => T, s: Svc, s2: Svc, rand: () => number): string {
  return tpl.replace(/\{(\w+)\}/g, (_, k: string) => {
    switch (k) {
      case 's': return s.name;
      case 's2': return s2.name;
      case 'w': return pick(WHO);
      case 'c': return pick(CAMPUS);
      case 't': return pick(WHEN);
      case 'p': return pick(PURPOSE);
      case 'n': return String(1 + Math.floor(rand() * 15));
      case 'k': return String(1 + Math.floor(rand() * 12));
      case 'd': return String(1000 + Math.floor(rand() * 9000));
      default: return k;
    }
  });
}

/** Sentences of a text (kept with their closing punctuation). */
function sentences(text: string): string[] {
  return text.match(/[^。！？!?]+[。！？!?]?/g)?.map((x) => x.trim()).filter(Boolean) ?? [];
}

/** N generated FAQ records, deterministic for a seed. */
export function generate(n = DEFAULT_N, seed = DEFAULT_SEED): GenFaq[] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const svcs = services();
  const byPopularity = [...svcs].sort((a, b) => b.popularity - a.popularity || a.code.localeCompare(b.code));
  const byCode = new Map(svcs.map((s) => [s.code, s]));
  const byCategory = new Map<string, Svc[]>();
  for (const s of svcs) byCategory.set(s.category, [...(byCategory.get(s.category) ?? []), s]);
  const { seeds } = seedFaqs();
  const seedsBySvc = new Map<string, Seed[]>();
  for (const f of seeds) if (f.service) seedsBySvc.set(f.service, [...(seedsBySvc.get(f.service) ?? []), f]);

  const out: GenFaq[] = [];
  const seen = new Set<string>();
  const counters = new Map<string, number>();
  let guard = 0;
  while (out.length < n && guard++ < n * 20) {
    // a service, weighted towards the popular ones (as real questions are)
    const s = rand() < 0.6 ? byPopularity[Math.floor(Math.pow(rand(), 2) * svcs.length)]! : pick(svcs);
    const sibling = pick(byCategory.get(s.category) ?? svcs);
    const s2 = sibling.code === s.code ? pick(svcs) : sibling;
    const own = seedsBySvc.get(s.code) ?? [];
    let question: string;
    const mode = rand();
    if (mode < 0.3 && own.length) {
      // a seed question reworded
      const base = pick(own).question;
      const r = rand();
      question = r < 0.25 ? `请问${base}` : r < 0.5 ? `${pick(WHO)}：${base}` : r < 0.75 ? base.replace(/[？?]$/, '呢？') : `${pick(WHEN)}，${base}`;
    } else if (mode < 0.4 && seeds.length) {
      // a seed question from anywhere (the KB's own categories, hall questions) with a lead-in
      question = `${pick(WHO)}${pick(WHEN)}：${pick(seeds).question}`;
    } else {
      question = fill(pick(Q_TEMPLATES), pick, s, s2, rand);
    }
    if (seen.has(question)) {
      question = `${question.replace(/[？?]$/, '')}（${pick(WHO)}，${pick(CAMPUS)}）？`;
      if (seen.has(question)) continue;
    }
    seen.add(question);

    // answers of varied length: 1–8 sentences, sometimes a long one built from several sources
    const pool = [
      ...own.flatMap((f) => sentences(f.answer)), ...sentences(s.summary), ...sentences(s.eligibility),
    ];
    const count = 1 + Math.floor(Math.pow(rand(), 0.8) * 7);
    const parts: string[] = [];
    for (let i = 0; i < count; i++) {
      const part = pool.length && rand() < 0.65 ? pick(pool) : fill(pick(A_TEMPLATES), pick, s, s2, rand);
      if (!parts.includes(part)) parts.push(part);
    }
    if (rand() < 0.08) parts.push(...sentences(pick(seeds).answer)); // the occasional long answer
    const answer = parts.join('');

    const aliases = new Set<string>();
    const na = Math.floor(Math.pow(rand(), 1.3) * 6);
    for (let i = 0; i < na; i++) {
      const from = own.flatMap((f) => f.aliases);
      aliases.add(from.length && rand() < 0.4 ? pick(from) : fill(pick(ALIAS_TEMPLATES), pick, s, s2, rand));
    }
    aliases.delete(question);

    const c = (counters.get(s.category) ?? 0) + 1;
    counters.set(s.category, c);
    const rec: GenFaq = {
      id: `gen-${s.category}-${String(c).padStart(5, '0')}`,
      category: s.category,
      question,
      answer,
      ...(aliases.size ? { aliases: [...aliases] } : {}),
      ...(byCode.has(s.code) && rand() < 0.9 ? { service: s.code } : {}),
      en: { question: `${s.nameEn}: question ${c}`, answer: `About ${s.nameEn}.` },
      // a few FAQs are read a lot, most rarely (views as popularity)
      popularity: Math.round(s.popularity * Math.pow(rand(), 3) * 0.3),
    };
    out.push(rec);
  }
  if (out.length < n) throw new Error(`could only generate ${out.length} distinct FAQs`);
  return out;
}

/** The index documents of the benchmark: every demo service and guide FAQ (as the catalog feed gives them) plus the generated FAQs. */
export function documents(faqs: readonly GenFaq[]): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const s of serviceItems) {
    const c = s.content;
    docs.push({ kind: 'service', id: s.code, title: c.name.zh, body: `${c.summary.zh}\n${c.eligibility.zh}`, aliases: c.name.en ? [c.name.en] : [], popularity: s.popularity });
    c.faq.forEach((f, i) => docs.push({
      kind: 'faq', id: `${s.code}#${i + 1}`, title: f.q.zh, body: f.a.zh, aliases: f.q.en ? [f.q.en] : [], popularity: Math.round(s.popularity * 0.2), service: s.code,
    }));
  }
  // as the knowledge-base feed gives them (server/modules/search/feed.ts faqDocs): the English question is one more alias
  for (const f of faqs) docs.push({ kind: 'faq', id: f.id, title: f.question, body: f.answer, aliases: [...(f.aliases ?? []), ...(f.en ? [f.en.question] : [])], popularity: f.popularity, ...(f.service ? { service: f.service } : {}) });
  return docs;
}

// CLI: write the corpus as JSON Lines (the `onestop kb import` format, without the benchmark's popularity).
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
  const faqs = generate(Number(arg('--n') ?? DEFAULT_N), Number(arg('--seed') ?? DEFAULT_SEED));
  const text = faqs.map(({ popularity: _p, ...r }) => JSON.stringify(r)).join('\n') + '\n';
  const out = arg('--out');
  if (out) fs.writeFileSync(out, text);
  else process.stdout.write(text);
  if (out) {
    const lens = faqs.map((f) => f.answer.length).sort((a, b) => a - b);
    console.error(`${faqs.length} FAQs → ${out}; answer length p10/p50/p90/max ${[0.1, 0.5, 0.9].map((q) => lens[Math.floor(q * lens.length)]).join('/')}/${lens.at(-1)}`);
  }
}
