// Local accounts: argon2id passwords, database sessions with a CSRF token each.
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../../db/index.ts';

import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { deleteSession, findPersonByUsername, insertSession } from './repo.ts';

export const SESSION_HOURS = 12;

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
// algorithm 2 = Argon2id (the library's const enum cannot be imported under isolatedModules).
const ARGON = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON);
}

/** The session id stored in the database is a hash of the cookie token: a leaked table opens no session. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// Verifying against a fixed hash when the user does not exist keeps response times alike.
let dummyHash: Promise<string> | undefined;

export async function login(db: Db, username: string, password: string, meta: { ip: string }) {
  const person = await findPersonByUsername(db, username);
  const ok = person?.password_hash
    ? await verify(person.password_hash, password)
    : (await verify(await (dummyHash ??= hashPassword('not-a-password')), password), false);
  if (!person || !ok) {
    await db.transaction().execute((trx) =>
      recordAudit(trx, { actorId: person?.id ?? null, action: 'auth.login_failed', entity: 'person', entityId: username.slice(0, 64), detail: { ip: meta.ip } }));
    throw new AppError('bad_credentials');
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    await insertSession(trx, {
      id: sessionIdOf(token), personId: person.id, csrfToken, createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString(),
    });
    await recordAudit(trx, { actorId: person.id, action: 'auth.login', entity: 'person', entityId: person.id, detail: { ip: meta.ip } });
  });
  return { token, personId: person.id };
}

export async function logout(db: Db, actor: { id: string; sessionId: string }) {
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, actor.sessionId);
    await recordAudit(trx, { actorId: actor.id, action: 'auth.logout', entity: 'person', entityId: actor.id });
  });
}

