// The assistant: retrieval first (the search index over FAQs and service guides), the pure composer for the
// answer, then — when configured — the language model to phrase it from the same passages.
import { QUESTION_CUT, type AskAnswer, type AskBody, type Citation } from '../../../common/assistant.ts';
import type { Lang } from '../../../common/problems.ts';
import type { Db } from '../../db/index.ts';
import type { CatalogCache } from '../catalog/cache.ts';
import type { SearchService } from '../search/service.ts';
import { corpusKey } from '../search/feed.ts';
import { citationOf, composeAnswer, guideSection, plain, sectionOf, type Passage, type ServiceFacts } from './compose.ts';
import { phraseWithLlm, type LlmConfig } from './llm.ts';
import { faqTexts, onlineServices } from './repo.ts';
import { recordSearchMiss } from '../kb/service.ts';

export interface AssistantDeps {
  db: Db;
  catalog: CatalogCache;
  search: SearchService;
  llm: LlmConfig | null;
  log?: (msg: string, err?: unknown) => void;
}

/**
 * The relevance floor: the best hit must hold at least this share of the question's topic words in its name (a
 * word only in its body counts half; SearchIndex.relevance), or the assistant says it does not know rather than
 * answer "量子纠缠" with whatever shares a character. Synonyms count, so 看病的钱怎么报 still reaches 医保报销.
 */
export const RELEVANCE_FLOOR = 0.5;
/** How many passages the model sees. */
const LLM_PASSAGES = 4;
/** A follow-up this short ("那要带什么材料？") is read together with the previous question. */
const FOLLOW_UP_CHARS = 10;

/** Cuts the question at the documented limit (by characters, not UTF-16 units). */
export function cutQuestion(q: string): string {
  return Array.from(q.normalize('NFKC')).slice(0, QUESTION_CUT).join('').replace(/\s+/g, ' ').trim();
}

async function retrieve(deps: AssistantDeps, text: string, lang: Lang): Promise<Passage[]> {
  const { index, docs } = await deps.search.corpus();
  const result = index.search(text);
  const hits = result.hits.filter((h) => h.kind !== 'notice');
  if (hits[0] && index.relevance(result.corrected ?? text, hits[0].kind, hits[0].id) < RELEVANCE_FLOOR) return [];
  const kbIds = hits.filter((h) => h.kind === 'faq' && !h.id.includes('#')).map((h) => h.id);
  const kb = new Map((await faqTexts(deps.db, kbIds)).map((r) => [r.id, r]));
  const out: Passage[] = [];
  for (const h of hits) {
    const doc = docs.get(corpusKey(h.kind, h.id));
    if (h.kind === 'service') {
      const item = deps.catalog.published(h.id);
      if (item) out.push({ kind: 'service', id: h.id, service: h.id, title: lang === 'en' && item.content.name.en ? item.content.name.en : item.content.name.zh, text: '', score: h.score });
    } else if (h.id.includes('#')) {
      // a guide's own FAQ entry: `<code>#<n>`
      const [code, n] = h.id.split('#');
      const f = deps.catalog.published(code!)?.content.faq[Number(n) - 1];
      if (f) out.push({ kind: 'faq', id: h.id, service: code, title: lang === 'en' && f.q.en ? f.q.en : f.q.zh, text: lang === 'en' && f.a.en ? f.a.en : f.a.zh, score: h.score });
    } else {
      const r = kb.get(h.id);
      if (!r) continue;
      const en = lang === 'en' && r.answer_en;
      out.push({
        kind: 'faq', id: r.id, service: r.service_code ?? doc?.service ?? undefined,
        title: en && r.question_en ? r.question_en : r.question_zh, text: en ? r.answer_en! : r.answer_zh, score: h.score,
      });
    }
  }
  return out;
}

/** Answers one question of the chat. */
export async function ask(deps: AssistantDeps, body: AskBody, lang: Lang, audience?: string): Promise<AskAnswer> {
  const question = cutQuestion(body.question);
  let passages = question ? await retrieve(deps, question, lang) : [];
  // A short follow-up is read with the previous question ("住院能报多少" … "要带什么材料？").
  const previous = [...(body.history ?? [])].reverse().find((h) => h.role === 'user' && h.text.trim() && cutQuestion(h.text) !== question);
  if (previous && question && Array.from(question).length <= FOLLOW_UP_CHARS && (passages.length === 0 || sectionOf(question))) {
    const combined = await retrieve(deps, cutQuestion(`${cutQuestion(previous.text)} ${question}`), lang);
    if (combined.length) passages = combined;
  }
  const codes = [...new Set(passages.map((p) => p.service).filter((c): c is string => !!c).concat(body.service ? [body.service] : []))];
  const online = await onlineServices(deps.db, codes);
  const facts = (code: string): ServiceFacts | undefined => {
    const item = deps.catalog.published(code);
    return item ? { code, content: item.content, online: online.has(code) } : undefined;
  };
  const composed = composeAnswer({ question, lang, passages, facts, service: body.service, audience });
  const { passages: used, ...answer } = composed;
  // A question the knowledge base cannot answer goes to the editors' backlog, like a search without results.
  if (question && !used.length && !answer.clarify) await recordSearchMiss(deps.db, question, 'no_result');
  if (!deps.llm || answer.clarify || !used.length) return answer;

  // The model sees the best passages (the composed one first) and must cite what it uses.
  const section = sectionOf(question);
  const pool = [...used, ...passages.filter((p) => !used.includes(p))].slice(0, LLM_PASSAGES);
  const llmPassages = pool.map((p) => {
    const s = p.service ? facts(p.service) : undefined;
    return { title: p.title, text: p.kind === 'faq' ? p.text : s ? guideSection(s.content, section ?? 'overview', lang) : p.title };
  });
  const phrased = await phraseWithLlm(deps.llm, question, llmPassages, lang, deps.log);
  if (!phrased) return answer;
  const citations: Citation[] = [];
  for (const i of phrased.cited) {
        const c = citationOf(pool[i]!, facts, lang);
    if (!citations.some((x) => x.kind === c.kind && x.id === c.id)) citations.push(c);
  }
  return { ...answer, answer: plain(phrased.text), citations, source: 'llm' };
}
