import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import './tables.js';

// ---- identity_secrets: generated once, shared by every server copy
export const insertSecretIfAbsent = (db: Executor, name: string, value: unknown) =>
  db.insertInto('identity_secrets').values({ name, value: JSON.stringify(value) }).onConflict((oc) => oc.column('name').doNothing()).execute();
export const findSecret = (db: Executor, name: string) => db.selectFrom('identity_secrets').select('value').where('name', '=', name).executeTakeFirst();

// ---- oidc_payloads: the built-in provider's adapter storage
export const upsertPayload = (db: Executor, row: { model: string; id: string; payload: unknown; grant_id: string | null; user_code: string | null; uid: string | null; expires_at: Date | null }) =>
  db
    .insertInto('oidc_payloads')
    .values({ ...row, payload: JSON.stringify(row.payload) })
    .onConflict((oc) => oc.columns(['model', 'id']).doUpdateSet({ payload: JSON.stringify(row.payload), grant_id: row.grant_id, user_code: row.user_code, uid: row.uid, expires_at: row.expires_at }))
    .execute();

const livePayload = (db: Executor, model: string) =>
  db
    .selectFrom('oidc_payloads')
    .select(['payload', 'consumed_at'])
    .where('model', '=', model)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', new Date())]));
export const findPayload = (db: Executor, model: string, id: string) => livePayload(db, model).where('id', '=', id).executeTakeFirst();
export const findPayloadByUid = (db: Executor, model: string, uid: string) => livePayload(db, model).where('uid', '=', uid).executeTakeFirst();
export const findPayloadByUserCode = (db: Executor, model: string, userCode: string) => livePayload(db, model).where('user_code', '=', userCode).executeTakeFirst();
export const consumePayload = (db: Executor, model: string, id: string) =>
  db.updateTable('oidc_payloads').set({ consumed_at: new Date() }).where('model', '=', model).where('id', '=', id).execute();
export const deletePayload = (db: Executor, model: string, id: string) => db.deleteFrom('oidc_payloads').where('model', '=', model).where('id', '=', id).execute();
export const deletePayloadsOfGrant = (db: Executor, grantId: string) => db.deleteFrom('oidc_payloads').where('grant_id', '=', grantId).execute();
/** Housekeeping: expired provider state and pending logins are of no use to anyone. */
export const deleteExpiredOidcState = async (db: Executor) => {
  await db.deleteFrom('oidc_payloads').where('expires_at', '<', sql<Date>`now() - interval '1 hour'`).execute();
  await db.deleteFrom('oidc_login_states').where('expires_at', '<', new Date()).execute();
  await db.deleteFrom('otp_challenges').where('created_at', '<', sql<Date>`now() - interval '1 day'`).execute();
};

// ---- oidc_login_states: the relying party's pending authorisation-code logins
export const insertLoginState = (db: Executor, row: { id_hash: string; state: string; nonce: string; code_verifier: string; return_to: string; expires_at: Date }) =>
  db.insertInto('oidc_login_states').values(row).execute();
/** Takes a pending login out (one use only): a replayed callback finds nothing. */
export const takeLoginState = (db: Executor, idHash: string) =>
  db.deleteFrom('oidc_login_states').where('id_hash', '=', idHash).where('expires_at', '>', new Date()).returningAll().executeTakeFirst();

// ---- otp_challenges
export const insertOtp = (db: Executor, row: { phone: string; code_hash: string; expires_at: Date; ip: string | null }) =>
  db.insertInto('otp_challenges').values(row).returning('id').executeTakeFirstOrThrow();
export const countOtpSentSince = (db: Executor, phone: string, since: Date) =>
  db.selectFrom('otp_challenges').select((eb) => eb.fn.countAll<number>().as('n')).where('phone', '=', phone).where('created_at', '>', since).executeTakeFirstOrThrow();
export const findLatestOtp = (db: Executor, phone: string) =>
  db.selectFrom('otp_challenges').selectAll().where('phone', '=', phone).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
/** Counts one attempt atomically, so parallel guesses cannot exceed the allowance. */
export const countOtpAttempt = (db: Executor, id: string, maxAttempts: number) =>
  db
    .updateTable('otp_challenges')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('consumed_at', 'is', null)
    .where('attempts', '<', maxAttempts)
    .where('expires_at', '>', new Date())
    .returning(['attempts', 'code_hash'])
    .executeTakeFirst();
export const consumeOtp = (db: Executor, id: string) => db.updateTable('otp_challenges').set({ consumed_at: new Date() }).where('id', '=', id).where('consumed_at', 'is', null).executeTakeFirst();
export const voidOpenOtps = (db: Executor, phone: string) => db.updateTable('otp_challenges').set({ consumed_at: new Date() }).where('phone', '=', phone).where('consumed_at', 'is', null).execute();
