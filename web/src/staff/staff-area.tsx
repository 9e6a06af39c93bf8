// The staff inbox area (lazy chunk, with antd like the admin area): the inbox and the task page.
import { Link, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session.ts';
import { PageLoading } from '../components/page-state.tsx';
import { NotFoundPage } from '../pages/not-found.tsx';
import { AntdProvider } from '../state/antd-provider.tsx';
import './staff.css';
import { InboxPage } from './inbox-page.tsx';
import { TaskPage } from './task-page.tsx';

export default function StaffArea() {
  return <AntdProvider><StaffRoutes /></AntdProvider>;
}

function StaffRoutes() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.isLoading) return <PageLoading />;
  if (!session.data?.user) {
    return (
      <div className="status-page">
        <h1>{t('header.login')}</h1>
        <p>{t('inbox.loginRequired')}</p>
        <p><Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t('header.login')}</Link></p>
      </div>
    );
  }
  return (
    <Routes>
      <Route index element={<InboxPage />} />
      <Route path="tasks/:caseId/:taskNo" element={<TaskPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
