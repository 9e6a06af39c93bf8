// The order in which a process's steps are drawn and listed: every step after all the steps that lead
// to it (a topological order of the forward transitions from the start), so a step reached by a skip
// (请销假: unit → back when ≤ 3 days) still comes after the optional steps that also lead to it.
// Pure and dependency-free: used by the portal's flowchart and by tests.

/** The part of a process step the order needs. */
export interface OrderableStep {
  id: string;
  next?: string | ReadonlyArray<{ to: string }>;
}

function targets(s: OrderableStep): string[] {
  return s.next === undefined ? [] : typeof s.next === 'string' ? [s.next] : s.next.map((n) => n.to);
}

/**
 * Steps in the order a case meets them. Transitions back to a step already on the way from the start
 * (a loop, e.g. "return to an earlier step") are ignored; among steps whose predecessors are all placed,
 * the one listed first in the definition goes first. Steps no path from the start reaches come last,
 * in definition order.
 */
export function stepsInOrder<S extends OrderableStep>(start: string, steps: readonly S[]): S[] {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const rank = new Map(steps.map((s, i) => [s.id, i]));
  // Depth-first from the start to find the reachable steps and the back-edges (to a step on the stack).
  const reached = new Set<string>();
  const onStack = new Set<string>();
  const forward = new Map<string, string[]>();
  const visit = (id: string): void => {
    reached.add(id);
    onStack.add(id);
    const fwd: string[] = [];
    for (const to of targets(byId.get(id)!)) {
      if (!byId.has(to) || to === id || onStack.has(to)) continue; // unknown target or back-edge
      if (!fwd.includes(to)) fwd.push(to);
      if (!reached.has(to)) visit(to);
    }
    forward.set(id, fwd);
    onStack.delete(id);
  };
  if (byId.has(start)) visit(start);

  // Kahn's algorithm over the forward edges, ties broken by definition order.
  const indegree = new Map<string, number>([...reached].map((id) => [id, 0]));
  for (const fwd of forward.values()) for (const to of fwd) indegree.set(to, indegree.get(to)! + 1);
  const ready = [...reached].filter((id) => indegree.get(id) === 0);
  const out: S[] = [];
  while (ready.length) {
    ready.sort((a, b) => rank.get(a)! - rank.get(b)!);
    const id = ready.shift()!;
    out.push(byId.get(id)!);
    for (const to of forward.get(id) ?? []) {
      const d = indegree.get(to)! - 1;
      indegree.set(to, d);
      if (d === 0) ready.push(to);
    }
  }
  for (const s of steps) if (!reached.has(s.id)) out.push(s);
  return out;
}
