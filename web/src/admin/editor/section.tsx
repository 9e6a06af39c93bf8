// A titled block of the editor form (a landmark-free section with its own heading).
import type { ReactNode } from 'react';

export function EditorSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="admin-panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
