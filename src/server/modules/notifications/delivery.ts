import type { Db } from '../../platform/db/database.js';
import { findUserById } from '../identity/repository.js';
import { getSmsProvider } from './sms.js';
import { notificationSettings } from './settings.js';
import * as repo from './repository.js';

const HOUR_MS = 3_600_000;
const SEND_TIMEOUT_MS = 30_000;

type Reservation = { kind: 'send'; phone: string; attempt: number } | { kind: 'skip'; reason: string } | { kind: 'done' };

/** Checks the per-phone allowance and reserves the attempt, under a lock per phone so parallel workers agree. */
async function reserve(db: Db, messageId: string): Promise<Reservation> {
  return db.transaction().execute(async (tx) => {
    const msg = await repo.lockMessage(tx, messageId);
    if (!msg || msg.status !== 'queued') return { kind: 'done' } as const; // already handled: jobs may repeat
    const phone = msg.phone ?? (msg.user_id ? ((await findUserById(tx, msg.user_id))?.phone ?? null) : null);
    if (!phone) return { kind: 'skip', reason: '接收人没有登记手机号码' } as const;
    await repo.lockPhone(tx, phone);
    const s = notificationSettings();
    const [perHour, perDay] = msg.essential ? [s.essentialSmsPerHour, s.essentialSmsPerDay] : [s.smsPerHour, s.smsPerDay];
    const lastHour = await repo.countSmsSince(tx, phone, msg.essential, new Date(Date.now() - HOUR_MS), msg.id);
    if (lastHour >= perHour) return { kind: 'skip', reason: `超过频次限制：同一号码每小时最多 ${perHour} 条` } as const;
    const lastDay = await repo.countSmsSince(tx, phone, msg.essential, new Date(Date.now() - 24 * HOUR_MS), msg.id);
    if (lastDay >= perDay) return { kind: 'skip', reason: `超过频次限制：同一号码每天最多 ${perDay} 条` } as const;
    const { attempts } = await repo.startAttempt(tx, msg.id, phone);
    return { kind: 'send', phone, attempt: attempts } as const;
  });
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`短信服务商 ${ms / 1000} 秒内未响应`)), ms)));
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The SMS delivery job. A provider failure leaves the message queued with the error and rethrows, so the job
 * queue retries it with back-off; after the last attempt the message is marked failed. The provider call runs
 * outside any transaction: no database lock is held while waiting for the gateway.
 */
export async function deliverSms(db: Db, messageId: string): Promise<void> {
  const r = await reserve(db, messageId);
  if (r.kind === 'done') return;
  if (r.kind === 'skip') {
    await repo.finishMessage(db, messageId, { status: 'skipped', last_error: r.reason });
    return;
  }
  const msg = (await repo.findMessage(db, messageId))!;
  const provider = getSmsProvider();
  try {
    const { providerMessageId } = await withTimeout(provider.send(r.phone, `${notificationSettings().smsSignature}${msg.body}`), SEND_TIMEOUT_MS);
    await repo.finishMessage(db, messageId, { status: 'sent', sent_at: new Date(), provider: provider.name, provider_message_id: providerMessageId, last_error: null });
  } catch (err) {
    const error = ((err as Error).message ?? String(err)).slice(0, 500);
    const final = r.attempt >= notificationSettings().maxAttempts;
    await repo.finishMessage(db, messageId, { status: final ? 'failed' : 'queued', last_error: error, provider: provider.name });
    if (!final) throw err;
  }
}
