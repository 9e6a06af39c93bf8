// Page frame: skip link, header, the routed page in <main>, footer.
import { Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppHeader } from './app-header.tsx';
import { AppFooter } from './app-footer.tsx';
import { ScrollToTop } from './scroll-to-top.tsx';
import { PageErrorBoundary } from '../error-boundary.tsx';
import { AssistantLauncher } from '../assistant/assistant-launcher.tsx';

export function AppLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <div className="app-layout">
      <a className="skip-link" href="#main">{t('app.skip')}</a>
      <ScrollToTop />
      <AppHeader />
      <main id="main" tabIndex={-1} className="app-main">
        <div className="page-container">
          <PageErrorBoundary resetKey={pathname}>
            <Outlet />
          </PageErrorBoundary>
        </div>
      </main>
      <AppFooter />
      <AssistantLauncher />
    </div>
  );
}
