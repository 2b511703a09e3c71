/**
 * Delivery settings, read from the environment once (with safe defaults) and adjustable in tests.
 * Rate limits protect residents from message floods (短信轰炸) and the district from SMS cost; essential messages
 * (verification codes, 补正告知, results) have their own, separate allowance so that a burst of progress
 * notices can never block a login code.
 */
export interface NotificationSettings {
  smsPerHour: number;
  smsPerDay: number;
  essentialSmsPerHour: number;
  essentialSmsPerDay: number;
  /** Attempts before a message is marked failed; between attempts the job queue backs off (2 s, 4 s, 8 s …). */
  maxAttempts: number;
  /** The SMS signature (短信签名) the carrier requires in front of every text. */
  smsSignature: string;
  /** The public address of the portal: links in texts must be absolute (set from the platform config at start). */
  publicUrl: string;
}

const num = (v: string | undefined, fallback: number) => (v && /^\d+$/.test(v) ? Number(v) : fallback);

export function loadNotificationSettings(env: NodeJS.ProcessEnv = process.env): NotificationSettings {
  return {
    smsPerHour: num(env.NOTIFY_SMS_PER_HOUR, 5),
    smsPerDay: num(env.NOTIFY_SMS_PER_DAY, 20),
    essentialSmsPerHour: num(env.NOTIFY_ESSENTIAL_SMS_PER_HOUR, 10),
    essentialSmsPerDay: num(env.NOTIFY_ESSENTIAL_SMS_PER_DAY, 40),
    maxAttempts: num(env.NOTIFY_MAX_ATTEMPTS, 6),
    smsSignature: env.SMS_SIGNATURE ?? '【闵行一网通办】',
    publicUrl: env.PUBLIC_URL ?? 'http://localhost:3000',
  };
}

let settings = loadNotificationSettings();
export const notificationSettings = (): NotificationSettings => settings;
export function configureNotifications(patch: Partial<NotificationSettings>): void {
  settings = { ...settings, ...patch };
}
