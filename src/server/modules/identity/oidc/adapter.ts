import type { Db } from '../../../platform/db/database.js';
import * as repo from '../repository-oidc.js';

type Payload = Record<string, unknown> & { grantId?: string; userCode?: string; uid?: string; consumed?: number };

/**
 * oidc-provider storage in PostgreSQL (table oidc_payloads): sessions, interactions, codes and grants survive a
 * restart and are shared by every server copy, which an in-memory store would not allow.
 */
export function postgresAdapter(db: Db) {
  return class PostgresAdapter {
    constructor(private model: string) {}

    async upsert(id: string, payload: Payload, expiresIn?: number) {
      await repo.upsertPayload(db, {
        model: this.model,
        id,
        payload,
        grant_id: payload.grantId ?? null,
        user_code: payload.userCode ?? null,
        uid: payload.uid ?? null,
        expires_at: expiresIn ? new Date(Date.now() + expiresIn * 1000) : null,
      });
    }

    async find(id: string) {
      return withConsumed(await repo.findPayload(db, this.model, id));
    }

    async findByUid(uid: string) {
      return withConsumed(await repo.findPayloadByUid(db, this.model, uid));
    }

    async findByUserCode(userCode: string) {
      return withConsumed(await repo.findPayloadByUserCode(db, this.model, userCode));
    }

    async consume(id: string) {
      await repo.consumePayload(db, this.model, id);
    }

    async destroy(id: string) {
      await repo.deletePayload(db, this.model, id);
    }

    async revokeByGrantId(grantId: string) {
      await repo.deletePayloadsOfGrant(db, grantId);
    }
  };
}

function withConsumed(row: { payload: unknown; consumed_at: Date | null } | undefined): Payload | undefined {
  if (!row) return undefined;
  const payload = row.payload as Payload;
  return row.consumed_at ? { ...payload, consumed: Math.floor(row.consumed_at.getTime() / 1000) } : payload;
}
