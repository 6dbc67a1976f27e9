// "Invoice selected" on a real PostgreSQL and on PGlite: a batch is many single moves, each in its
// own transaction with a key derived from the batch key, so a batch that died half way, or two
// identical batches at once, still bill each work order exactly once.
import { createRemit, type Remit } from "@remit/core";
import { createTestClock } from "@remit/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPostgresStore, migrate } from "../src/index";
import { describeBackends, uniqueSchema } from "./support/backends";
import { startCommitDroppingProxy } from "./support/start-commit-dropping-proxy";
import { batchContext, workOrdersToInvoice } from "./support/work-orders-to-invoice";

/** Invoices per work order and the `invoice.created` events, read from the tables directly. */
async function billedPerWorkOrder(
  query: (sql: string) => Promise<Record<string, unknown>[]>,
  schema: string,
) {
  const invoices = await query(
    `SELECT work_order_id, count(*)::int AS count FROM "${schema}".invoices GROUP BY work_order_id`,
  );
  const [created] = await query(
    `SELECT count(*)::int AS count FROM "${schema}".events WHERE type = 'invoice.created'`,
  );
  return { invoices, created: created?.count };
}

describeBackends((backend) => {
  it("submitInvoices - two identical batches at once bill each work order once", async () => {
    const { store, schema, query, kind } = backend();
    // On a server, each batch has its own pool: two processes, as far as locks go.
    const [one, two] = (kind === "postgres" ? [1, 2] : [1, 1]).map(() =>
      createRemit({
        store:
          kind === "postgres"
            ? createPostgresStore({ client: backend().newPool(4), schema })
            : store,
        clock: createTestClock(),
      }),
    ) as [Remit, Remit];
    const ids = await workOrdersToInvoice(one, "t_twice", 12);
    const ctx = batchContext("t_twice");
    const [first, second] = await Promise.all([
      one.workOrders.submitInvoices(ctx, { ids, batchKey: "monday", concurrency: 4 }),
      two.workOrders.submitInvoices(ctx, { ids, batchKey: "monday", concurrency: 4 }),
    ]);
    expect(first.counts.refused + second.counts.refused).toBe(0);
    expect(first.counts.done + second.counts.done).toBe(12);
    const billed = await billedPerWorkOrder((sql) => query(sql), schema);
    expect(billed.invoices).toHaveLength(12);
    expect(billed.invoices.every((row) => row.count === 1)).toBe(true);
    expect(billed.created).toBe(12);
  });
});

describe("postgres - a batch that dies half way", () => {
  let direct: pg.Pool;
  let proxied: pg.Pool;
  let schema: string;
  let proxy: Awaited<ReturnType<typeof startCommitDroppingProxy>>;

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
    proxied.on("error", () => undefined);
  });

  afterAll(async () => {
    await proxied.end();
    await proxy.close();
    await direct.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await direct.end();
  });

  it("submitInvoices - retried after a crash (one commit's answer lost, then the process gone) bills each work order once", async () => {
    const clock = createTestClock();
    const dying = createRemit({ store: createPostgresStore({ client: proxied, schema }), clock });
    const ids = await workOrdersToInvoice(dying, "t_crash", 12);
    const ctx = batchContext("t_crash");
    let dropped: Promise<void> | undefined;
    const crash = await dying.workOrders
      .submitInvoices(ctx, {
        ids,
        batchKey: "friday-run",
        concurrency: 2,
        onProgress: ({ completed }) => {
          // After 3 items, the next COMMIT reaches the server but its answer never comes back;
          // after 6, the process "dies": the batch stops where it is.
          if (completed === 3) dropped = proxy.dropNextCommit();
          if (completed === 6) throw new Error("process killed");
        },
      })
      .catch((error: unknown) => error);
    expect(crash).toMatchObject({ message: "process killed" });
    await dropped;

    // Another process runs the same batch again, on a healthy connection.
    const survivor = createRemit({ store: createPostgresStore({ client: direct, schema }), clock });
    const rerun = await survivor.workOrders.submitInvoices(ctx, { ids, batchKey: "friday-run" });
    expect(rerun.counts.refused).toBe(0);
    expect(rerun.counts.done + rerun.counts.skipped).toBe(12);
    expect(rerun.counts.skipped).toBeGreaterThanOrEqual(5);
    const billed = await billedPerWorkOrder(async (sql) => (await direct.query(sql)).rows, schema);
    expect(billed.invoices).toHaveLength(12);
    expect(billed.invoices.every((row) => row.count === 1)).toBe(true);
    expect(billed.created).toBe(12);
    const numbers = await direct.query(
      `SELECT number FROM "${schema}".invoices WHERE tenant_id = 't_crash' ORDER BY sequence`,
    );
    // Gapless numbering survives the crash: one number per work order, 1..12.
    expect(numbers.rows.map((row) => row.number)).toEqual(
      Array.from({ length: 12 }, (_, index) => `INV-${String(index + 1).padStart(5, "0")}`),
    );
  });
});
