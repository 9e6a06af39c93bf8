// An ordered list (the form's fields, a table's columns, a choice's options) with a button per entry to pick
// it (its editor opens under it; picking it again closes it) and buttons to move it up or down or remove it —
// all plain buttons, so the keyboard does everything a mouse does (no drag-only ordering). Focus stays on the
// moved entry's button.
import type { ReactNode } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { move } from './draft.ts';

interface Props<T> {
  id: string;
  items: T[];
  /** The entry's visible name (also used in the buttons' accessible names). */
  name: (item: T, i: number) => string;
  /** Extra marks after the name (type, required, findings). */
  details?: (item: T, i: number) => ReactNode;
  selected: number | null;
  onSelect: (i: number) => void;
  onChange: (items: T[], selected: number | null) => void;
  /** At least this many entries stay (a table keeps one column). */
  keep?: number;
  label: string;
  /** Drawn under the chosen entry (its editor), so the editor is where the person is looking, even on a phone. */
  expanded?: (item: T, i: number) => ReactNode;
}

export function ItemList<T>({ id, items, name, details, selected, onSelect, onChange, keep = 0, label, expanded }: Props<T>) {
  const { t } = useTranslation();
  const focusLater = (elementId: string, fallback?: string) => setTimeout(() => {
    const el = document.getElementById(elementId) as HTMLButtonElement | null;
    (el && !el.disabled ? el : fallback ? document.getElementById(fallback) : null)?.focus();
  }, 0);

  const shift = (i: number, by: -1 | 1) => {
    const j = i + by;
    const next = move(items, i, by);
    const sel = selected === i ? j : selected === j ? i : selected;
    onChange(next, sel);
    focusLater(`${id}-${by < 0 ? 'up' : 'down'}-${j}`, `${id}-${by < 0 ? 'down' : 'up'}-${j}`);
  };
  const remove = (i: number) => {
    const next = items.filter((_, k) => k !== i);
    const sel = selected === null ? null : selected === i ? (next.length ? Math.min(i, next.length - 1) : null) : selected > i ? selected - 1 : selected;
    onChange(next, sel);
    focusLater(next.length ? `${id}-pick-${Math.min(i, next.length - 1)}` : `${id}-add`);
  };

  return (
    <ol className="fb-list" aria-label={label} id={id}>
      {items.map((item, i) => {
        const n = name(item, i);
        return (
          <li key={i} className={selected === i ? 'fb-item fb-item-selected' : 'fb-item'}>
            <button type="button" id={`${id}-pick-${i}`} className="fb-item-pick" aria-current={selected === i ? 'true' : undefined}
              aria-expanded={expanded ? selected === i : undefined} onClick={() => onSelect(i)}>
              <span className="fb-item-no" aria-hidden="true">{i + 1}</span>
              <span className="fb-item-name">{n}</span>
              {details?.(item, i)}
            </button>
            <span className="fb-item-tools">
              <Button size="small" id={`${id}-up-${i}`} disabled={i === 0} aria-label={t('formBuilder.moveUp', { name: n })} title={t('formBuilder.moveUp', { name: n })} onClick={() => shift(i, -1)}>↑</Button>
              <Button size="small" id={`${id}-down-${i}`} disabled={i === items.length - 1} aria-label={t('formBuilder.moveDown', { name: n })} title={t('formBuilder.moveDown', { name: n })} onClick={() => shift(i, 1)}>↓</Button>
              <Button size="small" danger disabled={items.length <= keep} aria-label={t('formBuilder.remove', { name: n })} title={t('formBuilder.remove', { name: n })} onClick={() => remove(i)}>
                {t('formBuilder.removeShort')}
              </Button>
            </span>
            {selected === i && expanded && <div className="fb-item-body">{expanded(item, i)}</div>}
          </li>
        );
      })}
    </ol>
  );
}
