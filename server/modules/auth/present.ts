// Actor → the "me" object the web app sees.
import type { OrgDirectory } from '../org/directory.ts';
import type { Actor } from './actor.ts';

export function presentMe(actor: Actor, org: OrgDirectory) {
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    kind: actor.kind,
    orgUnit: org.unitName(actor.orgUnit),
    roles: actor.roles,
    preferences: { elderMode: actor.elderMode, locale: actor.locale, saved: actor.preferencesSaved },
  };
}
