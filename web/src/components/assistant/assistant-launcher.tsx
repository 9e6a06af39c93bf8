// The "ask us" button on every portal page. The chat panel itself is a lazy chunk, fetched when the button
// is first pressed (or hovered/focused, to hide the fetch), so the first load stays small.
import { lazy, Suspense, useState } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import './assistant.css';

const loadPanel = () => import('./assistant-panel.tsx');
const AssistantPanel = lazy(loadPanel);

export function AssistantLauncher() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  // the admin area is a work tool with its own layout: no floating button over its tables
  if (pathname.startsWith('/admin')) return null;
  const prefetch = () => { void loadPanel(); };
  return (
    <>
      <button
        type="button"
        className="asst-launcher no-print"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => { setUsed(true); setOpen(true); }}
        onPointerEnter={prefetch}
        onFocus={prefetch}
      >
        <span className="asst-launcher-icon" aria-hidden="true">?</span>
        <span className="asst-launcher-text">{t('assistant.open')}</span>
      </button>
      {used && (
        <Suspense fallback={null}>
          <AssistantPanel open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
