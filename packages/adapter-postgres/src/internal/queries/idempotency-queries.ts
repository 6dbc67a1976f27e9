import {
  IdempotencyKeyTakenError,
  type IdempotencyRecord,
  NotFoundError,
  type StoreTransaction,
} from "@remit/core";
import { assertSameTenant, isoColumn, json, type Scope } from "../sql-helpers";

export function createIdempotencyQueries(scope: Scope): StoreTransaction["idempotency"] {
  const { runner, tenantId, tables } = scope;

  return {
    async get({ key }) {
      const { rows } = await runner.query<IdempotencyRecord>(
        `SELECT tenant_id AS "tenantId", key, fingerprint, result, ${isoColumn("created_at")} AS "createdAt"
         FROM ${tables.idempotency} WHERE tenant_id = $1 AND key = $2`,
        [tenantId, key],
      );
      return rows[0];
    },

    async put({ record }) {
      assertSameTenant(scope, record, "idempotency record");
      // DO NOTHING waits for a concurrent insert of the same key and, once it commits, writes
      // nothing; unlike a unique violation it leaves this transaction usable.
      const { rowCount } = await runner.query(
        `INSERT INTO ${tables.idempotency} (tenant_id, key, fingerprint, result, created_at)
         VALUES ($1, $2, $3, $4::json, $5) ON CONFLICT (tenant_id, key) DO NOTHING`,
        [tenantId, record.key, record.fingerprint, json(record.result), record.createdAt],
      );
      if (rowCount === 0) throw new IdempotencyKeyTakenError({ key: record.key });
    },

    async complete({ key, result }) {
      const { rowCount } = await runner.query(
        `UPDATE ${tables.idempotency} SET result = $3::json WHERE tenant_id = $1 AND key = $2`,
        [tenantId, key, json(result)],
      );
      if (rowCount === 0) throw new NotFoundError({ resource: "idempotency key", id: key });
    },
  };
}
