import type { StoreTransaction } from "@remit/core";
import type { Scope } from "../sql-helpers";

export function createSequenceQueries(scope: Scope): StoreTransaction["sequences"] {
  const { runner, tenantId, tables } = scope;

  return {
    // One statement creates the series at 1 or bumps it. The row stays locked until the
    // transaction ends, so a concurrent issuer waits and then reads the committed value (gapless),
    // and a rollback undoes the bump (no hole).
    async next({ series }) {
      const { rows } = await runner.query<{ value: number }>(
        `INSERT INTO ${tables.sequences} AS sequence (tenant_id, series, value) VALUES ($1, $2, 1)
         ON CONFLICT (tenant_id, series) DO UPDATE SET value = sequence.value + 1
         RETURNING value`,
        [tenantId, series],
      );
      const row = rows[0];
      if (!row) throw new Error("sequences.next: the upsert returned no row");
      return row.value;
    },
  };
}
