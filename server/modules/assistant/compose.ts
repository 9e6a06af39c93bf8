// The assistant's pure core: from the search hits (already resolved to passages with their text) and the
// question, decide whether to answer or ask back, write the retrieval answer, pick citations and actions.
// No I/O: service.ts loads the passages and the catalog facts and calls this.
import type { AskAnswer, AssistantAction, Citation } from '../../../common/assistant.ts';
import type { Lang } from '../../../common/problems.ts';
import type { ServiceItemContent } from '../../../common/catalog.ts';

export type Section = 'materials' | 'conditions' | 'limits' | 'fees' | 'windows' | 'steps';

/** A retrieved passage: one FAQ answer, or one service's guide. */
export interface Passage {
  kind: 'faq' | 'service';
  /** the FAQ id (`code#n` for a guide's own FAQ entry) or the service code */
  id: string;
  /** the service the passage is about, when there is one */
  service: string | undefined;
  /** question or service name, in the answer's language */
  title: string;
  /** the FAQ's answer in the answer's language (empty for a service: its guide is composed per section) */
  text: string;
  score: number;
}

/** What compose needs to know about a service. */
export interface ServiceFacts {
  code: string;
  content: ServiceItemContent;
  /** an online application process exists (the apply page works) */
  online: boolean;
}

// Phrases that ask about one part of a guide, in both languages. Order matters: the first match wins.
const SECTION_WORDS: [Section, RegExp][] = [
  ['materials', /材料|带什么|带哪些|准备什么|准备哪些|要带|证件|资料|提交什么|需要什么|documents?\b|materials?\b|bring|paperwork|what do i need/i],
  ['fees', /收费|费用是|要钱吗|多少钱|交钱|手续费|工本费|\bfees?\b|\bcharges?\b|how much does it cost/i],
  ['limits', /多久|几天|多长时间|时限|多少天|几个工作日|什么时候能|how long|how many days|time limit|when will/i],
  ['windows', /在哪|哪里办|去哪|地点|地址|窗口|电话|办公时间|几点|\bwhere\b|address|office hours|opening hours|phone/i],
  ['conditions', /条件|资格|谁可以|能不能申请|可以申请吗|符合|eligib|who can|qualif|requirements?\b/i],
  ['steps', /流程|步骤|怎么办理|如何办理|怎么申请|如何申请|怎么办|\bprocess\b|\bsteps?\b|how (do|can) i apply/i],
];

/** The guide section a question asks about, if any. */
export function sectionOf(question: string): Section | undefined {
  return SECTION_WORDS.find(([, re]) => re.test(question))?.[0];
}

/** A hit at or above this share of the best score counts as "as good" (ask back when services differ). */
export const CLOSE_SCORE = 0.9;
const MAX_OPTIONS = 4;
/** For a signed-in person, a candidate at or above this share of the best score is preferred when it serves their group. */
export const AUDIENCE_WINDOW = 0.7;

function pick(l: { zh: string; en: string }, lang: Lang): string {
  return lang === 'en' && l.en.trim() ? l.en : l.zh;
}

const T = {
  empty: { zh: '请告诉我您想办什么事，例如“住院的钱能报多少”或“新入职要办哪些手续”。', en: 'Tell me what you need to get done, for example "How much of my hospital costs will be reimbursed?"' },
  nothing: {
    zh: '抱歉，这个问题我答不上来：知识库和办事指南里没有相关内容。您可以换个说法再问，或找人工咨询：拨打师生综合服务中心电话 027-68780000，或到服务大厅综合窗口。',
    en: 'Sorry, I don\'t know: nothing in the knowledge base or the service guides covers that. Try asking in other words, or ask a person: call the Service Centre on 027-68780000 or visit the integrated window in the service hall.',
  },
  clarify: { zh: '您问的是下面哪一项？', en: 'Which of these do you mean?' },
  guideOf: { zh: '「{name}」', en: '"{name}"' },
  apply: { zh: '在线申请', en: 'Apply online' },
  applyGuide: { zh: '去办理', en: 'Apply now' },
  guide: { zh: '查看办事指南', en: 'Read the guide' },
  book: { zh: '预约现场办理', en: 'Book a visit' },
} as const;

function t(key: keyof typeof T, lang: Lang, params: Record<string, string> = {}): string {
  const s: string = lang === 'en' ? T[key].en : T[key].zh;
  return s.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
}

const LIMIT_UNIT = { working_day: { zh: '个工作日', en: 'working days' }, natural_day: { zh: '天', en: 'days' } };
const FORM = { original: { zh: '原件', en: 'original' }, copy: { zh: '复印件', en: 'copy' }, original_and_copy: { zh: '原件及复印件', en: 'original and copy' } };

/** One section of a guide as plain sentences. */
export function guideSection(c: ServiceItemContent, section: Section | 'overview', lang: Lang): string {
  const en = lang === 'en';
  const sep = en ? '; ' : '；';
  const name = pick(c.name, lang);
  const head = en ? `${name}: ` : `「${name}」`;
  switch (section) {
    case 'materials': {
      if (!c.materials.length) return head + (en ? 'no materials are needed.' : '无需提交材料。');
      const lines = c.materials.map((m, i) => {
        const bits = [FORM[m.form][en ? 'en' : 'zh']];
        if (m.copies > 1) bits.push(en ? `${m.copies} copies` : `${m.copies} 份`);
        if (!m.required) bits.push(en ? 'if applicable' : '如有');
        if (m.source === 'system') bits.push(en ? 'provided by the system, no need to submit' : '系统共享，无需提交');
        return `${i + 1}. ${pick(m.name, lang)}${en ? ` (${bits.join(', ')})` : `（${bits.join('，')}）`}`;
      });
      return `${head}${en ? 'materials needed: ' : '需要准备的材料：'}${lines.join(sep)}${en ? '.' : '。'}`;
    }
    case 'conditions': {
      const list = [pick(c.eligibility, lang), ...c.conditions.map((x) => pick(x, lang))].filter(Boolean);
      return `${head}${en ? 'who can apply and conditions: ' : '申请对象和条件：'}${list.join(sep)}`;
    }
    case 'limits': {
      const limit = c.promisedLimit.value === 0
        ? (en ? 'done on the spot' : '当场办结')
        : (en ? `done within ${c.promisedLimit.value} ${LIMIT_UNIT[c.promisedLimit.unit].en}` : `承诺 ${c.promisedLimit.value} ${LIMIT_UNIT[c.promisedLimit.unit].zh}内办结`);
      const visits = c.visits === 0 ? (en ? 'no visit needed' : '无需到现场') : (en ? 'at most one visit' : '最多跑一次');
      return `${head}${limit}${en ? ', ' : '，'}${visits}${en ? '.' : '。'}`;
    }
    case 'fees': {
      if (!c.fees.length) return head + (en ? 'free of charge.' : '不收费。');
      return head + c.fees.map((f) => `${pick(f.name, lang)} ${f.amount} ${en ? 'yuan' : '元'}`).join(sep) + (en ? '.' : '。');
    }
    case 'windows': {
      if (!c.windows.length) return head + (en ? `handled online; enquiries ${c.contacts.enquiryPhone}.` : `网上办理，咨询电话 ${c.contacts.enquiryPhone}。`);
      const ws = c.windows.map((w) => `${pick(w.address, lang)}${en ? ', ' : '，'}${pick(w.hours, lang)}${w.phone ? (en ? `, phone ${w.phone}` : `，电话 ${w.phone}`) : ''}`);
      return `${head}${en ? 'where: ' : '办理地点：'}${ws.join(sep)}${en ? '.' : '。'}`;
    }
    case 'steps':
      return `${head}${en ? 'steps: ' : '办理流程：'}${c.steps.map((s, i) => `${i + 1}. ${pick(s.name, lang)}`).join(sep)}${en ? '.' : '。'}`;
    case 'overview': {
      const mode = c.mode === 'online' ? (en ? 'online' : '网上办理') : c.mode === 'offline' ? (en ? 'at the window' : '窗口办理') : (en ? 'online or at the window' : '网上或窗口办理');
      return `${head}${pick(c.summary, lang)} ${en ? `How: ${mode}. ` : `办理方式：${mode}。`}${guideSection(c, 'limits', lang).slice(head.length)}`;
    }
  }
}

/** The actions offered for a service: apply (online process, else its guide), the guide, and a visit when one is needed. */
export function actionsFor(s: ServiceFacts, lang: Lang): AssistantAction[] {
  const out: AssistantAction[] = [];
  const guide = `/services/${encodeURIComponent(s.code)}`;
  if (s.online) out.push({ kind: 'apply', service: s.code, label: t('apply', lang), href: `${guide}/apply` });
  else if (s.content.mode !== 'offline') out.push({ kind: 'apply', service: s.code, label: t('applyGuide', lang), href: `${guide}#g-process` });
  out.push({ kind: 'guide', service: s.code, label: t('guide', lang), href: guide });
  if (s.content.flags.booking || s.content.visits > 0) out.push({ kind: 'book', service: s.code, label: t('book', lang), href: `${guide}#g-windows` });
  return out;
}

/** Where a passage is shown in the portal: the FAQ's answer page, or the guide (at the section used). */
export function citationOf(p: Passage, facts: (code: string) => ServiceFacts | undefined, lang: Lang, section?: Section): Citation {
  if (p.kind === 'faq' && !p.id.includes('#')) return { kind: 'faq', id: p.id, title: p.title, href: `/kb/${encodeURIComponent(p.id)}` };
  const code = p.service ?? p.id;
  const s = facts(code);
  const anchor = p.kind === 'faq' ? '#g-faq' : section ? `#g-${section === 'limits' ? 'overview' : section === 'steps' ? 'process' : section}` : '';
  return { kind: 'service', id: code, title: s ? pick(s.content.name, lang) : p.title, href: `/services/${encodeURIComponent(code)}${anchor}` };
}

export interface ComposeInput {
  question: string;
  lang: Lang;
  /** best first; only FAQ and service passages */
  passages: Passage[];
  facts: (code: string) => ServiceFacts | undefined;
  /** the service the person picked after being asked back */
  service?: string;
  /** who is asking, when signed in: among equally good candidates, their services come first */
  audience?: string;
}

/** The retrieval answer, or a question back when the best candidates are about different services. */
export function composeAnswer(input: ComposeInput): AskAnswer & { passages: Passage[] } {
  const { question, lang, facts } = input;
  if (!question.trim()) return { answer: t('empty', lang), citations: [], actions: [], source: 'retrieval', passages: [] };
  let passages = input.passages.filter((p) => !p.service || facts(p.service));
  if (input.service) {
    const own = passages.filter((p) => p.service === input.service);
    const s = facts(input.service);
    passages = own.length ? own : s ? [{ kind: 'service', id: s.code, service: s.code, title: pick(s.content.name, lang), text: '', score: 1 }] : [];
  }
  if (input.audience && !input.service && passages[0]) {
    // "看病的钱怎么报" asked by a teacher is about the staff claim, by a student about the student's: among
    // candidates nearly as good as the best, those whose service is for the asker's group come first.
    const best = passages[0].score;
    const forAsker = (p: Passage) => p.score >= AUDIENCE_WINDOW * best && !!p.service && facts(p.service)!.content.audiences.includes(input.audience as never);
    const preferred = passages.filter(forAsker);
    if (preferred.length) passages = [...preferred, ...passages.filter((p) => !forAsker(p))];
  }
  const top = passages[0];
  if (!top) return { answer: t('nothing', lang), citations: [], actions: [], source: 'retrieval', passages: [] };

  if (!input.service) {
    const best = Math.max(...passages.map((p) => p.score));
    const close = passages.filter((p) => p.score >= CLOSE_SCORE * best && p.service
      && (!input.audience || facts(p.service)!.content.audiences.includes(input.audience as never)));
    const services = [...new Set(close.map((p) => p.service!))];
    if (services.length >= 2 && top.service) {
      const options = services.slice(0, MAX_OPTIONS).map((code) => ({ service: code, label: pick(facts(code)!.content.name, lang) }));
      return { answer: t('clarify', lang), citations: [], actions: [], clarify: { question: t('clarify', lang), options }, source: 'retrieval', passages: [] };
    }
  }

  const section = sectionOf(question);
  const main = top.service ? facts(top.service) : undefined;
  let answer: string;
  let citations: Citation[];
  if (top.kind === 'faq') {
    answer = top.text;
    citations = [citationOf(top, facts, lang)];
  } else {
    answer = main ? guideSection(main.content, section ?? 'overview', lang) : top.title;
    citations = [citationOf(top, facts, lang, section)];
  }
  const used = [top];
  return { answer: plain(answer), citations, actions: main ? actionsFor(main, lang) : [], source: 'retrieval', passages: used };
}

/** Text as the UI shows it: no control characters, and nothing that a careless renderer could take for markup. */
export function plain(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, (c) => (c === '\n' ? '\n' : ' ')).replace(/[<>]/g, (c) => (c === '<' ? '‹' : '›')).trim();
}
