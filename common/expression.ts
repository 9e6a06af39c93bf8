// Shared by the browser (form visibility) and the server (process conditions): imports nothing.
// A tiny, safe condition language for process definitions: no `eval`, no functions, no property access
// beyond the form data's own keys. Grammar (lowest precedence first):
//   or   := and (('or' | '||') and)*
//   and  := not (('and' | '&&') not)*
//   not  := ('not' | '!') not | cmp
//   cmp  := atom (('==' | '!=' | '<' | '<=' | '>' | '>=') atom)?
//   atom := number | 'string' | "string" | true | false | null | path | '(' or ')'
//   path := ident ('.' (ident | digits))*
// Length and nesting are capped so a hostile definition cannot exhaust the stack.

/** A constant in a condition. */
export type Literal = number | string | boolean | null;
/** A comparison operator. */
export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';
/** The syntax tree of a condition. */
export type Expr =
  | { kind: 'literal'; value: Literal }
  | { kind: 'path'; path: string[] }
  | { kind: 'not'; operand: Expr }
  | { kind: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'compare'; op: CompareOp; left: Expr; right: Expr };

/** A parsed condition, or the error and its character position. */
export type ParseResult = { ok: true; expr: Expr } | { ok: false; error: string; position: number };

const MAX_LENGTH = 1000;
const MAX_DEPTH = 32;

type Token =
  | { t: 'num'; v: number; pos: number }
  | { t: 'str'; v: string; pos: number }
  | { t: 'word'; v: string; pos: number }
  | { t: 'op'; v: string; pos: number }
  | { t: 'end'; pos: number };

class SyntaxProblem {
  constructor(
    readonly error: string,
    readonly position: number,
  ) {}
}

const OPS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '.'];

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^-?[0-9]+(\.[0-9]+)?/.exec(src.slice(i))!;
      out.push({ t: 'num', v: Number(m[0]), pos: i });
      i += m[0].length;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      let v = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\' && j + 1 < src.length) j++;
        v += src[j];
        j++;
      }
      if (j >= src.length) throw new SyntaxProblem('unterminated string', i);
      out.push({ t: 'str', v, pos: i });
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_\u4e00-\u9fff]/.test(c)) {
      const m = /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_\u4e00-\u9fff]*/.exec(src.slice(i))!;
      out.push({ t: 'word', v: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new SyntaxProblem(`unexpected character '${c}'`, i);
    out.push({ t: 'op', v: op, pos: i });
    i += op.length;
  }
  out.push({ t: 'end', pos: src.length });
  return out;
}

const COMPARE_OPS = new Set<string>(['==', '!=', '<', '<=', '>', '>=']);

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Expr {
    const e = this.or(0);
    const t = this.peek();
    if (t.t !== 'end') throw new SyntaxProblem('unexpected token after expression', t.pos);
    return e;
  }

  private peek(): Token {
    return this.tokens[this.i];
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t.t === 'op' && t.v === v;
  }
  private isWord(v: string): boolean {
    const t = this.peek();
    return t.t === 'word' && t.v === v;
  }
  private guard(depth: number): void {
    if (depth > MAX_DEPTH) throw new SyntaxProblem('expression nested too deeply', this.peek().pos);
  }

  private or(depth: number): Expr {
    this.guard(depth);
    let left = this.and(depth + 1);
    while (this.isOp('||') || this.isWord('or')) {
      this.i++;
      left = { kind: 'or', left, right: this.and(depth + 1) };
    }
    return left;
  }
  private and(depth: number): Expr {
    this.guard(depth);
    let left = this.not(depth + 1);
    while (this.isOp('&&') || this.isWord('and')) {
      this.i++;
      left = { kind: 'and', left, right: this.not(depth + 1) };
    }
    return left;
  }
  private not(depth: number): Expr {
    this.guard(depth);
    if (this.isOp('!') || this.isWord('not')) {
      this.i++;
      return { kind: 'not', operand: this.not(depth + 1) };
    }
    return this.compare(depth + 1);
  }
  private compare(depth: number): Expr {
    const left = this.atom(depth + 1);
    const t = this.peek();
    if (t.t === 'op' && COMPARE_OPS.has(t.v)) {
      this.i++;
      return { kind: 'compare', op: t.v as CompareOp, left, right: this.atom(depth + 1) };
    }
    return left;
  }
  private atom(depth: number): Expr {
    this.guard(depth);
    const t = this.peek();
    this.i++;
    if (t.t === 'num') return { kind: 'literal', value: t.v };
    if (t.t === 'str') return { kind: 'literal', value: t.v };
    if (t.t === 'op' && t.v === '(') {
      const inner = this.or(depth + 1);
      if (!this.isOp(')')) throw new SyntaxProblem("expected ')'", this.peek().pos);
      this.i++;
      return inner;
    }
    if (t.t === 'word') {
      if (t.v === 'true' || t.v === 'false') return { kind: 'literal', value: t.v === 'true' };
      if (t.v === 'null') return { kind: 'literal', value: null };
      if (t.v === 'and' || t.v === 'or' || t.v === 'not') throw new SyntaxProblem(`unexpected '${t.v}'`, t.pos);
      const path = [t.v];
      while (this.isOp('.')) {
        this.i++;
        const seg = this.peek();
        if (seg.t === 'word') path.push(seg.v);
        else if (seg.t === 'num' && Number.isInteger(seg.v) && seg.v >= 0) path.push(String(seg.v));
        else throw new SyntaxProblem('expected a field name after "."', seg.pos);
        this.i++;
      }
      return { kind: 'path', path };
    }
    throw new SyntaxProblem(t.t === 'end' ? 'unexpected end of expression' : 'unexpected token', t.pos);
  }
}

/** Parses a condition into a syntax tree, or says where and why it is malformed. */
export function parseExpression(src: string): ParseResult {
  if (src.length > MAX_LENGTH) return { ok: false, error: 'expression too long', position: MAX_LENGTH };
  try {
    return { ok: true, expr: new Parser(tokenize(src)).parse() };
  } catch (e) {
    if (e instanceof SyntaxProblem) return { ok: false, error: e.error, position: e.position };
    throw e;
  }
}

function lookup(data: unknown, path: string[]): unknown {
  let cur: unknown = data;
  for (const seg of path) {
    // Own keys only: `__proto__` or `constructor` must never reach the prototype chain.
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, seg)) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

function value(e: Expr, data: unknown): unknown {
  switch (e.kind) {
    case 'literal':
      return e.value;
    case 'path':
      return lookup(data, e.path);
    default:
      return evaluateExpression(e, data);
  }
}

function compare(op: CompareOp, a: unknown, b: unknown): boolean {
  // A missing field equals null, so `spouse == null` reads naturally.
  const l = a === undefined ? null : a;
  const r = b === undefined ? null : b;
  if (op === '==') return l === r;
  if (op === '!=') return l !== r;
  // Ordering only between two numbers or two strings; anything else is false rather than coerced.
  if (!((typeof l === 'number' && typeof r === 'number') || (typeof l === 'string' && typeof r === 'string'))) {
    return false;
  }
  if (op === '<') return l < r;
  if (op === '<=') return l <= r;
  if (op === '>') return l > r;
  return l >= r;
}

/** Evaluates a parsed condition against form data; only `true` counts as true. */
export function evaluateExpression(e: Expr, data: unknown): boolean {
  switch (e.kind) {
    case 'literal':
    case 'path':
      return value(e, data) === true;
    case 'not':
      return !evaluateExpression(e.operand, data);
    case 'and':
      return evaluateExpression(e.left, data) && evaluateExpression(e.right, data);
    case 'or':
      return evaluateExpression(e.left, data) || evaluateExpression(e.right, data);
    case 'compare':
      return compare(e.op, value(e.left, data), value(e.right, data));
  }
}

const cache = new Map<string, ParseResult>();

/** Parses (with a small cache) and evaluates a condition; a malformed one yields `{ ok: false }`. */
export function checkCondition(src: string, data: unknown): { ok: true; value: boolean } | { ok: false; error: string } {
  let parsed = cache.get(src);
  if (!parsed) {
    parsed = parseExpression(src);
    if (cache.size > 500) cache.clear();
    cache.set(src, parsed);
  }
  return parsed.ok ? { ok: true, value: evaluateExpression(parsed.expr, data) } : { ok: false, error: parsed.error };
}
