import type { Db, Tx } from '../../platform/db/database.js';
import { sha256Hex } from '../../platform/crypto/digest.js';
import { AppError } from '../../platform/errors/app-error.js';
import * as repo from './repository.js';

/**
 * Runs `work` once per (scope, key): the key row is inserted in the same transaction as the work and holds its
 * response, so a repeat (even one racing the first) gets the first response; the same key with another request
 * body is refused. Without a key the work simply runs.
 */
export async function onceByKey<T>(db: Db, scope: string, key: string | undefined, request: unknown, work: (tx: Tx) => Promise<T>): Promise<{ result: T; replayed: boolean }> {
  return db.transaction().execute(async (tx) => {
    if (!key) return { result: await work(tx), replayed: false };
    const hash = sha256Hex(JSON.stringify(request));
    const claimed = await repo.claimIdempotencyKey(tx, scope, key, hash);
    if (!claimed) {
      const row = await repo.findIdempotencyKey(tx, scope, key);
      if (!row || row.request_hash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED', { field: 'idempotencyKey' });
      return { result: row.response as T, replayed: true };
    }
    const result = await work(tx);
    await repo.saveIdempotentResponse(tx, scope, key, result);
    return { result, replayed: false };
  });
}
