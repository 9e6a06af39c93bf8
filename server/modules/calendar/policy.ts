// Who may change the working-day calendar: it sets every time limit of the school, so hall managers and
// system administrators with a school-wide grant.
import type { Actor } from '../auth/actor.ts';
import type { OrgDirectory } from '../org/directory.ts';

const SCHOOL = 'school';

export function canManageCalendar(actor: Actor, org: OrgDirectory): boolean {
  return actor.roles.some((g) => (g.role === 'hall_manager' || g.role === 'system_admin') && org.isWithin(SCHOOL, g.scope));
}
