// The admin area (lazy chunk): only for people who manage or review the catalog.
import { lazy, Suspense } from 'react';
import { Link, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CATALOG_ADMIN_ROLES, hasRole, useSession } from '../api/session.ts';
import { PageLoading } from '../components/page-state.tsx';
import { NotFoundPage } from '../pages/not-found.tsx';
import { AdminListPage } from './admin-list.tsx';
import { ReviewPage } from './review-page.tsx';
import { NewItemPage } from './new-item-page.tsx';
import { ItemPage } from './item-page.tsx';
import { KbAdminPage } from './kb-page.tsx';
import { CalendarPage } from './calendar-page.tsx';
import { AntdProvider } from '../state/antd-provider.tsx';

// The form builder is a chunk of its own: most admin visits never open it.
const FormBuilderPage = lazy(() => import('./form-builder/form-builder-page.tsx'));

export default function AdminArea() {
  return <AntdProvider><AdminRoutes /></AntdProvider>;
}

function AdminRoutes() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.isLoading) return <PageLoading />;
  const me = session.data?.user ?? null;
  if (!me) {
    return (
      <div className="status-page">
        <h1>{t('header.login')}</h1>
        <p>{t('admin.loginRequired')}</p>
        <p><Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t('header.login')}</Link></p>
      </div>
    );
  }
  if (!hasRole(me, CATALOG_ADMIN_ROLES)) {
    return (
      <div className="status-page">
        <h1>{t('forbidden.title')}</h1>
        <p>{t('forbidden.text')}</p>
        <p><Link to="/">{t('notFound.home')}</Link></p>
      </div>
    );
  }
  return (
    <Routes>
      <Route index element={<AdminListPage />} />
      <Route path="review" element={<ReviewPage />} />
      <Route path="services/new" element={<NewItemPage />} />
      <Route path="services/:code" element={<ItemPage />} />
      <Route path="services/:code/form" element={<Suspense fallback={<PageLoading />}><FormBuilderPage /></Suspense>} />
      <Route path="kb" element={<KbAdminPage />} />
      <Route path="calendar" element={<CalendarPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
