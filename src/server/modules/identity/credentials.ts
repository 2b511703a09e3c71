import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { systemActor } from '../../platform/auth/actor.js';
import { maskName, maskPhone } from '../../platform/privacy/mask.js';
import { notify } from '../notifications/service.js';
import * as repo from './repository.js';
import * as oidcRepo from './repository-oidc.js';

export const MAX_PASSWORD_FAILURES = 10;
export const LOCK_MINUTES = 15;
export const OTP_TTL_MS = 5 * 60_000;
export const OTP_MAX_ATTEMPTS = 5;
export const OTP_RESEND_SECONDS = 60;
export const OTP_MAX_PER_HOUR = 5;
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;

// A real hash to verify against when the login does not exist, so both cases cost the same time.
const dummyHash = hash('tongban-no-such-account');

const lockedError = (until: Date) =>
  new AppError('ACCOUNT_LOCKED', { detail: `密码连续输错${MAX_PASSWORD_FAILURES}次，账号已锁定至 ${until.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}`, extra: { lockedUntil: until.toISOString() } });

/**
 * Checks a staff member's password (argon2id). Ten wrong passwords in a row lock the account for fifteen minutes;
 * while locked even the right password is refused. Failures and locks are audited.
 */
export async function verifyStaffPassword(db: Db, opts: { login: string; password: string; ip?: string | null }) {
  const user = await repo.findUserByLogin(db, opts.login);
  if (!user || user.kind !== 'staff' || !user.password_hash) {
    await verify(await dummyHash, opts.password).catch(() => false);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.locked_until && user.locked_until > new Date()) throw lockedError(user.locked_until);
  const ok = await verify(user.password_hash, opts.password).catch(() => false);
  const actor = { ...systemActor, userId: user.id, displayName: user.name };
  if (!ok) {
    const after = await db.transaction().execute(async (tx) => {
      const r = await repo.recordFailedLogin(tx, user.id, MAX_PASSWORD_FAILURES, LOCK_MINUTES);
      const locked = Boolean(r.locked_until && r.locked_until > new Date() && r.failed_logins === 0);
      await recordAudit(tx, actor, { action: locked ? 'identity.account_locked' : 'identity.login_failed', targetType: 'user', targetId: user.id, agencyId: user.agency_id, ip: opts.ip });
      return { ...r, locked };
    });
    if (after.locked) throw lockedError(after.locked_until!);
    throw new AppError('INVALID_CREDENTIALS', { extra: { attemptsLeft: MAX_PASSWORD_FAILURES - after.failed_logins } });
  }
  if (!user.active) throw new AppError('ACCOUNT_DISABLED');
  if (user.failed_logins > 0 || user.locked_until) await repo.clearFailedLogins(db, user.id);
  return user;
}

export function checkPhone(phone: string): string {
  const p = phone.trim();
  if (!PHONE_PATTERN.test(p)) throw new AppError('INVALID_PHONE', { field: 'phone', detail: '手机号码应为11位数字，以1开头' });
  return p;
}

/**
 * Sends a login code to a resident's phone through the notification outbox (SMS, essential). The answer is the same
 * whether or not the phone is registered, so the form cannot be used to find out who has an account; sends are
 * limited per phone (one a minute, five an hour) on top of the caller's per-IP limit.
 */
export async function sendLoginCode(db: Db, opts: { phone: string; ip?: string | null; demo: boolean }): Promise<void> {
  const phone = checkPhone(opts.phone);
  const latest = await oidcRepo.findLatestOtp(db, phone);
  const sinceLast = latest ? (Date.now() - latest.created_at.getTime()) / 1000 : Infinity;
  if (sinceLast < OTP_RESEND_SECONDS) {
    throw new AppError('RATE_LIMITED', { detail: `验证码发送过于频繁，请${Math.ceil(OTP_RESEND_SECONDS - sinceLast)}秒后再试`, extra: { retryAfterSeconds: Math.ceil(OTP_RESEND_SECONDS - sinceLast) } });
  }
  const sent = await oidcRepo.countOtpSentSince(db, phone, new Date(Date.now() - 3600_000));
  if (Number(sent.n) >= OTP_MAX_PER_HOUR) throw new AppError('RATE_LIMITED', { detail: '该手机号一小时内获取验证码次数已达上限' });
  const user = await repo.findPersonByPhone(db, phone);
  if (!user || !user.active) return;
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const codeHash = await hash(code);
  await db.transaction().execute(async (tx) => {
    await oidcRepo.voidOpenOtps(tx, phone);
    await oidcRepo.insertOtp(tx, { phone, code_hash: codeHash, expires_at: new Date(Date.now() + OTP_TTL_MS), ip: opts.ip ?? null });
    await notify(tx, { template: 'identity.otp', vars: { code, minutes: OTP_TTL_MS / 60_000 }, phone, userId: user.id, channels: ['sms'], essential: true });
    await recordAudit(tx, { ...systemActor, userId: user.id, displayName: maskName(user.name) ?? '' }, { action: 'identity.otp_sent', targetType: 'user', targetId: user.id, detail: { phone: maskPhone(phone) }, ip: opts.ip });
  });
  if (opts.demo) console.log(`[tongban] DEMO login code for ${maskPhone(phone)}: ${code}`);
}

/** Checks a login code: the latest one for the phone, unexpired, unused, within five attempts; used once. */
export async function verifyLoginCode(db: Db, opts: { phone: string; code: string }) {
  const phone = checkPhone(opts.phone);
  const latest = await oidcRepo.findLatestOtp(db, phone);
  if (!latest) throw new AppError('INVALID_OTP');
  const counted = await oidcRepo.countOtpAttempt(db, latest.id, OTP_MAX_ATTEMPTS);
  if (!counted) throw new AppError('INVALID_OTP', { detail: '验证码已失效，请重新获取' });
  const ok = /^\d{6}$/.test(opts.code) && (await verify(counted.code_hash, opts.code).catch(() => false));
  if (!ok) throw new AppError('INVALID_OTP', { extra: { attemptsLeft: OTP_MAX_ATTEMPTS - counted.attempts } });
  const used = await oidcRepo.consumeOtp(db, latest.id);
  if (Number(used.numUpdatedRows) !== 1) throw new AppError('INVALID_OTP');
  const user = await repo.findPersonByPhone(db, phone);
  if (!user) throw new AppError('UNKNOWN_ACCOUNT');
  if (!user.active) throw new AppError('ACCOUNT_DISABLED');
  return user;
}
