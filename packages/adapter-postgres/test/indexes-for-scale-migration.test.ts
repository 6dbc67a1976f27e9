import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { Customer } from "@remit/core";
import pg from "pg";
import { afterAll, expect, inject, test } from "vitest";
import { createPostgresStore, type PostgresClient } from "../src/index";
import { runMigrations } from "../src/migrate";
import { migrations } from "../src/migrations/index";
import { openPGlite, uniqueSchema } from "./support/backends";
import { insertCustomerAsOf, insertInvoiceAsOf } from "./support/insert-row-as-of";
import { at, id, invoiceRecord, jobRecord, workOrderRecord } from "./support/records";

// Version 5 adds the indexes for scale to a schema that already holds rows, and replaces the
// btree search indexes with trigram ones where pg_trgm and btree_gin can be had: a real server
// (contrib installed), and PGlite when the app passes both extensions; plain PGlite goes without
// (its search reads the tenant's rows, as the conformance suite checks).

const before = migrations.filter((migration) => migration.version < 5);

function customerRecord(tenantId: string, n: number, name: string): Customer {
  return {
    tenantId,
    id: id("cus", n),
    version: 1,
    name,
    email: `${name.split(" ")[0]?.toLowerCase()}@example.com`,
    phone: null,
    billingAddress: null,
    optedOut: [],
    createdAt: at,
    updatedAt: at,
  };
}

async function indexesOf(client: PostgresClient, schema: string) {
  const { rows } = await client.query(
    "SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = $1",
    [schema],
  );
  return new Map((rows as { name: string; definition: string }[]).map((row) => [row.name, row]));
}

/** Version 4 with rows in it, then `migrate`: the rows are found through the new indexes' queries. */
async function checkUpgrade(client: PostgresClient, schema: string, trigram: boolean) {
  expect((await runMigrations(client, schema, before)).version).toBe(4);
  const store = createPostgresStore({ client, schema });
  await store.transaction({
    tenantId: "t1",
    work: async (transaction) => {
      await transaction.workOrders.insert({ record: workOrderRecord("t1", 1) });
      await transaction.jobs.insert({ record: jobRecord("t1", 1) });
    },
  });
  // As version 4 wrote them (today's store writes columns of later versions too).
  await insertCustomerAsOf(client, schema, customerRecord("t1", 1, "Dana Müller"));
  await insertCustomerAsOf(client, schema, customerRecord("t1", 2, "Sam Ortiz"));
  await insertInvoiceAsOf(
    client,
    schema,
    invoiceRecord("t1", 1, { workOrderId: id("wo", 1), status: "cancelled" }),
  );
  await insertInvoiceAsOf(client, schema, invoiceRecord("t1", 2));

  const upToFive = migrations.filter((migration) => migration.version <= 5);
  expect(await runMigrations(client, schema, upToFive)).toEqual({ applied: [5], version: 5 });

  const indexes = await indexesOf(client, schema);
  for (const name of ["outbox_jobs_claim_idx", "invoices_work_order_idx"]) {
    expect(indexes.has(name)).toBe(true);
  }
  for (const name of ["outbox_jobs_due_idx", "invoices_search_idx", "customers_search_idx"]) {
    expect(indexes.has(name)).toBe(false);
  }
  for (const name of ["invoices_search_trgm_idx", "customers_search_trgm_idx"]) {
    expect(indexes.get(name)?.definition ?? "").toMatch(
      trigram ? /USING gin \(tenant_id, search_text \S*gin_trgm_ops\)/ : /^$/,
    );
  }

  // Today's store reads the columns of every later version: bring the schema up to date first.
  await runMigrations(client, schema, migrations);
  const found = await store.transaction({
    tenantId: "t1",
    work: async (transaction) => ({
      customers: await transaction.customers.list({ search: "MÜLL", limit: 10 }),
      searched: await transaction.invoices.list({ filter: { search: "customer 2" }, limit: 10 }),
      byWorkOrder: await transaction.invoices.list({
        filter: { workOrderId: id("wo", 1) },
        limit: 10,
      }),
    }),
  });
  expect(found.customers.items.map((customer) => customer.id)).toEqual([id("cus", 1)]);
  expect(found.searched.items.map((invoice) => invoice.id)).toEqual([id("inv", 2)]);
  expect(found.byWorkOrder.items.map((invoice) => invoice.id)).toEqual([id("inv", 1)]);
  const claimed = await store.claimJobs({ workerId: "w1", now: at, limit: 10, leaseMs: 1_000 });
  expect(claimed.map((job) => job.id)).toEqual([id("job", 1)]);
}

const pools: pg.Pool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
});

test("migrate 5 - PostgreSQL: upgrades a filled version 4, with trigram search indexes", async () => {
  const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
  pools.push(pool);
  const schema = uniqueSchema();
  try {
    await checkUpgrade(pool, schema, true);
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  }
});

test("migrate 5 - PGlite given pg_trgm and btree_gin: upgrades a filled version 4, with trigram search indexes", async () => {
  const db = await PGlite.create({
    loadDataDir: new Blob([await readFile(inject("pgliteBlank"))]),
    extensions: { pg_trgm, btree_gin },
  });
  try {
    await checkUpgrade(db, "remit", true);
  } finally {
    await db.close();
  }
});

test("migrate 5 - PGlite without the extensions: no trigram index, and no btree that could never serve the search", async () => {
  // The global setup migrated this one to the latest version without extensions.
  const db = await openPGlite("migrated");
  try {
    const indexes = await indexesOf(db, "remit");
    expect(indexes.has("outbox_jobs_claim_idx")).toBe(true);
    expect([...indexes.keys()].filter((name) => name.includes("search"))).toEqual([]);
  } finally {
    await db.close();
  }
});
