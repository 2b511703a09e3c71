import { AppError } from '../errors/app-error.js';

/**
 * A fixed-window counter per key, in process memory. Good for one server copy; behind a load balancer each copy
 * limits on its own (documented in the README), which still bounds abuse by the number of copies.
 */
export class RateLimiter {
  private hits = new Map<string, { count: number; resetAt: number }>();
  constructor(private limit: number, private windowMs: number) {}

  /** Counts one hit; throws 429 RATE_LIMITED once the key has used its allowance in the current window. */
  hit(key: string): void {
    const now = Date.now();
    const entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) {
      if (this.hits.size > 50_000) this.sweep(now);
      this.hits.set(key, { count: 1, resetAt: now + this.windowMs });
      return;
    }
    entry.count += 1;
    if (entry.count > this.limit) {
      throw new AppError('RATE_LIMITED', { extra: { retryAfterSeconds: Math.ceil((entry.resetAt - now) / 1000) } });
    }
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private sweep(now: number) {
    for (const [k, v] of this.hits) if (v.resetAt <= now) this.hits.delete(k);
  }
}
