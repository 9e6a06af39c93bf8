// Queries for people, roles and sessions.
import type { Db } from '../../db/index.ts';
import type { Actor, RoleGrant } from './actor.ts';
import type { PersonSeed } from '../../../common/org.ts';
import { newId } from '../../clock.ts';
import { prepared } from '../../db/prepared.ts';

export function findPersonByUsername(db: Db, username: string) {
  return db.selectFrom('person').selectAll().where('username', '=', username).where('active', '=', 1).executeTakeFirst();
}

export async function rolesOf(db: Db, personId: string): Promise<RoleGrant[]> {
  const rows = await db.selectFrom('role_grant').select(['role', 'scope_code']).where('person_id', '=', personId)
    .orderBy('role').orderBy('scope_code').execute();
  return rows.map((r) => ({ role: r.role as RoleGrant['role'], scope: r.scope_code }));
}

const sessionRows = prepared((db, p: { sessionId: string; now: string }) => db.selectFrom('session')
  .innerJoin('person', 'person.id', 'session.person_id')
  .leftJoin('role_grant', 'role_grant.person_id', 'person.id')
  .select(['person.id', 'person.username', 'person.display_name', 'person.kind', 'person.org_unit_code',
    'person.elder_mode', 'person.locale', 'person.preferences_saved_at', 'session.csrf_token', 'session.expires_at',
    'role_grant.role', 'role_grant.scope_code'])
  .where('session.id', '=', p.sessionId).where('person.active', '=', 1).where('session.expires_at', '>', p.now)
  .orderBy('role_grant.role').orderBy('role_grant.scope_code'));

/** The session's person, or undefined when the session is unknown, expired or the person disabled. */
export async function loadActorBySession(db: Db, sessionId: string, now: string): Promise<Actor | undefined> {
  // One round trip on every signed-in request: the person once per role grant (one row with no role if none).
  const rows = await sessionRows.rows(db, { sessionId, now });
  const row = rows[0];
  if (!row) return undefined;
  const roles = rows.flatMap((r) => (r.role !== null && r.scope_code !== null ? [{ role: r.role as RoleGrant['role'], scope: r.scope_code }] : []));
  return {
    id: row.id, username: row.username, displayName: row.display_name, kind: row.kind, orgUnit: row.org_unit_code,
    roles, elderMode: row.elder_mode === 1, locale: row.locale === 'en' ? 'en' : 'zh-CN',
    preferencesSaved: row.preferences_saved_at !== null,
    sessionId, csrfToken: row.csrf_token,
  };
}

export function insertSession(db: Db, s: { id: string; personId: string; csrfToken: string; createdAt: string; expiresAt: string }) {
  return db.insertInto('session').values({
    id: s.id, person_id: s.personId, csrf_token: s.csrfToken, created_at: s.createdAt, expires_at: s.expiresAt,
  }).execute();
}

export function deleteSession(db: Db, sessionId: string) {
  return db.deleteFrom('session').where('id', '=', sessionId).execute();
}

export function deleteExpiredSessions(db: Db, now: string) {
  return db.deleteFrom('session').where('expires_at', '<=', now).execute();
}

/** Adds a person with their role grants (demo seeds); returns the new id. */
export async function insertPersonWithRoles(trx: Db, p: PersonSeed, passwordHash: string, now: string): Promise<string> {
  const id = newId();
  await trx.insertInto('person').values({
    id, username: p.username, display_name: p.displayName, kind: p.kind, org_unit_code: p.orgUnit, email: p.email,
    phone: p.phone, password_hash: passwordHash, active: 1, elder_mode: 0, locale: 'zh-CN', created_at: now, preferences_saved_at: null,
  }).execute();
  for (const r of p.roles) {
    await trx.insertInto('role_grant').values({ id: newId(), person_id: id, role: r.role, scope_code: r.scope, created_at: now }).execute();
  }
  return id;
}
