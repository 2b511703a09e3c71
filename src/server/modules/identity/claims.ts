import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { systemActor, type Actor } from '../../platform/auth/actor.js';
import { checkIdCard } from '../../platform/validation/identifiers.js';
import { maskName } from '../../platform/privacy/mask.js';
import * as repo from './repository.js';
import type { UsersTable } from './tables.js';
import { registerPerson } from './residents.js';

type User = Selectable<UsersTable>;

/** The actor recorded for a user's own login acts; residents' names are masked in the audit trail. */
export const userActor = (user: Pick<User, 'id' | 'kind' | 'name'>): Actor => ({
  ...systemActor,
  kind: user.kind === 'staff' ? 'staff' : 'person',
  userId: user.id,
  displayName: user.kind === 'staff' ? user.name : (maskName(user.name) ?? ''),
});

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
/** +86 13812345678 / 86-138… → 13812345678 */
const mainlandMobile = (v: unknown) => str(v)?.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');

/**
 * Maps verified ID token + userinfo claims to a local account.
 * Built-in provider: `sub` is users.login. External issuer (assumptions, see README): `id_card` (居民身份证号码)
 * identifies a resident, else `preferred_username` a staff login, else `phone_number` a resident's mobile. A
 * resident unknown here but with a valid `id_card` and a `name` is registered on first login, because the city's
 * identity provider has verified them (实名认证); staff accounts are never created from claims.
 */
export async function userForClaims(db: Db, claims: Record<string, unknown>, opts: { builtIn: boolean; ip?: string | null }): Promise<User> {
  const user = opts.builtIn ? await repo.findUserByLogin(db, String(claims.sub)) : await findExternal(db, claims, opts.ip);
  if (!user) throw new AppError('UNKNOWN_ACCOUNT');
  if (!user.active) throw new AppError('ACCOUNT_DISABLED');
  return user;
}

async function findExternal(db: Db, claims: Record<string, unknown>, ip?: string | null): Promise<User | undefined> {
  const idCard = str(claims.id_card)?.toUpperCase();
  if (idCard && checkIdCard(idCard).valid) {
    const person = await repo.findPersonByIdCard(db, idCard);
    if (person) return person;
    const name = str(claims.name);
    if (!name) return undefined;
    const phone = mainlandMobile(claims.phone_number);
    const phoneFree = phone && !(await repo.findPersonByPhone(db, phone));
    const created = await registerPerson(db, systemActor, { idCard, name, phone: phoneFree ? phone : null, source: 'oidc', ip });
    return repo.findUserById(db, created.id);
  }
  const username = str(claims.preferred_username);
  if (username) {
    const staff = await repo.findUserByLogin(db, username);
    if (staff?.kind === 'staff') return staff;
  }
  const phone = mainlandMobile(claims.phone_number);
  return phone ? repo.findPersonByPhone(db, phone) : undefined;
}
