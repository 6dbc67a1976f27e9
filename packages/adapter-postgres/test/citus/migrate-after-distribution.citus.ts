import pg from "pg";
import { afterAll, expect, inject, test } from "vitest";
import { distributeForCitus } from "../../src/index";
import { runMigrations } from "../../src/migrate";
import { type Migration, migrations } from "../../src/migrations/index";
import { uniqueSchema } from "../support/backends";

const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
const schema = uniqueSchema();
afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
});

/** A later migration, written as the shipped ones are: several statements, a DO block. */
const later: Migration = {
  version: 10_000,
  name: "later",
  sql: (s) => `
CREATE INDEX later_by_currency ON ${s}.invoices (tenant_id, currency); -- a comment; with a ;
ALTER TABLE ${s}.customers ADD COLUMN later_note text;
DO $remit$
BEGIN
  EXECUTE 'CREATE INDEX later_by_note ON ${s}.customers (tenant_id, later_note)';
END
$remit$;
`,
};

test("migrate - migrations after distributeForCitus reach every shard", async () => {
  const [first, ...rest] = migrations;
  if (!first) throw new Error("no migrations");
  // Distributed at the first version that allows it, then every later migration and one more.
  const distributable = migrations.filter((migration) => migration.version <= 4);
  await runMigrations(pool, schema, distributable);
  await distributeForCitus(pool, { schema });
  const upgraded = await runMigrations(pool, schema, [first, ...rest, later]);
  expect(upgraded.applied).toEqual([
    ...migrations.filter((migration) => migration.version > 4).map((each) => each.version),
    later.version,
  ]);
  const { rows } = await pool.query<{ result: string }>(
    `SELECT result FROM run_command_on_shards($1::regclass,
       $$SELECT count(*) FROM pg_index WHERE indrelid = '%s'::regclass
         AND indexrelid::regclass::text ~ 'later_by_note'$$)`,
    [`"${schema}".customers`],
  );
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((row) => row.result === "1")).toBe(true);
});
