// A light tab strip (WAI-ARIA tabs pattern) — antd Tabs would bring its overflow dropdown and menu
// into the portal's first load.
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem { key: string; label: string; render: () => ReactNode }

export function SimpleTabs({ items, label }: { items: TabItem[]; label: string }) {
  const [active, setActive] = useState(items[0]?.key ?? '');
  const id = useId();
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const index = Math.max(0, items.findIndex((i) => i.key === active));

  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    const jump = e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : null;
    if (!step && jump === null) return;
    e.preventDefault();
    const next = jump ?? (index + step + items.length) % items.length;
    setActive(items[next]!.key);
    refs.current[next]?.focus();
  };

  return (
    <div className="simple-tabs">
      <div role="tablist" aria-label={label} className="simple-tablist" onKeyDown={onKeyDown}>
        {items.map((item, i) => (
          <button
            key={item.key}
            ref={(el) => { refs.current[i] = el; }}
            type="button"
            role="tab"
            id={`${id}-tab-${item.key}`}
            aria-selected={i === index}
            aria-controls={`${id}-panel`}
            tabIndex={i === index ? 0 : -1}
            className={i === index ? 'simple-tab active' : 'simple-tab'}
            onClick={() => setActive(item.key)}
          >
            {item.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${items[index]?.key}`} className="simple-tabpanel">
        {items[index]?.render()}
      </div>
    </div>
  );
}
