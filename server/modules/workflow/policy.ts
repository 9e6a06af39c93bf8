// Who may see and work cases and tasks. A task is assigned to a person or to a role in an org unit;
// a grant of that role whose scope contains the unit (the unit itself or an ancestor) matches it.
import type { Actor, RoleGrant } from '../auth/actor.ts';
import type { OrgDirectory } from '../org/directory.ts';

/**
 * The assignments an actor answers to: tasks named to them or to anyone whose work they hold by delegation
 * (`actingFor`), and per role the units their grants (and their delegators' grants) cover.
 */
export interface TaskMatcher {
  personId: string;
  actingFor: string[];
  grants: Array<{ role: string; units: string[] }>;
}

/** Builds the matcher once per request; the repo turns it into a WHERE clause. */
export function taskMatcher(actor: Actor, org: OrgDirectory, delegators: Array<{ personId: string; roles: RoleGrant[] }> = []): TaskMatcher {
  const byRole = new Map<string, Set<string>>();
  for (const g of [...actor.roles, ...delegators.flatMap((d) => d.roles)]) {
    // Applying is everyone's right, not a task assignment.
    if (g.role === 'applicant') continue;
    const units = byRole.get(g.role) ?? new Set<string>();
    for (const code of org.units.keys()) if (org.isWithin(code, g.scope)) units.add(code);
    byRole.set(g.role, units);
  }
  return {
    personId: actor.id, actingFor: [actor.id, ...delegators.map((d) => d.personId)],
    grants: [...byRole].map(([role, units]) => ({ role, units: [...units] })).filter((g) => g.units.length > 0),
  };
}

/** Whether the actor answers to a task row's assignment. */
export function matchesTask(m: TaskMatcher, t: { assignee_person: string | null; assignee_role: string | null; assignee_org: string | null }): boolean {
  if (t.assignee_person !== null) return m.actingFor.includes(t.assignee_person);
  return m.grants.some((g) => g.role === t.assignee_role && t.assignee_org !== null && g.units.includes(t.assignee_org));
}

/** Window clerks may apply on an applicant's behalf (代办). */
export function canApplyOnBehalf(actor: Actor): boolean {
  return actor.roles.some((g) => g.role === 'window_clerk');
}

/** Whoever edits a service item (its department's admins, system admins) edits its form and process. */
export function canEditProcess(actor: Actor, department: string, org: OrgDirectory): boolean {
  return actor.roles.some((g) => (g.role === 'dept_admin' || g.role === 'system_admin') && org.isWithin(department, g.scope));
}

/** Window clerks record in-person visits (跑动次数) on any case brought to their window. */
export function canRecordVisit(actor: Actor): boolean {
  return actor.roles.some((g) => g.role === 'window_clerk');
}

/** Anyone who works tasks (holds a role beyond applying) may hand them to a colleague while away. */
export function canDelegate(actor: Actor): boolean {
  return actor.roles.some((g) => g.role !== 'applicant');
}
