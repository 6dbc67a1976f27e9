/**
 * `@remit/adapter-postgres`: Remit's invoice store on PostgreSQL, through a `pg` Pool or PGlite.
 *
 * @example
 * ```ts
 * import pg from "pg";
 * import { createRemit } from "@remit/core";
 * import { createPostgresStore, migrate } from "@remit/adapter-postgres";
 *
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * await migrate(pool);
 * const remit = createRemit({ store: createPostgresStore({ client: pool }) });
 * ```
 *
 * @module
 */
export type {
  DriverQueryResult,
  PGliteLike,
  PGliteTransactionLike,
  PgPoolClientLike,
  PgPoolLike,
  PostgresClient,
} from "./client-types";
export {
  createPostgresChangeFeed,
  type PgListenClientLike,
  type PostgresChange,
  type PostgresChangeFeed,
  type PostgresChangeFeedOptions,
} from "./create-postgres-change-feed";
export { createPostgresStore, type PostgresStoreOptions } from "./create-postgres-store";
export {
  type DistributeForCitusOptions,
  type DistributeForCitusResult,
  distributeForCitus,
} from "./distribute-for-citus";
export { type MigrateOptions, type MigrateResult, migrate } from "./migrate";
