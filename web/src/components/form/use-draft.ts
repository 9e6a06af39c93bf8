// Drafts save themselves: the values of a half-filled form are kept in localStorage per service (and per
// person), so a closed tab or an expired session loses nothing; the draft is cleared once submitted.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormData } from '../../../../common/form.ts';

const PREFIX = 'onestop.draft.';

interface Stored { values: FormData; savedAt: string; formVersion: number }

function read(key: string): Stored | null {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (!raw) return null;
    const s = JSON.parse(raw) as Stored;
    return s && typeof s.values === 'object' ? s : null;
  } catch {
    return null;
  }
}

/**
 * Form values backed by a draft: starts from the saved draft when there is one (else `initial`), saves
 * half a second after each change. `savedAt` says when the draft was last written.
 */
export function useDraft(key: string | null, initial: () => FormData, formVersion: number) {
  const [restored] = useState(() => (key ? read(key) : null));
  const [values, setValues] = useState<FormData>(() => (restored ? { ...initial(), ...restored.values } : initial()));
  const [savedAt, setSavedAt] = useState<string | null>(restored?.savedAt ?? null);
  const dirty = useRef(false);

  useEffect(() => {
    if (!key || !dirty.current) return;
    const timer = setTimeout(() => {
      if (!dirty.current) return;
      const at = new Date().toISOString();
      try {
        localStorage.setItem(PREFIX + key, JSON.stringify({ values, savedAt: at, formVersion } satisfies Stored));
        setSavedAt(at);
      } catch {
        // storage full or private mode: the form still works, only without a draft
      }
    }, 500);
    return () => clearTimeout(timer);
  }, [key, values, formVersion]);

  const change = useCallback((next: FormData) => {
    dirty.current = true;
    setValues(next);
  }, []);

  const clear = useCallback(() => {
    dirty.current = false;
    if (key) try { localStorage.removeItem(PREFIX + key); } catch { /* nothing to clear */ }
    setSavedAt(null);
  }, [key]);

  return { values, setValues: change, savedAt, restored: restored !== null, clear };
}
