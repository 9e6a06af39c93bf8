import { describe, expect, it } from 'vitest';
import { stepsInOrder, type OrderableStep } from './process-order.ts';

const ids = (start: string, steps: OrderableStep[]) => stepsInOrder(start, steps).map((s) => s.id);

describe('stepsInOrder', () => {
  it('puts a step reached by a skip after the optional steps that also lead to it (请销假)', () => {
    const leave: OrderableStep[] = [
      { id: 'unit', next: [{ to: 'hr' }, { to: 'back' }] },
      { id: 'hr', next: [{ to: 'leader' }, { to: 'back' }] },
      { id: 'leader', next: 'back' },
      { id: 'back' },
    ];
    expect(ids('unit', leave)).toEqual(['unit', 'hr', 'leader', 'back']);
  });

  it('ignores transitions back to an earlier step', () => {
    const steps: OrderableStep[] = [
      { id: 'a', next: 'b' },
      { id: 'b', next: [{ to: 'a' }, { to: 'c' }] },
      { id: 'c', next: [{ to: 'b' }, { to: 'd' }] },
      { id: 'd' },
    ];
    expect(ids('a', steps)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('breaks ties by the definition order, not the order of the transitions', () => {
    const steps: OrderableStep[] = [
      { id: 'start', next: [{ to: 'y' }, { to: 'x' }] },
      { id: 'x', next: 'end' },
      { id: 'y', next: 'end' },
      { id: 'end' },
    ];
    expect(ids('start', steps)).toEqual(['start', 'x', 'y', 'end']);
  });

  it('starts at the start even when it is not listed first, and lists unreachable steps last', () => {
    const steps: OrderableStep[] = [
      { id: 'orphan' },
      { id: 'second', next: 'missing' },
      { id: 'first', next: 'second' },
    ];
    expect(ids('first', steps)).toEqual(['first', 'second', 'orphan']);
  });

  it('keeps a linear process in order and tolerates a self-loop', () => {
    expect(ids('a', [{ id: 'a', next: [{ to: 'a' }, { to: 'b' }] }, { id: 'b', next: 'c' }, { id: 'c' }])).toEqual(['a', 'b', 'c']);
  });
});
