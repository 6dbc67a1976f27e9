import type { PostgresClient } from "./client-types";
import { defaultSchema, quoteSchema } from "./internal/schema-name";
import { createSqlClient } from "./internal/sql-client";
import { type Migration, migrations } from "./migrations/index";

/** What `migrate` did. */
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
 * transactional in PostgreSQL, so a failed migration leaves the schema as it was.
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
 */
export async function migrate(
  client: PostgresClient,
  options: { schema?: string } = {},
): Promise<MigrateResult> {
  return await runMigrations(client, options.schema ?? defaultSchema, migrations);
}

/** Applies the missing ones of `list` (all of them but in tests, which upgrade step by step). */
export async function runMigrations(
  client: PostgresClient,
  schemaName: string,
  list: readonly Migration[],
): Promise<MigrateResult> {
  const schema = quoteSchema(schemaName);
  const sql = createSqlClient(client);
  return await sql.transaction(async (runner) => {
    // hashtext gives a stable int4 for the schema's name; the constant keeps Remit's lock apart
    // from the host app's own advisory locks.
    await runner.query("SELECT pg_advisory_xact_lock(1380273481, hashtext($1))", [schemaName]);
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
      await runner.exec(migration.sql(schema));
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
