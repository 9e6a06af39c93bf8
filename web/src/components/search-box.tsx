// A search field with its button, in one form (role="search"); Enter or the button submits.
// While typing, the field offers suggestions (WAI-ARIA 1.2 editable combobox with list autocomplete): the
// list is an absolutely positioned overlay, so it never moves the page. Arrow keys move through it, Enter
// picks the active suggestion (or submits as before when none is active), Escape closes it, a click picks.
import { useEffect, useId, useRef, useState } from 'react';
import type { ChangeEvent, FormEvent, KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fetchSuggestions, suggestionPath, type Suggestion } from '../api/search.ts';
import type { Locale } from '../api/types.ts';

/** Quiet time after a keystroke before suggestions are asked for. */
const DEBOUNCE_MS = 120;
const LIMIT = 8;

export function SearchBox({ id, label, placeholder, button, defaultValue, onSearch, large = false, className, labelVisible = false }: {
  id: string; label: string; placeholder: string; button: string; defaultValue?: string;
  onSearch: (q: string) => void; large?: boolean; className?: string; labelVisible?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const navigate = useNavigate();
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const listId = `${id}-suggestions-${uid}`;
  const optionId = (i: number) => `${listId}-${i}`;

  const [query, setQuery] = useState('');
  const [items, setItems] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const expanded = open && items.length > 0;

  // Ask after a short pause; a newer keystroke cancels the timer and aborts the request still under way.
  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setItems([]);
      setActive(-1);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      fetchSuggestions(q, locale, controller.signal, LIMIT).then(
        (found) => {
          if (controller.signal.aborted) return;
          setItems(found);
          setActive(-1);
          setOpen(true);
        },
        () => {
          // aborted, or the server could not suggest: searching still works, so just show nothing
          if (!controller.signal.aborted) setItems([]);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
    // only a new text asks again: both titles come in one answer, so a language switch needs no request
  }, [query]);

  // Keep the active option in view when the list scrolls.
  useEffect(() => {
    if (!expanded || active < 0) return;
    const option = listRef.current?.children[active];
    if (option instanceof HTMLElement) option.scrollIntoView?.({ block: 'nearest' });
  }, [active, expanded]);

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const titleOf = (s: Suggestion) => (locale === 'en' && s.titleEn ? s.titleEn : s.title);

  const pick = (s: Suggestion) => {
    const title = titleOf(s);
    if (inputRef.current) inputRef.current.value = title;
    setQuery('');
    close();
    const path = suggestionPath(s);
    if (path) navigate(path);
    else onSearch(title);
  };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    close();
    onSearch(String(new FormData(e.currentTarget).get('q') ?? '').trim());
  };

  const change = (e: ChangeEvent<HTMLInputElement>) => {
    setQuery(e.target.value);
    setActive(-1);
    if (!e.target.value.trim()) setOpen(false);
  };

  const keyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Keys typed while an input method composes (pinyin, …) belong to the input method.
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    const count = items.length;
    switch (e.key) {
      case 'ArrowDown':
        if (!count) return;
        e.preventDefault();
        if (!expanded) {
          setOpen(true);
          setActive(e.altKey ? -1 : 0);
        } else if (!e.altKey) setActive((a) => (a + 1) % count);
        return;
      case 'ArrowUp':
        if (!count) return;
        e.preventDefault();
        if (!expanded) {
          setOpen(true);
          setActive(count - 1);
        } else setActive((a) => (a <= 0 ? count - 1 : a - 1));
        return;
      case 'Enter':
        if (expanded && active >= 0 && items[active]) {
          e.preventDefault();
          pick(items[active]);
        }
        return; // otherwise the form submits as it always has
      case 'Escape':
        if (expanded) {
          e.preventDefault(); // close the list, keep the text (a second Escape clears it as usual)
          close();
        }
        return;
      default:
    }
  };

  return (
    <form role="search" className={className} onSubmit={submit}>
      <label htmlFor={id} className={labelVisible ? undefined : 'sr-only'}>{label}</label>
      <div className={large ? 'search-box search-box-lg' : 'search-box'}>
        <input id={id} ref={inputRef} name="q" type="search" className="search-input" placeholder={placeholder} defaultValue={defaultValue}
          autoComplete="off" enterKeyHint="search"
          role="combobox" aria-autocomplete="list" aria-expanded={expanded} aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          onChange={change} onKeyDown={keyDown} onBlur={close} />
        <button type="submit" className="search-button">{button}</button>
        <ul id={listId} ref={listRef} role="listbox" aria-label={t('home.suggestions')} className="search-suggestions" hidden={!expanded}>
          {expanded && items.map((s, i) => (
            <li key={`${s.kind}:${s.id}`} id={optionId(i)} role="option" aria-selected={i === active}
              className={i === active ? 'search-suggestion search-suggestion-active' : 'search-suggestion'}
              // keep the focus in the field, so the click picks instead of closing the list first
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(s)}>
              <span className="search-suggestion-title" lang={locale === 'en' && s.titleEn ? 'en' : 'zh-CN'}>{titleOf(s)}</span>
              {s.kind !== 'service' && (
                <span className="search-suggestion-kind">{s.kind === 'faq' ? t('home.kindFaq') : t('home.kindNotice')}</span>
              )}
            </li>
          ))}
        </ul>
      </div>
      <span className="sr-only" role="status" aria-live="polite">
        {expanded ? t('home.suggestionCount', { count: items.length }) : ''}
      </span>
    </form>
  );
}
