import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Db } from '../../../platform/db/database.js';
import * as repo from '../repository-oidc.js';

/**
 * Reads a secret, generating it on first use. Kept in the database (never in the repository) so every server copy
 * behind a load balancer signs with the same key and reads the same cookies; the insert races safely (first wins).
 */
async function secret<T>(db: Db, name: string, generate: () => T): Promise<T> {
  const existing = await repo.findSecret(db, name);
  if (existing) return existing.value as T;
  await repo.insertSecretIfAbsent(db, name, generate());
  return (await repo.findSecret(db, name))!.value as T;
}

/** The provider's RS256 signing key as a private JWK. */
export const signingJwk = (db: Db) =>
  secret(db, 'oidc_signing_jwk', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return { ...privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' };
  });

/** Keys signing the provider's cookies (session, interaction). */
export const cookieKeys = (db: Db) => secret(db, 'oidc_cookie_keys', () => [randomBytes(32).toString('base64url')]);

/** The secret of the built-in web client: both ends live in this process but may run as several copies. */
export const builtInClientSecret = (db: Db) => secret(db, 'oidc_client_secret', () => randomBytes(32).toString('base64url'));
