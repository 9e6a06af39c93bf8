// The route table. The portal pages are plain React + CSS; sign-in and the admin area are lazy chunks that
// bring antd (and its theme, state/antd-provider.tsx) with them, so the portal's first load stays small.
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from './components/layout/app-layout.tsx';
import { PageLoading } from './components/page-state.tsx';
import { HomePage } from './pages/home.tsx';
import { ServicesPage } from './pages/services.tsx';
import { GuidePage } from './pages/guide/guide-page.tsx';
import { FavoritesPage } from './pages/favorites.tsx';
import { NotFoundPage } from './pages/not-found.tsx';

const AdminArea = lazy(() => import('./admin/admin-area.tsx'));
// Full search results and the knowledge base's answer pages (issue 4).
const SearchPage = lazy(() => import('./pages/kb/search-page.tsx').then((m) => ({ default: m.SearchPage })));
const AnswerPage = lazy(() => import('./pages/kb/answer-page.tsx').then((m) => ({ default: m.AnswerPage })));
const MailboxPage = lazy(() => import('./pages/mailbox.tsx').then((m) => ({ default: m.MailboxPage })));
const NotificationsPage = lazy(() => import('./pages/notifications.tsx').then((m) => ({ default: m.NotificationsPage })));
const NoticesPage = lazy(() => import('./pages/notices.tsx').then((m) => ({ default: m.NoticesPage })));
// Sign-in needs antd Form and Table, which the browsing pages do not: keep them out of the first load.
const LoginPage = lazy(() => import('./pages/login.tsx').then((m) => ({ default: m.LoginRoute })));
// Online applications (issue 3): the form renderer and its TypeBox-built rules load only when needed.
const ApplyPage = lazy(() => import('./pages/apply/apply-page.tsx'));
const CasesPage = lazy(() => import('./pages/cases/cases-list.tsx'));
const CasePage = lazy(() => import('./pages/cases/case-page.tsx'));
const StaffArea = lazy(() => import('./staff/staff-area.tsx'));
// Guided navigation (issue 4): question trees per life event.
const NavigatorListPage = lazy(() => import('./pages/navigator/navigator-page.tsx').then((m) => ({ default: m.NavigatorListPage })));
const NavigatorPage = lazy(() => import('./pages/navigator/navigator-page.tsx').then((m) => ({ default: m.NavigatorPage })));
const NavigatorAdminPage = lazy(() => import('./pages/navigator/navigator-admin.tsx'));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="services" element={<ServicesPage />} />
        <Route path="services/:code" element={<GuidePage />} />
        <Route path="login" element={<Suspense fallback={<PageLoading />}><LoginPage /></Suspense>} />
        <Route path="search" element={<Suspense fallback={<PageLoading />}><SearchPage /></Suspense>} />
        <Route path="kb/:id" element={<Suspense fallback={<PageLoading />}><AnswerPage /></Suspense>} />
        <Route path="me/favorites" element={<FavoritesPage />} />
        <Route path="mailbox" element={<Suspense fallback={<PageLoading />}><MailboxPage /></Suspense>} />
        <Route path="notifications" element={<Suspense fallback={<PageLoading />}><NotificationsPage /></Suspense>} />
        <Route path="notices" element={<Suspense fallback={<PageLoading />}><NoticesPage /></Suspense>} />
        <Route path="services/:code/apply" element={<Suspense fallback={<PageLoading />}><ApplyPage /></Suspense>} />
        <Route path="cases" element={<Suspense fallback={<PageLoading />}><CasesPage /></Suspense>} />
        <Route path="cases/:id" element={<Suspense fallback={<PageLoading />}><CasePage /></Suspense>} />
        <Route path="inbox/*" element={<Suspense fallback={<PageLoading />}><StaffArea /></Suspense>} />
        <Route path="navigator" element={<Suspense fallback={<PageLoading />}><NavigatorListPage /></Suspense>} />
        <Route path="navigator/:lifeEvent" element={<Suspense fallback={<PageLoading />}><NavigatorPage /></Suspense>} />
        {/* more specific than admin/*, so it wins: a plain page, not part of the antd admin area */}
        <Route path="admin/navigator" element={<Suspense fallback={<PageLoading />}><NavigatorAdminPage /></Suspense>} />
        <Route
          path="admin/*"
          element={<Suspense fallback={<PageLoading />}><AdminArea /></Suspense>}
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
