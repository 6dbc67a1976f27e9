import type { SqlRunner } from "../sql-client";
import type { Tables } from "../sql-helpers";

/**
 * The hosted pages' lookup, across tenants: the token's tenant from `public_tokens`, then the
 * record (an invoice or a quote) within that tenant. On one server that is one statement (the
 * tenant in a subquery: the same two index lookups, one round trip); on Citus two, so that the
 * record's query goes to the tenant's shard alone (`public_tokens` is a reference table, read on
 * one node). A token matches exactly, case included (`COLLATE "C"`).
 */
export async function findByPublicToken<Row>(
  runner: SqlRunner,
  tables: Tables,
  record: { table: string; select: string },
  token: string,
  options: { distributed: boolean },
): Promise<Row | undefined> {
  if (!options.distributed) {
    const { rows } = await runner.query<Row>(
      `SELECT ${record.select} FROM ${record.table}
       WHERE tenant_id = (SELECT tenant_id FROM ${tables.publicTokens} WHERE token = $1)
         AND public_token = $1`,
      [token],
    );
    return rows[0];
  }
  const { rows: owners } = await runner.query<{ tenantId: string }>(
    `SELECT tenant_id AS "tenantId" FROM ${tables.publicTokens} WHERE token = $1`,
    [token],
  );
  const owner = owners[0];
  if (!owner) return undefined;
  const { rows } = await runner.query<Row>(
    `SELECT ${record.select} FROM ${record.table} WHERE tenant_id = $1 AND public_token = $2`,
    [owner.tenantId, token],
  );
  return rows[0];
}
