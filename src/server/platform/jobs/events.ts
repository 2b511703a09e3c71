import type { Executor } from '../db/database.js';
import { enqueue } from './queue.js';
import { defineJob, type JobHandler } from './worker.js';

const subscribers = new Map<string, string[]>();

/**
 * Subscribes a handler to a domain event. Each subscriber gets its own durable job, so one failing
 * subscriber is retried alone and never blocks or repeats the others.
 */
export function subscribe(event: string, subscriber: string, handler: JobHandler): void {
  const queue = `event:${event}:${subscriber}`;
  defineJob(queue, handler);
  const list = subscribers.get(event) ?? [];
  if (!list.includes(queue)) list.push(queue);
  subscribers.set(event, list);
}

/** Publishes a domain event inside the caller's transaction (outbox): subscribers run after commit. */
export async function publish(db: Executor, event: string, payload: Record<string, unknown>): Promise<void> {
  const queues = subscribers.get(event) ?? [];
  await enqueue(db, ...queues.map((queue) => ({ queue, payload: { ...payload, event } })));
}
