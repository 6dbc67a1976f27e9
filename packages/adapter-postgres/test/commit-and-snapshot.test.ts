// Two promises a billing store must keep at the edges of a transaction, on a real PostgreSQL:
// - a connection lost during COMMIT is "outcome unknown", never "nothing changed, try again", and a
//   retry with the same idempotency key converges on one result;
// - a read of an invoice with its payments sees one moment, even while a payment commits midway.
import { createRemit, type InvoiceStore, OutcomeUnknownError, RemitError } from "@remit/core";
import { createTestClock } from "@remit/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPostgresStore, migrate } from "../src/index";
import { uniqueSchema } from "./support/backends";
import { startCommitDroppingProxy } from "./support/start-commit-dropping-proxy";

const ctx = { tenantId: "tenant_edges", actor: { type: "user", id: "u_1" } } as const;
const lines = [
  { kind: "labor", description: "Repair", quantity: "1", unitPrice: "100.00" },
] as const;

let direct: pg.Pool;
let schema: string;
let proxy: Awaited<ReturnType<typeof startCommitDroppingProxy>>;
let proxied: pg.Pool;

beforeAll(async () => {
  const url = new URL(inject("databaseUrl"));
  schema = uniqueSchema();
  direct = new pg.Pool({ connectionString: url.toString(), max: 4 });
  await migrate(direct, { schema });
  proxy = await startCommitDroppingProxy({ host: url.hostname, port: Number(url.port) });
  const viaProxy = new URL(url);
  viaProxy.hostname = "127.0.0.1";
  viaProxy.port = String(proxy.port);
  proxied = new pg.Pool({ connectionString: viaProxy.toString(), max: 4 });
});

afterAll(async () => {
  await proxied.end();
  await proxy.close();
  await direct.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await direct.end();
});

describe("postgres - a connection lost during COMMIT", () => {
  it("commit - is outcome_unknown, retryable with the key, and the retry gives the one result", async () => {
    const remit = createRemit({
      store: createPostgresStore({ client: proxied, schema }),
      clock: createTestClock(),
    });
    const customer = await remit.customers.create(ctx, { name: "Dana Reyes" });
    const { invoice } = await remit.invoices.create(ctx, {
      customerId: customer.id,
      lines: [...lines],
    });

    const dropped = proxy.dropNextCommit();
    const error = await remit.invoices
      .issue(ctx, { id: invoice.id, idempotencyKey: "approve-1" })
      .catch((caught: unknown) => caught);
    await dropped;
    expect(OutcomeUnknownError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: "outcome_unknown", retryable: true });
    expect((error as Error).message).toContain('idempotencyKey ("approve-1")');

    const retried = await remit.invoices.issue(ctx, {
      id: invoice.id,
      idempotencyKey: "approve-1",
    });
    expect(retried.invoice).toMatchObject({ status: "pending_payment", number: "INV-0001" });
    const { rows } = await direct.query(
      `SELECT count(*)::int AS issued FROM "${schema}".events
       WHERE tenant_id = $1 AND subject_id = $2 AND type = 'invoice.issued'`,
      [ctx.tenantId, invoice.id],
    );
    expect(rows[0]).toEqual({ issued: 1 });
  });

  it("commit - without an idempotency key, outcome_unknown says to read before retrying", async () => {
    const remit = createRemit({
      store: createPostgresStore({ client: proxied, schema }),
      clock: createTestClock(),
    });
    const dropped = proxy.dropNextCommit();
    const error = await remit.customers
      .create(ctx, { name: "Sam Ortiz" })
      .catch((caught: unknown) => caught);
    await dropped;
    expect(RemitError.isInstance(error) && error.code).toBe("outcome_unknown");
    expect(error).toMatchObject({ retryable: false });
    expect((error as Error).message).toContain("Read the record before trying again");
  });
});

describe("postgres - a read sees one moment", () => {
  it("invoices.get - a payment committed midway is in neither the invoice nor its payments", async () => {
    const inner = createPostgresStore({ client: direct, schema });
    const clock = createTestClock();
    const writer = createRemit({ store: inner, clock });
    const customer = await writer.customers.create(ctx, { name: "Lee Park" });
    const { invoice } = await writer.invoices.create(ctx, {
      customerId: customer.id,
      lines: [...lines],
      issue: true,
    });
    // The reader's store pays the invoice (on another connection, committed) right after the read
    // has loaded the invoice and before it lists the payments.
    let paidMidway = false;
    const reading: InvoiceStore = {
      ...inner,
      transaction: (input) =>
        inner.transaction({
          ...input,
          work: (transaction) =>
            input.work({
              ...transaction,
              invoices: {
                ...transaction.invoices,
                get: async (args) => {
                  const found = await transaction.invoices.get(args);
                  if (input.readOnly && !paidMidway) {
                    paidMidway = true;
                    await writer.invoices.recordPayment(ctx, {
                      id: invoice.id,
                      amount: "40.00",
                      method: "check",
                      idempotencyKey: "check-1",
                    });
                  }
                  return found;
                },
              },
            }),
        }),
    };
    const reader = createRemit({ store: reading, clock });
    const details = await reader.invoices.get(ctx, { id: invoice.id });
    expect(paidMidway).toBe(true);
    expect(details.invoice.amountPaid).toBe("0.00");
    expect(details.payments).toEqual([]);
    // Read again: now both show the payment.
    const after = await reader.invoices.get(ctx, { id: invoice.id });
    expect(after.invoice.amountPaid).toBe("40.00");
    expect(after.payments.map((payment) => payment.amount)).toEqual(["40.00"]);
  });
});
