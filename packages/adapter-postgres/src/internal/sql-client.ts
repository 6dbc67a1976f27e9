import type { PGliteLike, PgPoolLike, PostgresClient } from "../client-types";
import { createPgPoolSqlClient } from "./pg-pool-sql-client";
import { createPGliteSqlClient } from "./pglite-sql-client";
import type { SqlClient, TransactionLimits } from "./sql-runner";

export type { SqlClient, SqlRunner, TransactionLimits } from "./sql-runner";

function isPGlite(client: PostgresClient): client is PGliteLike {
  return typeof (client as Partial<PGliteLike>).transaction === "function";
}

function isPgPool(client: PostgresClient): client is PgPoolLike {
  return typeof (client as Partial<PgPoolLike>).connect === "function";
}

/**
 * Wraps a `pg` Pool or a PGlite instance in the store's query interface. `limits` apply to every
 * transaction on a pool (PGlite cannot enforce them).
 */
export function createSqlClient(client: PostgresClient, limits: TransactionLimits = {}): SqlClient {
  if (isPGlite(client)) return createPGliteSqlClient(client);
  if (isPgPool(client)) return createPgPoolSqlClient(client, limits);
  throw new TypeError(
    "createPostgresStore: `client` must be a pg Pool (new pg.Pool()) or a PGlite instance (await PGlite.create())",
  );
}
