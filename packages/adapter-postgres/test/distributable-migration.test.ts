import pg from "pg";
import { afterAll, describe, expect, inject, test } from "vitest";
import { createPostgresStore, migrate, type PostgresClient } from "../src/index";
import { runMigrations } from "../src/migrate";
import { migrations } from "../src/migrations/index";
import { openPGlite, uniqueSchema } from "./support/backends";
import { insertInvoiceAsOf } from "./support/insert-row-as-of";
import { id, invoiceRecord, revisionRecord, workOrderRecord } from "./support/records";

/**
 * Version 4 on a database that version 3 filled: issued invoices of two tenants whose links were
 * sent (their public tokens), a draft, a work order and its invoice pointing at each other, and
 * a revision. Their tokens must still open the hosted page after the upgrade.
 */
async function checkUpgrade(client: PostgresClient, schema: string, options: { schema?: string }) {
  expect(
    await runMigrations(
      client,
      schema,
      migrations.filter((migration) => migration.version <= 3),
    ),
  ).toMatchObject({ version: 3 });
  const store = createPostgresStore({ client, ...options });
  const sent = {
    t1: invoiceRecord("t1", 1, { workOrderId: id("wo", 1) }),
    t2: invoiceRecord("t2", 1),
  };
  // Invoices as version 3 wrote them (today's store writes columns of later versions too), each
  // step committed before the next: the work order, its invoices, then the link back and the
  // revision.
  await store.transaction({
    tenantId: "t1",
    work: (transaction) =>
      transaction.workOrders.insert({ record: workOrderRecord("t1", 1, { status: "invoiced" }) }),
  });
  await insertInvoiceAsOf(client, schema, sent.t1);
  await insertInvoiceAsOf(client, schema, invoiceRecord("t1", 2)); // a draft
  await insertInvoiceAsOf(client, schema, sent.t2);
  await client.query(
    `UPDATE "${schema}".work_orders SET invoice_id = $1 WHERE tenant_id = 't1' AND id = $2`,
    [id("inv", 1), id("wo", 1)],
  );
  await store.transaction({
    tenantId: "t1",
    work: (transaction) => transaction.revisions.append({ record: revisionRecord(sent.t1) }),
  });
  // Issued as version 3 issued them: the token on the invoice row, nowhere else.
  const tokens = { t1: "tok_sent_to_t1_customer", t2: "tok_sent_to_t2_customer" };
  for (const tenantId of ["t1", "t2"] as const) {
    await client.query(
      `UPDATE "${schema}".invoices SET status = 'pending_payment', public_token = $2
       WHERE tenant_id = $1 AND id = $3`,
      [tenantId, tokens[tenantId], id("inv", 1)],
    );
  }

  expect((await migrate(client, options)).applied).toEqual(
    migrations.filter((migration) => migration.version >= 4).map((migration) => migration.version),
  );

  const { rows } = await client.query(
    `SELECT token, tenant_id, invoice_id FROM "${schema}".public_tokens ORDER BY token`,
  );
  expect(rows).toEqual([
    { token: tokens.t1, tenant_id: "t1", invoice_id: id("inv", 1) },
    { token: tokens.t2, tenant_id: "t2", invoice_id: id("inv", 1) },
  ]);
  // The links already sent open the same invoices.
  for (const tenantId of ["t1", "t2"] as const) {
    expect(await store.findInvoiceByPublicToken({ token: tokens[tenantId] })).toMatchObject({
      tenantId,
      id: id("inv", 1),
      publicToken: tokens[tenantId],
    });
  }
  // The rows the dropped foreign keys covered are all still there.
  expect(
    await store.transaction({
      tenantId: "t1",
      work: async (transaction) => ({
        workOrder: (await transaction.workOrders.get({ id: id("wo", 1) }))?.invoiceId,
        revisions: (await transaction.revisions.list({ invoiceId: id("inv", 1) })).length,
      }),
    }),
  ).toEqual({ workOrder: id("inv", 1), revisions: 1 });

  // A token issued now is registered in the same move; another tenant's token is refused.
  await store.transaction({
    tenantId: "t1",
    work: (transaction) =>
      transaction.invoices.update({
        record: invoiceRecord("t1", 2, {
          version: 2,
          status: "pending_payment",
          publicToken: "tok_issued_after_upgrade",
        }),
        expectedVersion: 1,
      }),
  });
  expect(await store.findInvoiceByPublicToken({ token: "tok_issued_after_upgrade" })).toMatchObject(
    { tenantId: "t1", id: id("inv", 2) },
  );
  await expect(
    store.transaction({
      tenantId: "t2",
      work: (transaction) =>
        transaction.invoices.insert({
          record: invoiceRecord("t2", 3, { status: "pending_payment", publicToken: tokens.t1 }),
        }),
    }),
  ).rejects.toMatchObject({ code: "23505", constraint: "public_tokens_pkey" });
  expect(await store.findInvoiceByPublicToken({ token: tokens.t1 })).toMatchObject({
    tenantId: "t1",
  });
}

describe("pglite", () => {
  test("migrate 4 - every token version 3 issued still finds its invoice; tokens stay unique across tenants", async () => {
    const db = await openPGlite("blank");
    try {
      await checkUpgrade(db, "remit", {});
    } finally {
      await db.close();
    }
  });
});

describe("postgres", () => {
  const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
  const schema = uniqueSchema();
  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });

  test("migrate 4 - every token version 3 issued still finds its invoice; tokens stay unique across tenants", async () => {
    await checkUpgrade(pool, schema, { schema });
  });
});
