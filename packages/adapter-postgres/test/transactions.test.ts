import { StoreUnavailableError } from "@remit/core";
import pg from "pg";
import { expect, test } from "vitest";
import { createPostgresStore } from "../src/index";
import { describeBackends, openPGlite } from "./support/backends";
import {
  eventRecord,
  invoiceRecord,
  jobRecord,
  paymentRecord,
  revisionRecord,
  tenantRecord,
} from "./support/records";

describeBackends((backend) => {
  test("transaction - keeps nothing when work throws, events and jobs included, and rethrows the same error", async () => {
    const { store, query, schema } = backend();
    const invoice = invoiceRecord("t1", 1);
    const failure = new Error("the move failed");
    const thrown = await store
      .transaction({
        tenantId: "t1",
        work: async (transaction) => {
          await transaction.tenants.put({ record: tenantRecord("t1") });
          await transaction.invoices.insert({ record: invoice });
          await transaction.revisions.append({ record: revisionRecord(invoice) });
          await transaction.sequences.next({ series: "INV-" });
          await transaction.payments.insert({
            record: paymentRecord("t1", 1, { invoiceId: invoice.id }),
          });
          await transaction.events.append({
            events: [eventRecord("t1", 1, invoice.id)],
            runAt: invoice.createdAt,
          });
          await transaction.jobs.insert({ record: jobRecord("t1", 2) });
          await transaction.idempotency.put({
            record: {
              tenantId: "t1",
              key: "key-1",
              fingerprint: "f",
              result: { ok: true },
              createdAt: invoice.createdAt,
            },
          });
          throw failure;
        },
      })
      .catch((error: unknown) => error);
    expect(thrown).toBe(failure);
    for (const table of [
      "tenants",
      "invoices",
      "invoice_revisions",
      "sequences",
      "payments",
      "events",
      "outbox_jobs",
      "idempotency_keys",
    ]) {
      const [row] = await query<{ count: number }>(
        `SELECT count(*)::int AS count FROM "${schema}".${table}`,
      );
      expect(row?.count, table).toBe(0);
    }
  });

  test("transaction - commits every write of the work together", async () => {
    const { store, query, schema } = backend();
    const invoice = invoiceRecord("t1", 1);
    const result = await store.transaction({
      tenantId: "t1",
      work: async (transaction) => {
        await transaction.invoices.insert({ record: invoice });
        await transaction.revisions.append({ record: revisionRecord(invoice) });
        await transaction.events.append({
          events: [eventRecord("t1", 1, invoice.id), eventRecord("t1", 2, invoice.id)],
          runAt: invoice.createdAt,
        });
        return "done";
      },
    });
    expect(result).toBe("done");
    const jobs = await query<{ kind: string; payload: { event: { id: string } } }>(
      `SELECT kind, payload FROM "${schema}".outbox_jobs ORDER BY id`,
    );
    expect(jobs.map((job) => [job.kind, job.payload.event.id])).toEqual([
      ["event", eventRecord("t1", 1, invoice.id).id],
      ["event", eventRecord("t1", 2, invoice.id).id],
    ]);
    const read = await store.transaction({
      tenantId: "t1",
      work: (transaction) => transaction.invoices.get({ id: invoice.id }),
    });
    expect(read).toEqual(invoice);
  });

  test("transaction - a backend that is gone is StoreUnavailableError", async () => {
    const { kind } = backend();
    if (kind === "pglite") {
      const db = await openPGlite("blank");
      await db.close();
      const store = createPostgresStore({ client: db });
      await expect(
        store.transaction({ tenantId: "t1", work: async () => "never" }),
      ).rejects.toBeInstanceOf(StoreUnavailableError);
      return;
    }
    // A port nothing listens on.
    const pool = new pg.Pool({ host: "127.0.0.1", port: 1, connectionTimeoutMillis: 2_000 });
    try {
      const store = createPostgresStore({ client: pool });
      const error = await store
        .transaction({ tenantId: "t1", work: async () => "never" })
        .catch((caught) => caught);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(error).toMatchObject({ code: "store_unavailable", retryable: true });
      await expect(store.findInvoiceByPublicToken({ token: "x" })).rejects.toBeInstanceOf(
        StoreUnavailableError,
      );
    } finally {
      await pool.end();
    }
  });
});

describeBackends(
  (backend) => {
    test("lock - get with forUpdate makes a second mover wait, then read the new version", async () => {
      const { store, newPool, schema } = backend();
      const other = createPostgresStore({ client: newPool(1), schema });
      const invoice = invoiceRecord("t1", 1);
      await store.transaction({
        tenantId: "t1",
        work: (transaction) => transaction.invoices.insert({ record: invoice }),
      });
      let locked: () => void = () => undefined;
      const holding = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const first = store.transaction({
        tenantId: "t1",
        work: async (transaction) => {
          const current = await transaction.invoices.get({ id: invoice.id, forUpdate: true });
          locked();
          await new Promise((resolve) => setTimeout(resolve, 300));
          await transaction.invoices.update({
            record: { ...invoice, version: 2, status: "pending_review" },
            expectedVersion: 1,
          });
          return current?.version;
        },
      });
      await holding;
      const started = performance.now();
      const seen = await other.transaction({
        tenantId: "t1",
        work: async (transaction) => {
          const current = await transaction.invoices.get({ id: invoice.id, forUpdate: true });
          return { version: current?.version, waited: performance.now() - started };
        },
      });
      expect(await first).toBe(1);
      expect(seen.version).toBe(2);
      expect(seen.waited).toBeGreaterThan(200);
      // A plain read does not wait.
      const plain = await other.transaction({
        tenantId: "t1",
        work: (transaction) => transaction.invoices.get({ id: invoice.id }),
      });
      expect(plain?.status).toBe("pending_review");
    });
  },
  ["postgres"],
);
