// Header: name, navigation, language and elder-mode switches, sign in / account; on narrow screens the
// navigation and account sit in a menu drawer (a native modal <dialog>: focus trap, Esc, focus return).
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NavLinks } from './nav-links.tsx';
import { PreferenceSwitches } from './preference-switches.tsx';
import { AccountControl } from './account-control.tsx';
import { useMediaQuery } from '../../lib/media-query.ts';
import './header.css';

function MenuDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      id="mobile-nav"
      className="drawer"
      aria-labelledby="mobile-nav-title"
      onClose={onClose}
      // A click on the backdrop lands on the <dialog> itself.
      onClick={(e) => { if (e.target === e.currentTarget) onClose(); }}
    >
      <div className="drawer-panel">
        <div className="drawer-head">
          <h2 id="mobile-nav-title" className="drawer-title">{t('app.title')}</h2>
          <button type="button" className="drawer-close" aria-label={t('app.close')} onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
        {open && (
          <div className="drawer-body">
            <nav aria-label={t('nav.label')}>
              <NavLinks vertical onNavigate={onClose} />
            </nav>
            <div className="drawer-account">
              <AccountControl onDone={onClose} />
            </div>
          </div>
        )}
      </div>
    </dialog>
  );
}

export function AppHeader() {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 992px)');
  const [open, setOpen] = useState(false);

  return (
    <header className="app-header no-print">
      <Link to="/" className="brand" aria-label="一站通 OneStop">
        <span className="brand-zh" lang="zh-CN">一站通</span>
        <span className="brand-en" lang="en">OneStop</span>
      </Link>
      {wide && (
        <nav aria-label={t('nav.label')} className="header-nav">
          <NavLinks />
        </nav>
      )}
      <div className="header-tools">
        <PreferenceSwitches compact={!wide} />
        {wide ? (
          <AccountControl />
        ) : (
          <button type="button" className="header-button" onClick={() => setOpen(true)} aria-expanded={open} aria-controls="mobile-nav">
            {t('nav.menu')}
          </button>
        )}
      </div>
      {!wide && <MenuDrawer open={open} onClose={() => setOpen(false)} />}
    </header>
  );
}
