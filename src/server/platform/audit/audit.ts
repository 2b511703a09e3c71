import { sql } from 'kysely';
import type { Executor, Db } from '../db/database.js';
import '../db/platform-tables.js';
import type { Actor } from '../auth/actor.js';
import { sm3Hex } from '../crypto/digest.js';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | null;
  agencyId?: string | null;
  /** Already masked: never put full ID numbers or phone numbers here. */
  detail?: Record<string, unknown>;
  ip?: string | null;
}

/**
 * Records one write in the audit trail, in the caller's transaction so the act and its record commit together.
 * The hash chain is sealed afterwards by {@link sealAuditChain}: chaining inline would serialise every write.
 */
export async function recordAudit(db: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      actor_id: actor.userId,
      actor_name: actor.displayName,
      acting_for_id: actor.enterpriseId ?? null,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId ?? null,
      agency_id: entry.agencyId ?? null,
      detail: JSON.stringify({ ...(entry.detail ?? {}), ...(actor.authorizationId ? { authorizationId: actor.authorizationId } : {}) }),
      ip: entry.ip ?? null,
    })
    .execute();
}

interface ChainRow {
  id: number;
  occurred_at: Date;
  actor_id: string | null;
  actor_name: string;
  acting_for_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  agency_id: string | null;
  detail: unknown;
  ip: string | null;
}

/** The canonical text a record's hash covers: every field that matters, in a fixed order. */
export function canonical(r: ChainRow, seq: number): string {
  return JSON.stringify([seq, r.id, new Date(r.occurred_at).toISOString(), r.actor_id, r.actor_name, r.acting_for_id, r.action, r.target_type, r.target_id, r.agency_id, r.detail, r.ip]);
}

/**
 * Seals unsealed records into the chain in id order: hash = SM3(prev_hash + canonical(record)).
 * One sealer at a time (advisory lock); records of transactions still open are sealed on a later pass,
 * and ids that commit late are sealed after the ones already in the chain (the chain order is `seq`).
 */
export async function sealAuditChain(db: Db, batch = 2000): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const locked = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(20260002) AS ok`.execute(tx);
    if (!locked.rows[0]?.ok) return 0;
    const last = await tx.selectFrom('audit_events').select(['seq', 'hash']).where('seq', 'is not', null).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    let seq = last?.seq ?? 0;
    let prev = last?.hash ?? '0'.repeat(64);
    const rows = (await tx.selectFrom('audit_events').selectAll().where('seq', 'is', null).orderBy('id').limit(batch).execute()) as unknown as ChainRow[];
    for (const r of rows) {
      seq += 1;
      const hash = sm3Hex(prev + canonical(r, seq));
      await tx.updateTable('audit_events').set({ seq, prev_hash: prev, hash }).where('id', '=', r.id).execute();
      prev = hash;
    }
    return rows.length;
  });
}

export interface ChainReport {
  checked: number;
  unsealed: number;
  firstBroken?: { seq: number; id: number; reason: string };
}

/** Walks the sealed chain and reports the first record whose hash or link does not match. */
export async function verifyAuditChain(db: Db): Promise<ChainReport> {
  let prev = '0'.repeat(64);
  let checked = 0;
  let afterSeq = 0;
  for (;;) {
    const rows = (await db.selectFrom('audit_events').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(5000).execute()) as unknown as (ChainRow & { seq: number; prev_hash: string; hash: string })[];
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.seq !== afterSeq + 1) return { checked, unsealed: 0, firstBroken: { seq: afterSeq + 1, id: r.id, reason: '链序号缺失（记录被删除）' } };
      if (r.prev_hash !== prev) return { checked, unsealed: 0, firstBroken: { seq: r.seq, id: r.id, reason: '与前一条记录的哈希不衔接' } };
      if (sm3Hex(prev + canonical(r, r.seq)) !== r.hash) return { checked, unsealed: 0, firstBroken: { seq: r.seq, id: r.id, reason: '记录内容与哈希不符（被篡改）' } };
      prev = r.hash;
      afterSeq = r.seq;
      checked++;
    }
  }
  const unsealed = await db.selectFrom('audit_events').select(db.fn.countAll<number>().as('n')).where('seq', 'is', null).executeTakeFirstOrThrow();
  return { checked, unsealed: Number(unsealed.n) };
}
