import type { PostgresClient } from "./client-types";
import { defaultSchema, quoteSchema } from "./internal/schema-name";
import { splitStatements } from "./internal/split-statements";
import { createSqlClient } from "./internal/sql-client";
import { setLocalStatements } from "./internal/sql-runner";
import { parseMigrateTimeouts } from "./internal/timeout-options";
import { type Migration, migrations } from "./migrations/index";

/**
 * What `migrate` did.
 * @group Migrations
 */
export type MigrateResult = {
  /** Versions applied by this call, oldest first (empty when the schema was up to date). */
  applied: number[];
  /** The schema's version afterwards. */
  version: number;
};

/**
 * Creates or upgrades Remit's tables in `schema` (default `"remit"`) with versioned SQL
 * migrations, recorded in `<schema>.schema_migrations`.
 *
 * Safe to run from several processes at once (every instance of an app at boot): the whole run is
 * one transaction that first takes a transaction-level advisory lock for the schema, so a second
 * runner waits, then sees the versions the first one committed and applies nothing twice. DDL is
 * transactional in PostgreSQL, so a failed migration leaves the schema as it was. A statement that
 * waits longer than `lockTimeout` (default 10 s) for a table lock fails the run with the
 * retryable `StoreUnavailableError`.
 *
 * @example
 * ```ts
 * import pg from "pg";
 * import { createPostgresStore, migrate } from "@remit/adapter-postgres";
 *
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * await migrate(pool);
 * const store = createPostgresStore({ client: pool });
 * ```
 * @group Migrations
 */
export async function migrate(
  client: PostgresClient,
  options: MigrateOptions = {},
): Promise<MigrateResult> {
  const { lockTimeout } = parseMigrateTimeouts(options);
  return await runMigrations(client, options.schema ?? defaultSchema, migrations, { lockTimeout });
}

/**
 * Options of `migrate`.
 * @group Migrations
 */
export type MigrateOptions = {
  /** The schema to create or upgrade. Default `"remit"`. */
  schema?: string;
  /**
   * The longest one migration statement waits for a lock on a table, in milliseconds (PostgreSQL's
   * `lock_timeout`, set with `SET LOCAL` once the migration lock is held). An `ALTER TABLE` queued
   * behind a long transaction would otherwise block every query on that table while it waits.
   * When it runs out, `migrate` fails with the retryable `StoreUnavailableError` and changes
   * nothing; run it again later. Default 10 seconds.
   *
   * @since 0.2.0
   */
  lockTimeout?: number;
};

/** Applies the missing ones of `list` (all of them but in tests, which upgrade step by step). */
export async function runMigrations(
  client: PostgresClient,
  schemaName: string,
  list: readonly Migration[],
  options: { lockTimeout?: number } = {},
): Promise<MigrateResult> {
  const schema = quoteSchema(schemaName);
  const sql = createSqlClient(client);
  return await sql.transaction(async (runner) => {
    // hashtext gives a stable int4 for the schema's name; the constant keeps Remit's lock apart
    // from the host app's own advisory locks.
    await runner.query("SELECT pg_advisory_xact_lock(1380273481, hashtext($1))", [schemaName]);
    // Only now: a second migrator waits for the first one however long it takes, but no DDL waits
    // long for a table lock while the queries behind it pile up.
    await runner.exec(setLocalStatements({ lockTimeout: options.lockTimeout ?? 10_000 }));
    await runner.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await runner.query(
      `CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`,
    );
    const { rows } = await runner.query<{ version: number }>(
      `SELECT version FROM ${schema}.schema_migrations`,
    );
    const done = new Set(rows.map((row) => row.version));
    const applied: number[] = [];
    for (const migration of list) {
      if (done.has(migration.version)) continue;
      // One statement at a time: on tables already distributed, Citus passes DDL on to the
      // workers by its text and refuses a text of several statements.
      for (const statement of splitStatements(migration.sql(schema))) await runner.exec(statement);
      await runner.query(
        `INSERT INTO ${schema}.schema_migrations (version, name) VALUES ($1, $2)`,
        [migration.version, migration.name],
      );
      applied.push(migration.version);
    }
    const version = Math.max(0, ...done, ...applied);
    return { applied, version };
  });
}
