// The main navigation links; which ones show depends on who is signed in.
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CATALOG_ADMIN_ROLES, PUBLISHER_ROLES, hasRole, useMe } from '../../api/session.ts';
import type { Role } from '../../api/types.ts';
import { useNotifications } from '../../api/notifications.ts';

/** Who edits or publishes FAQs (the server's kb/policy.ts canSeeAdminKb). */
const KB_ADMIN_ROLES: Role[] = ['dept_admin', 'hall_manager', 'system_admin'];

export function NavLinks({ onNavigate, vertical = false }: { onNavigate?: () => void; vertical?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const unread = useNotifications(!!me).data?.unread ?? 0;
  const links = [
    { to: '/', label: t('nav.home'), end: true },
    { to: '/services', label: t('nav.services'), end: false },
    { to: '/navigator', label: t('nav.navigator'), end: false },
    ...(me ? [{ to: '/me/favorites', label: t('nav.favorites'), end: false }] : []),
    ...(me ? [{ to: '/cases', label: t('cases.nav'), end: false }] : []),
    ...(me ? [{ to: '/notifications', label: unread ? t('notifications.navUnread', { count: unread }) : t('notifications.nav'), end: false }] : []),
    ...(me?.roles.some((r) => r.role !== 'applicant') ? [{ to: '/inbox', label: t('inbox.nav'), end: false }] : []),
    ...(hasRole(me, CATALOG_ADMIN_ROLES) ? [{ to: '/admin', label: t('nav.admin'), end: true }] : []),
    ...(hasRole(me, PUBLISHER_ROLES) ? [{ to: '/admin/review', label: t('nav.review'), end: false }] : []),
    ...(hasRole(me, KB_ADMIN_ROLES) ? [{ to: '/admin/kb', label: t('nav.kb'), end: false }] : []),
  ];
  return (
    <ul className={vertical ? 'nav-links nav-links-vertical' : 'nav-links'}>
      {links.map((l) => (
        <li key={l.to}>
          <NavLink to={l.to} end={l.end} onClick={onNavigate} className={({ isActive }) => (isActive ? 'active' : undefined)}>
            {l.label}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}
