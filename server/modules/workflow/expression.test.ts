import { describe, expect, it } from 'vitest';
import { checkCondition, evaluateExpression, parseExpression } from './expression.ts';

const holds = (src: string, data: unknown): boolean => {
  const r = checkCondition(src, data);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('expression', () => {
  it('compares field paths with numbers, strings and booleans', () => {
    const data = { days: 5, leave: { kind: '事假', paid: false }, amount: 12000.5 };
    expect(holds('days > 3', data)).toBe(true);
    expect(holds('days <= 3', data)).toBe(false);
    expect(holds("leave.kind == '事假'", data)).toBe(true);
    expect(holds('leave.kind != "病假"', data)).toBe(true);
    expect(holds('leave.paid == false', data)).toBe(true);
    expect(holds('amount >= 10000', data)).toBe(true);
    expect(holds('days > -1', data)).toBe(true);
  });

  it('combines with and/or/not and parentheses, with and binding tighter than or', () => {
    const data = { a: 1, b: 2, urgent: true };
    expect(holds('a == 1 or b == 3 and urgent == false', data)).toBe(true);
    expect(holds('(a == 1 or b == 3) and urgent == false', data)).toBe(false);
    expect(holds('not (a == 2) && !(b == 1)', data)).toBe(true);
    expect(holds('urgent', data)).toBe(true);
    expect(holds('not urgent || a < b', data)).toBe(true);
  });

  it('treats missing fields as null and never coerces types when ordering', () => {
    expect(holds('spouse == null', {})).toBe(true);
    expect(holds('days > 3', { days: '5' })).toBe(false);
    expect(holds('days < 3', { days: '1' })).toBe(false);
    expect(holds("name < 'b'", { name: 'a' })).toBe(true);
    expect(holds('legs.0.amount > 100', { legs: [{ amount: 150 }] })).toBe(true);
  });

  it('cannot reach the prototype chain', () => {
    expect(holds('constructor == null', {})).toBe(true);
    expect(holds('__proto__ == null', {})).toBe(true);
    expect(holds('toString == null', { a: 1 })).toBe(true);
  });

  it('reports malformed expressions with a position instead of throwing', () => {
    for (const bad of ['days >', '(a == 1', 'a == 1)', "name == 'x", 'a = 1', 'a == 1 b', 'and', 'a.', 'days > 3; process.exit()', '']) {
      const r = parseExpression(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.position).toBeGreaterThanOrEqual(0);
    }
    expect(checkCondition('days >', {}).ok).toBe(false);
  });

  it('refuses hostile nesting and length', () => {
    expect(parseExpression('('.repeat(200) + 'a' + ')'.repeat(200)).ok).toBe(false);
    expect(parseExpression('not '.repeat(100) + 'a').ok).toBe(false);
    expect(parseExpression('a == 1 or '.repeat(200) + 'a == 1').ok).toBe(false);
  });

  it('evaluates a parsed tree directly', () => {
    const r = parseExpression('x == 1');
    expect(r.ok && evaluateExpression(r.expr, { x: 1 })).toBe(true);
  });
});
