import { randomBytes } from 'node:crypto';
import type { Db, Executor } from '../../platform/db/database.js';
import { sha256Hex } from '../../platform/crypto/digest.js';
import type { Actor, Role } from '../../platform/auth/actor.js';
import { maskName } from '../../platform/privacy/mask.js';
import * as repo from './repository.js';

const SESSION_HOURS = 12;

/** The agency tree, cached per process: scope checks need "this agency and everything under it". */
let agencyTree: { at: number; descendants: Record<string, string[]> } | null = null;
export async function agencyDescendants(db: Executor): Promise<Record<string, string[]>> {
  if (agencyTree && Date.now() - agencyTree.at < 60_000) return agencyTree.descendants;
  const agencies = await repo.findAgencies(db);
  const children = new Map<string, string[]>();
  for (const a of agencies) if (a.parent_id) children.set(a.parent_id, [...(children.get(a.parent_id) ?? []), a.id]);
  const walk = (id: string): string[] => [id, ...(children.get(id) ?? []).flatMap(walk)];
  const descendants = Object.fromEntries(agencies.map((a) => [a.id, walk(a.id)]));
  agencyTree = { at: Date.now(), descendants };
  return descendants;
}
export const forgetAgencyTree = () => (agencyTree = null);

export interface NewSession {
  userId: string;
  enterpriseId?: string | null;
  authorizationId?: string | null;
  method: 'oidc' | 'dev' | 'password' | 'otp';
  ip?: string | null;
  userAgent?: string | null;
}

/** Opens a session and returns its bearer token (only its hash is stored) and a CSRF token for the browser. */
export async function openSession(db: Executor, s: NewSession): Promise<{ token: string; csrf: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await repo.insertSession(db, {
    token_hash: sha256Hex(token),
    user_id: s.userId,
    enterprise_id: s.enterpriseId ?? null,
    authorization_id: s.authorizationId ?? null,
    method: s.method,
    expires_at: expiresAt,
    ip: s.ip ?? null,
    user_agent: s.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrf: randomBytes(16).toString('base64url'), expiresAt };
}

/** Resolves a bearer or cookie token to the acting person, their grants and scope. */
export async function actorForToken(db: Db, token: string): Promise<Actor | null> {
  const session = await repo.findLiveSession(db, sha256Hex(token));
  if (!session || !session.active || !actingIsValid(session)) return null;
  const grants = (await repo.findGrants(db, session.user_id)).map((g) => ({ role: g.role as Role, agencyId: g.agency_id }));
  const scope = grants.length ? await agencyDescendants(db) : undefined;
  const isStaff = session.kind === 'staff';
  return {
    kind: isStaff ? 'staff' : session.enterprise_id ? 'enterprise' : 'person',
    userId: session.user_id,
    displayName: isStaff ? session.name : (maskName(session.name) ?? ''),
    grants: isStaff
      ? grants
      : [{ role: session.enterprise_id ? 'enterprise_agent' : 'applicant', agencyId: 'public' }],
    enterpriseId: session.enterprise_id,
    authorizationId: session.authorization_id,
    scope,
    sessionId: session.id,
  };
}

type LiveSession = NonNullable<Awaited<ReturnType<typeof repo.findLiveSession>>>;

/**
 * A session acting for an enterprise stays valid only while the right to do so does: the user is still its legal
 * representative, or the authorisation (授权代办) is neither revoked nor expired. Checked on every request, so a
 * revocation or expiry takes effect at once.
 */
function actingIsValid(s: LiveSession): boolean {
  if (!s.enterprise_id) return true;
  if (!s.authorization_id) return s.legal_rep_user_id === s.user_id;
  const now = new Date();
  return (
    s.authorized_enterprise_id === s.enterprise_id &&
    s.agent_user_id === s.user_id &&
    !s.authorization_revoked_at &&
    new Date(s.authorization_valid_from!) <= now &&
    new Date(s.authorization_valid_until!) > now
  );
}

export const closeSession = (db: Executor, sessionId: string) => repo.revokeSession(db, sessionId);
