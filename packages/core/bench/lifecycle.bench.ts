import { createMemoryStore } from "@remit/testing";
import { bench, describe } from "vitest";
import { type Context, createRemit } from "../src/index";

// Create → issue → pay cycles per second through the whole service (validation, calculation,
// one store transaction per move, events and outbox jobs) on the in-memory store. Each cycle is
// three moves. A fresh tenant every 50 cycles keeps the store's per-tenant scans from growing
// without bound, so the figure measures the moves, not the size of the store.

const cyclesPerTenant = 50;
const store = createMemoryStore();
const remit = createRemit({ store });
let tenant = 0;
let cycles = 0;
let context: Context | undefined;
let customerId = "";

async function nextContext(): Promise<Context> {
  if (context && cycles % cyclesPerTenant !== 0) return context;
  tenant++;
  context = { tenantId: `tenant_${tenant}`, actor: { type: "user", id: "user_bench" } };
  await remit.tenants.upsert(context, { timeZone: "America/Chicago", numberFormat: "INV-{SEQ:5}" });
  customerId = (
    await remit.customers.create(context, { name: "Dana Reyes", email: "d@example.com" })
  ).id;
  return context;
}

const lines = [
  { kind: "labor", description: "Labor", quantity: "2", unitPrice: "95.00", taxRateIds: ["tax"] },
  {
    kind: "material",
    description: "Parts",
    quantity: "1",
    unitPrice: "45.50",
    taxRateIds: ["tax"],
  },
] as const;
const taxRates = [{ id: "tax", name: "Sales tax", percent: "8.25" }];

async function cycle(): Promise<void> {
  const ctx = await nextContext();
  cycles++;
  const { invoice } = await remit.invoices.create(ctx, { customerId, lines: [...lines], taxRates });
  const issued = await remit.invoices.issue(ctx, { id: invoice.id, expectedVersion: 1 });
  const paid = await remit.invoices.recordPayment(ctx, {
    id: invoice.id,
    amount: issued.invoice.amountDue,
    method: "check",
    idempotencyKey: `pay-${cycles}`,
  });
  if (paid.invoice?.status !== "paid") throw new Error("the cycle did not end paid");
}

describe("lifecycle on the in-memory store", () => {
  bench("create → issue → pay (3 moves a cycle)", cycle, { time: 3_000, warmupTime: 500 });
});
