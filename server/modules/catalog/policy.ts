// Who may do what with service items.
import type { Actor } from '../auth/actor.ts';
import type { OrgDirectory } from '../org/directory.ts';

function holds(actor: Actor, role: string, unit: string, org: OrgDirectory): boolean {
  return actor.roles.some((g) => g.role === role && org.isWithin(unit, g.scope));
}

/** Department admins edit the items of their own department (or below); system admins edit all. */
export function canEditItem(actor: Actor, department: string, org: OrgDirectory): boolean {
  return holds(actor, 'dept_admin', department, org) || holds(actor, 'system_admin', department, org);
}

/** Hall managers (and system admins) publish, reject and retire. */
export function canPublishItem(actor: Actor, department: string, org: OrgDirectory): boolean {
  return holds(actor, 'hall_manager', department, org) || holds(actor, 'system_admin', department, org);
}

/** Anyone who edits or publishes items sees the admin side of the catalog. */
export function canSeeAdminCatalog(actor: Actor): boolean {
  return actor.roles.some((g) => ['dept_admin', 'hall_manager', 'system_admin'].includes(g.role));
}
