// My notifications: every event of my cases and tasks, newest first; opening one marks it read.
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session.ts';
import { useMarkRead, useNotifications, type Notification } from '../api/notifications.ts';
import { PageError, PageLoading } from '../components/page-state.tsx';
import { useDocumentTitle } from '../lib/document-title.ts';
import { useL } from '../lib/localized.ts';
import { DateText } from '../components/date-text.tsx';

/** The case timers' notices to staff (case-timers.ts) carry the task they concern. */
const STAFF_CASE_EVENTS = ['case_due_soon', 'case_overdue', 'case_escalated'];

/** Where a notification leads: the task page for a staff notice, the case page otherwise; nowhere when the reader may not open it. */
function target(n: Notification): string | null {
  if (n.escalation && !n.escalation.canOpen) return null;
  if (n.taskId && (n.event.startsWith('task_') || STAFF_CASE_EVENTS.includes(n.event))) return `/inbox/tasks/${n.taskId.split('/').map(encodeURIComponent).join('/')}`;
  return n.case ? `/cases/${encodeURIComponent(n.case.id)}` : null;
}

export function NotificationsPage() {
  const { t } = useTranslation();
  const l = useL();
  const session = useSession();
  const me = session.data?.user ?? null;
  const location = useLocation();
  const list = useNotifications(!!me);
  const markRead = useMarkRead();
  useDocumentTitle(t('notifications.title'));

  if (session.isLoading) return <PageLoading />;
  return (
    <>
      <h1>{t('notifications.title')}</h1>
      {!me && (
        <p>
          {t('notifications.loginRequired')}{' '}
          <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t('header.login')}</Link>
        </p>
      )}
      {me && list.isLoading && <PageLoading />}
      {list.error && <PageError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && <p role="status">{t('notifications.unread', { count: list.data.unread })}</p>}
      {list.data && list.data.items.length === 0 && <p className="empty-text">{t('notifications.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <ul className="notification-list">
          {list.data.items.map((n) => {
            const to = target(n);
            const service = n.case?.service?.name ? l(n.case.service.name) : n.case?.service?.code ?? '';
            const text = t(`notifications.event.${n.event as 'task_assigned'}`, { defaultValue: n.event });
            return (
              <li key={n.id} className={n.read ? 'notification' : 'notification notification-unread'}>
                <p className="notification-title">
                  {!n.read && <span className="badge badge-unread">{t('notifications.new')}</span>}{' '}
                  {to ? <Link to={to} onClick={() => { if (!n.read) markRead.mutate(n.id); }}>{text}</Link> : text}
                </p>
                {n.escalation && (
                  <p>
                    {n.escalation.open
                      ? t('notifications.heldBy', { holder: l(n.escalation.holder), date: n.escalation.dueDate ?? '—' })
                      : t('notifications.heldByDone', { holder: l(n.escalation.holder) })}
                    {n.escalation.open && !n.escalation.canOpen && <><br /><span className="muted">{t('notifications.notYours')}</span></>}
                  </p>
                )}
                <p className="muted">
                  {service}{n.case?.number ? ` · ${t('notifications.number', { number: n.case.number })}` : ''} · <DateText value={n.createdAt} time />
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
