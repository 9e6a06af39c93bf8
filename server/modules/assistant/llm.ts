// The optional language model: an OpenAI-compatible chat-completions endpoint that rephrases the answer
// from the retrieved passages only. Any failure (network, status, timeout, malformed reply, a reply that
// cites no passage) returns undefined and the caller keeps the retrieval answer.
import type { Lang } from '../../../common/problems.ts';

export interface LlmConfig {
  /** base URL, e.g. https://api.example.com/v1 (`/chat/completions` is appended) */
  url: string;
  model: string;
  key: string | null;
  timeoutMs: number;
}

export interface LlmPassage { title: string; text: string }

/** What the model said, with the 0-based indices of the passages it cited. */
export interface LlmAnswer { text: string; cited: number[] }

const MAX_TOKENS = 500;

function systemPrompt(lang: Lang): string {
  return lang === 'en'
    ? 'You are the assistant of a university service hall. Answer the question in English using ONLY the numbered passages. '
      + 'Cite every passage you use with its number in square brackets, e.g. [1]. If the passages do not answer the question, say so. '
      + 'Plain text only, no HTML, no Markdown, at most 5 sentences.'
    : '你是高校网上办事大厅的咨询助手。只能依据下面编号的资料用中文回答问题，用到的资料须以方括号标注编号，如 [1]。'
      + '资料中没有答案时如实说明。只输出纯文本，不要 HTML 或 Markdown，不超过 5 句话。';
}

/** Asks the model; undefined on any failure or when the reply cites none of the passages. */
export async function phraseWithLlm(config: LlmConfig, question: string, passages: LlmPassage[], lang: Lang, log?: (msg: string, err?: unknown) => void): Promise<LlmAnswer | undefined> {
  const material = passages.map((p, i) => `[${i + 1}] ${p.title}\n${p.text}`).join('\n\n');
  try {
    const res = await fetch(`${config.url.replace(/\/+$/, '')}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(config.key ? { authorization: `Bearer ${config.key}` } : {}) },
      body: JSON.stringify({
        model: config.model,
        temperature: 0.2,
        max_tokens: MAX_TOKENS,
        messages: [
          { role: 'system', content: systemPrompt(lang) },
          { role: 'user', content: `${material}\n\n${lang === 'en' ? 'Question' : '问题'}: ${question}` },
        ],
      }),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    if (!res.ok) { log?.(`assistant model answered ${res.status}`); return undefined; }
    const body = (await res.json()) as { choices?: { message?: { content?: unknown } }[] };
    const content = body.choices?.[0]?.message?.content;
    if (typeof content !== 'string' || !content.trim()) { log?.('assistant model reply had no content'); return undefined; }
    const cited = new Set<number>();
    for (const m of content.matchAll(/\[(\d{1,2})\]/g)) {
      const n = Number(m[1]) - 1;
      if (n >= 0 && n < passages.length) cited.add(n);
    }
    if (!cited.size) { log?.('assistant model reply cited no passage'); return undefined; }
    const text = content.replace(/\s*\[(\d{1,2})\]/g, '').replace(/<[^>]*>/g, '').trim();
    return text ? { text, cited: [...cited].sort((a, b) => a - b) } : undefined;
  } catch (err) {
    log?.('assistant model call failed', err);
    return undefined;
  }
}
