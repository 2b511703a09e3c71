import { subscribe } from '../../platform/jobs/events.js';
import { defineJob, definePeriodic } from '../../platform/jobs/worker.js';
import { EXCHANGED_EVENTS } from './shape.js';
import { PUSH_QUEUE, pushPending, recordCaseEvent } from './service.js';

let wired = false;

/**
 * Subscribes to the cases module's events (docs/contracts.md) and defines the push job. The periodic sweep
 * re-pushes anything a lost job left behind; the per-record jobs keep the delay low.
 */
export function wireExchange(): void {
  if (wired) return;
  wired = true;
  for (const event of EXCHANGED_EVENTS) {
    subscribe(event, 'exchange', async (payload, ctx) => {
      const { event: _name, ...data } = payload as Record<string, unknown>;
      await recordCaseEvent(ctx.db, event, data);
    });
  }
  defineJob(PUSH_QUEUE, async (_payload, ctx) => {
    await pushPending(ctx.db);
  });
  definePeriodic({ name: 'exchange-push-sweep', everyMs: 30_000, run: (db) => pushPending(db, 10) });
}
