import { createRemit, type InvoiceStore, type Remit } from "@remit/core";
import { expect, test } from "vitest";
import { createPostgresStore } from "../src/index";
import { describeBackends, type TestBackend } from "./support/backends";

const lines = {
  lines: [
    { kind: "labor" as const, description: "Labor", quantity: "1.5", unitPrice: "95.00" },
    { kind: "material" as const, description: "Parts", quantity: "2", unitPrice: "12.35" },
  ],
};

const ctx = (tenantId: string) => ({ tenantId, actor: { type: "user" as const, id: "user_1" } });

/** `count` Remit services, each on its own pool: separate connections, like separate processes. */
function remits(backend: TestBackend, count: number, poolSize = 2): Remit[] {
  return Array.from({ length: count }, () =>
    createRemit({
      store: createPostgresStore({ client: backend.newPool(poolSize), schema: backend.schema }),
    }),
  );
}

async function setupTenants(remit: Remit, tenantIds: readonly string[]) {
  const customers = new Map<string, string>();
  for (const tenantId of tenantIds) {
    await remit.tenants.upsert(ctx(tenantId), {
      name: `Business ${tenantId}`,
      timeZone: "America/Chicago",
      numberFormat: "INV-{SEQ:4}",
    });
    const customer = await remit.customers.create(ctx(tenantId), {
      name: "Dana Reyes",
      email: "dana@example.com",
    });
    customers.set(tenantId, customer.id);
  }
  return customers;
}

describeBackends(
  (backend) => {
    test("issue - 20 workers issuing 2,000 invoices across 5 tenants get numbers exactly 1..N per tenant", async () => {
      const tenants = ["t1", "t2", "t3", "t4", "t5"];
      const workers = remits(backend(), 20);
      const customers = await setupTenants(workers[0] as Remit, tenants);
      const perWorker = 100;
      const started = performance.now();
      await Promise.all(
        workers.map(async (remit, worker) => {
          for (let index = 0; index < perWorker; index++) {
            const tenantId = tenants[(worker + index) % tenants.length] as string;
            const { invoice } = await remit.invoices.create(ctx(tenantId), {
              customerId: customers.get(tenantId) as string,
              ...lines,
            });
            await remit.invoices.issue(ctx(tenantId), { id: invoice.id });
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `service: ${workers.length * perWorker} invoices created and issued by 20 workers in ${seconds.toFixed(1)} s (${((workers.length * perWorker) / seconds).toFixed(0)}/s)`,
      );
      const rows = await backend().query<{ tenant_id: string; number: string; sequence: number }>(
        `SELECT tenant_id, number, sequence FROM "${backend().schema}".invoices ORDER BY sequence`,
      );
      expect(rows).toHaveLength(2_000);
      for (const tenantId of tenants) {
        const mine = rows.filter((row) => row.tenant_id === tenantId);
        expect(mine).toHaveLength(400);
        expect(mine.map((row) => row.number)).toEqual(
          Array.from({ length: 400 }, (_, index) => `INV-${String(index + 1).padStart(4, "0")}`),
        );
      }
    });

    test("update - of 10 concurrent editors of one invoice exactly one wins each round", async () => {
      const editors = remits(backend(), 10, 1);
      const first = editors[0] as Remit;
      const customers = await setupTenants(first, ["t1"]);
      const { invoice } = await first.invoices.create(ctx("t1"), {
        customerId: customers.get("t1") as string,
        ...lines,
      });
      let version = invoice.version;
      for (let round = 0; round < 5; round++) {
        const results = await Promise.allSettled(
          editors.map((remit, editor) =>
            remit.invoices.update(ctx("t1"), {
              id: invoice.id,
              expectedVersion: version,
              memo: `round ${round}, editor ${editor}`,
            }),
          ),
        );
        const won = results.filter((result) => result.status === "fulfilled");
        const lost = results.filter((result) => result.status === "rejected");
        expect(won).toHaveLength(1);
        expect(lost.map((result) => (result.reason as { code?: string }).code)).toEqual(
          Array(9).fill("version_conflict"),
        );
        version++;
        const current = await first.invoices.get(ctx("t1"), { id: invoice.id });
        expect(current.invoice.version).toBe(version);
      }
      const [revisions] = await backend().query<{ count: number }>(
        `SELECT count(*)::int AS count FROM "${backend().schema}".invoice_revisions`,
      );
      expect(revisions?.count).toBe(6);
    });

    test("record payment - the same payment recorded from 10 connections at once is one payment", async () => {
      const clients = remits(backend(), 10, 1);
      const first = clients[0] as Remit;
      const customers = await setupTenants(first, ["t1"]);
      const { invoice } = await first.invoices.create(ctx("t1"), {
        customerId: customers.get("t1") as string,
        ...lines,
      });
      await first.invoices.issue(ctx("t1"), { id: invoice.id });
      const input = {
        id: invoice.id,
        amount: "20.00",
        method: "card" as const,
        idempotencyKey: "pi_1",
      };
      const results = await Promise.all(
        clients.map((remit) => remit.invoices.recordPayment(ctx("t1"), input)),
      );
      expect(new Set(results.map((result) => JSON.stringify(result))).size).toBe(1);
      const payments = await backend().query<{ amount: string }>(
        `SELECT amount::text AS amount FROM "${backend().schema}".payments`,
      );
      expect(payments).toEqual([{ amount: "20.00" }]);
      const after = await first.invoices.get(ctx("t1"), { id: invoice.id });
      expect(after.invoice).toMatchObject({ amountPaid: "20.00", version: 3 });
    });

    test("crash - a transaction killed mid-move leaves the invoice, its events and its number as before", async () => {
      const { schema, query, newPool } = backend();
      const setup = remits(backend(), 1)[0] as Remit;
      const customers = await setupTenants(setup, ["t1"]);
      const { invoice } = await setup.invoices.create(ctx("t1"), {
        customerId: customers.get("t1") as string,
        ...lines,
      });
      // A store that stops inside the issue, right after taking the number, until released.
      let reached: () => void = () => undefined;
      const atNumber = new Promise<void>((resolve) => {
        reached = resolve;
      });
      let release: () => void = () => undefined;
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      const victimPool = newPool(1);
      victimPool.on("connect", (client) => {
        client.query("SET application_name = 'remit_crash_victim'").catch(() => undefined);
      });
      const inner = createPostgresStore({ client: victimPool, schema });
      const pausing: InvoiceStore = {
        ...inner,
        transaction: ({ tenantId, work }) =>
          inner.transaction({
            tenantId,
            work: (transaction) =>
              work({
                ...transaction,
                sequences: {
                  next: async ({ series }) => {
                    const value = await transaction.sequences.next({ series });
                    reached();
                    await released;
                    return value;
                  },
                },
              }),
          }),
      };
      const issuing = createRemit({ store: pausing })
        .invoices.issue(ctx("t1"), { id: invoice.id })
        .catch((error: unknown) => error);
      await atNumber;
      const killed = await query<{ killed: boolean }>(
        `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
         WHERE application_name = 'remit_crash_victim' AND state = 'idle in transaction'`,
      );
      expect(killed).toEqual([{ killed: true }]);
      release();
      expect(await issuing).toMatchObject({ code: "store_unavailable", retryable: true });

      const [row] = await query(
        `SELECT status, version, number FROM "${schema}".invoices WHERE id = $1`,
        [invoice.id],
      );
      expect(row).toEqual({ status: "pending_action", version: 1, number: null });
      const events = await query<{ type: string }>(
        `SELECT type FROM "${schema}".events WHERE subject_id = $1 ORDER BY position`,
        [invoice.id],
      );
      expect(events.map((event) => event.type)).toEqual(["invoice.created"]);
      const issued = await setup.invoices.issue(ctx("t1"), { id: invoice.id });
      expect(issued.invoice.number).toBe("INV-0001");
    });
  },
  ["postgres"],
);
