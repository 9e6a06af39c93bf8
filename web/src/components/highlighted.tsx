// Text with search highlights: the server sends plain text and [start, end) offsets, and this wraps the
// ranges in <mark> as React text nodes — a stored or typed "<script>" stays text, never markup.
import type { ReactNode } from 'react';
import type { Range } from '../api/kb.ts';

export function Highlighted({ text, ranges }: { text: string; ranges: Range[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [a, b] of [...ranges].sort((x, y) => x[0] - y[0])) {
    const from = Math.max(a, at);
    const to = Math.min(b, text.length);
    if (from >= to) continue;
    if (from > at) parts.push(text.slice(at, from));
    parts.push(<mark key={from}>{text.slice(from, to)}</mark>);
    at = to;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
