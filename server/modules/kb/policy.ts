// Who may do what with FAQs, notices and the search backlog — the catalog's rules: department admins edit
// within their scope, hall managers publish and retire. An FAQ without a linked service belongs to the
// whole school: hall managers (who run the hall and its questions) may also edit those.
import type { Actor } from '../auth/actor.ts';
import type { OrgDirectory } from '../org/directory.ts';

const SCHOOL = 'school';

function holds(actor: Actor, roles: string[], unit: string, org: OrgDirectory): boolean {
  return actor.roles.some((g) => roles.includes(g.role) && org.isWithin(unit, g.scope));
}

export function canEditFaq(actor: Actor, owner: string | null, org: OrgDirectory): boolean {
  if (owner === null && holds(actor, ['hall_manager'], SCHOOL, org)) return true;
  return holds(actor, ['dept_admin', 'system_admin'], owner ?? SCHOOL, org);
}

export function canPublishFaq(actor: Actor, owner: string | null, org: OrgDirectory): boolean {
  return holds(actor, ['hall_manager', 'system_admin'], owner ?? SCHOOL, org);
}

/** The admin side of the knowledge base (FAQ list, backlog). */
export function canSeeAdminKb(actor: Actor): boolean {
  return actor.roles.some((g) => ['dept_admin', 'hall_manager', 'system_admin'].includes(g.role));
}

/** Notices speak for the hall: hall managers and system admins. */
export function canManageNotices(actor: Actor, org: OrgDirectory): boolean {
  return holds(actor, ['hall_manager', 'system_admin'], SCHOOL, org);
}
