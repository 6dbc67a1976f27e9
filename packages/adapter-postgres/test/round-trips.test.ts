import { createRemit } from "@remit/core";
import { expect, test } from "vitest";
import { createPostgresStore } from "../src/index";
import { migratedSchema } from "./support/migrated-schema";
import { recordingPool } from "./support/recording-pool";

// Every statement is a round trip to the server, and on the busiest path ("save & issue") round
// trips, not rows, set the rate. The path's statements are pinned here, so one that creeps back
// (reading back the invoice just written, writing it twice, a token row in a statement of its
// own) fails a test rather than a benchmark nobody ran.

const { pool, schema } = migratedSchema();

/** The first words of a statement, enough to tell what it does and to which table. */
function summary(text: string): string {
  const words = text.replaceAll(`"${schema}".`, "").replace(/\s+/g, " ").trim();
  const write = /^(WITH \w+ AS \(\s*)?(INSERT INTO|UPDATE) (\w+)/.exec(words);
  if (write) return `${write[2]} ${write[3]}`;
  const read = /^SELECT .*? FROM (\w+)/.exec(words);
  if (read) return `SELECT ${read[1]}`;
  return words.split(" ")[0] ?? "";
}

test("save & issue - eight statements: the two reads it needs, one per table written, BEGIN and COMMIT", async () => {
  const sent: string[] = [];
  let recording = false;
  const remit = createRemit({
    store: createPostgresStore({
      client: recordingPool(pool, (text) => {
        if (recording) sent.push(summary(text));
      }),
      schema,
    }),
  });
  const ctx = { tenantId: "t1", actor: { type: "user" as const, id: "usr_1" } };
  await remit.tenants.upsert(ctx, { name: "Reyes Plumbing", numberFormat: "INV-{SEQ:6}" });
  const customer = await remit.customers.create(ctx, { name: "Dana Reyes" });
  const lines = [{ kind: "labor" as const, description: "Labor", quantity: "2", unitPrice: "95" }];
  await remit.invoices.create(ctx, { customerId: customer.id, lines, issue: true }); // warm-up

  recording = true;
  const { invoice } = await remit.invoices.create(ctx, {
    customerId: customer.id,
    lines,
    issue: true,
  });
  recording = false;

  expect(invoice.number).toBe("INV-000002");
  expect(sent).toEqual([
    "BEGIN",
    "SELECT tenants",
    "SELECT customers",
    "INSERT INTO invoice_revisions",
    "INSERT INTO sequences",
    "INSERT INTO invoices", // issued, with its public token's row
    "WITH", // the events, their positions and their outbox jobs
    "COMMIT",
  ]);
  // The token row written with the UPDATE is there: the hosted page finds the invoice.
  const store = createPostgresStore({ client: pool, schema });
  const found = await store.findInvoiceByPublicToken({ token: invoice.publicToken ?? "" });
  expect(found?.id).toBe(invoice.id);
});

test("record payment with a key - the key is taken first, not looked up: a repeat reads it in a second transaction", async () => {
  const sent: string[] = [];
  let recording = false;
  const remit = createRemit({
    store: createPostgresStore({
      client: recordingPool(pool, (text) => {
        if (recording) sent.push(summary(text));
      }),
      schema,
    }),
  });
  const ctx = { tenantId: "t2", actor: { type: "user" as const, id: "usr_1" } };
  await remit.tenants.upsert(ctx, { name: "Ortiz Electric" });
  const customer = await remit.customers.create(ctx, { name: "Sam Ortiz" });
  const lines = [{ kind: "labor" as const, description: "Labor", quantity: "1", unitPrice: "80" }];
  const { invoice } = await remit.invoices.create(ctx, {
    customerId: customer.id,
    lines,
    issue: true,
  });
  const payment = {
    id: invoice.id,
    amount: "30.00",
    method: "check" as const,
    idempotencyKey: "check-77",
  };

  recording = true;
  const first = await remit.invoices.recordPayment(ctx, payment);
  const firstStatements = [...sent];
  sent.length = 0;
  const again = await remit.invoices.recordPayment(ctx, payment);
  recording = false;

  expect(firstStatements.slice(0, 2)).toEqual(["BEGIN", "INSERT INTO idempotency_keys"]);
  expect(firstStatements).not.toContain("SELECT idempotency_keys");
  expect(again).toEqual(first);
  expect(sent).toEqual([
    "BEGIN",
    "INSERT INTO idempotency_keys",
    "ROLLBACK",
    "BEGIN",
    "SELECT idempotency_keys",
    "COMMIT",
  ]);
});
