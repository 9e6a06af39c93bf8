// Who may change the guided-navigation trees: hall managers and system administrators (school-wide content).
import type { Actor } from '../auth/actor.ts';

export function canEditNavigator(actor: Actor): boolean {
  return actor.roles.some((g) => g.role === 'hall_manager' || g.role === 'system_admin');
}
