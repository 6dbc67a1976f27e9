import pg from "pg";
import { afterAll, expect, inject, test } from "vitest";
import { migrate } from "../src/index";
import { runMigrations } from "../src/migrate";
import { migrations } from "../src/migrations/index";
import { describeBackends, openPGlite, uniqueSchema } from "./support/backends";

/** The version of the newest migration. */
const latest = Math.max(...migrations.map((migration) => migration.version));

/** Indexes that do not start with tenant_id, each for a reason the README gives. */
const globalIndexes = [
  "public_tokens_pkey", // token → tenant: the hosted page has only the token
  "payment_accounts_pkey", // account → tenant: a provider's webhook has only the account
  "outbox_jobs_claim_idx", // any worker claims any tenant's jobs
  "outbox_jobs_lease_idx",
  "schema_migrations_pkey",
  "tenants_pkey", // tenant_id is the whole key
];

describeBackends((backend) => {
  test("migrate - a second run applies nothing", async () => {
    const { client, schema, kind } = backend();
    const again = await migrate(client, kind === "pglite" ? {} : { schema });
    expect(again).toEqual({ applied: [], version: latest });
  });

  test("schema - money is numeric and no column is a float", async () => {
    const { query, schema } = backend();
    const columns = await query<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema = $1`,
      [schema],
    );
    expect(columns.filter((column) => /real|double/.test(column.data_type))).toEqual([]);
    const money = [
      "total",
      "amount_paid",
      "amount_due",
      "credit",
      "refund_pending",
      "amount",
      "deposit_held",
      // Version 7: invoices' credit-note total and written-off amount, credit notes' figures.
      "credit_note_total",
      "written_off",
      "excluding_tax",
      "tax_total",
    ];
    const moneyColumns = columns.filter((column) => money.includes(column.column_name));
    expect(moneyColumns.length).toBe(14);
    expect(moneyColumns.every((column) => column.data_type === "numeric")).toBe(true);
  });

  test("schema - tenant_id leads every key, index and foreign key", async () => {
    const { query, schema } = backend();
    const indexes = await query<{ name: string; first: string }>(
      `SELECT i.relname AS name, a.attname AS first
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_namespace n ON n.oid = i.relnamespace
       JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[0]
       WHERE n.nspname = $1`,
      [schema],
    );
    expect(indexes.length).toBeGreaterThan(25);
    const offenders = indexes.filter(
      (index) => index.first !== "tenant_id" && !globalIndexes.includes(index.name),
    );
    expect(offenders).toEqual([]);
    const foreignKeys = await query<{ name: string; definition: string }>(
      `SELECT c.conname AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
       WHERE n.nspname = $1 AND c.contype = 'f'`,
      [schema],
    );
    // Version 7 adds three: a credit note's invoice, a credit application's two invoices.
    // 8, three more for credit notes (7), and plan_occurrences → plans (8); 11 and 14 one each
    // (a delivery's credit note, a delivery's quote). 13 (progress billing) adds none.
    expect(foreignKeys.length).toBe(14);
    for (const key of foreignKeys) expect(key.definition).toMatch(/^FOREIGN KEY \(tenant_id, /);
  });
});

const pools: pg.Pool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
});

test("migrate - is safe when run from several connections at once", async () => {
  const url = inject("databaseUrl");
  const schema = uniqueSchema();
  const connections = Array.from({ length: 6 }, () => {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    pools.push(pool);
    return pool;
  });
  try {
    const results = await Promise.all(connections.map((pool) => migrate(pool, { schema })));
    expect(results.filter((result) => result.applied.length > 0)).toEqual([
      { applied: migrations.map((migration) => migration.version), version: latest },
    ]);
    expect(results.every((result) => result.version === latest)).toBe(true);
    const [first] = connections;
    const { rows } = await (first as pg.Pool).query(
      `SELECT version, name FROM "${schema}".schema_migrations`,
    );
    expect(rows).toEqual(migrations.map(({ version, name }) => ({ version, name })));
  } finally {
    await connections[0]?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  }
});

test("migrate - PGlite gets its tables in the schema it is given", async () => {
  const db = await openPGlite("blank");
  try {
    expect(await migrate(db, { schema: "billing" })).toEqual({
      applied: migrations.map((migration) => migration.version),
      version: latest,
    });
    const { rows } = await db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM information_schema.tables WHERE table_schema = 'billing'`,
    );
    // 17, credit_notes and credit_applications (7), plans and plan_occurrences (8).
    expect(rows[0]?.count).toBe(21);
    await expect(migrate(db, { schema: 'x"; DROP TABLE billing.invoices; --' })).rejects.toThrow(
      /Invalid schema/,
    );
  } finally {
    await db.close();
  }
});

test("migrate - upgrades a schema of an earlier version with only the missing migrations", async () => {
  const db = await openPGlite("blank");
  try {
    const [first] = migrations;
    if (!first) throw new Error("no migrations");
    expect(await runMigrations(db, "remit", [first])).toEqual({ applied: [1], version: 1 });
    await db.query(
      `INSERT INTO remit.invoices (tenant_id, id, version, status, revision, currency, terms, content,
         totals, total, amount_paid, amount_due, credit, refund_pending, created_by, created_at,
         updated_at, search_text)
       VALUES ('t1', 'inv_1', 1, 'pending_action', 1, 'USD', '"net_30"', '{}', '{}', 1, 0, 1, 0, 0,
         '{"type":"system"}', now(), now(), '')`,
    );
    expect(await migrate(db)).toEqual({
      applied: migrations.slice(1).map((migration) => migration.version),
      version: latest,
    });
    const { rows } = await db.query<{ id: string }>("SELECT id FROM remit.invoices");
    expect(rows).toEqual([{ id: "inv_1" }]);
  } finally {
    await db.close();
  }
});
