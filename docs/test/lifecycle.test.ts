import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRemit, type Remit, RemitError } from "@remit/core";
import { createMemoryStore, createTestClock } from "@remit/testing";
import { describe, expect, it } from "vitest";
import { invoiceMachine, paymentFlow, workOrderMachine } from "../lifecycle/state-machines.mjs";
import { render, sections } from "../scripts/write-lifecycle.mjs";

// The lifecycle diagrams and tables in the guide are written from lifecycle/state-machines.mjs.
// These tests hold that source to @remit/core: every call is allowed from exactly the statuses it
// lists (anything else is `invalid_transition`), and the pages are what the source writes.

type Edge = { from: string | null; to: string; when?: string; check?: boolean };
type Machine = { statuses: { id: string }[]; moves: { call: string; edges: Edge[] }[] };

const docs = join(import.meta.dirname, "..");
const ctx = { tenantId: "acme-plumbing", actor: { type: "user", id: "u_1" } } as const;

function setUp() {
  const clock = createTestClock("2026-03-02T15:00:00.000Z");
  const remit = createRemit({ store: createMemoryStore(), clock });
  return { clock, remit };
}

async function invoiceIn(remit: Remit, clock: ReturnType<typeof createTestClock>, status: string) {
  const customer = await remit.customers.create(ctx, { name: "Dana Reyes" });
  const { invoice } = await remit.invoices.create(ctx, {
    customerId: customer.id,
    terms: "net_15",
    lines: [{ kind: "labor", description: "Unclog drain", quantity: "1", unitPrice: "100.00" }],
  });
  const id = invoice.id;
  if (status === "pending_action") return id;
  if (status === "pending_review") {
    await remit.invoices.submit(ctx, { id });
    return id;
  }
  if (status === "cancelled") {
    await remit.invoices.cancel(ctx, { id, reason: "duplicate" });
    return id;
  }
  await remit.invoices.issue(ctx, { id });
  if (status === "past_due") {
    clock.set("2026-04-01T15:00:00.000Z");
    await remit.invoices.sweepPastDue(ctx);
  }
  if (status === "uncollectible") {
    await remit.invoices.writeOff(ctx, { id, reason: "bad debt" });
  }
  if (status === "paid") {
    await remit.invoices.recordPayment(ctx, {
      id,
      amount: "100.00",
      method: "check",
      idempotencyKey: `setup-${id}`,
    });
  }
  const { invoice: now } = await remit.invoices.get(ctx, { id });
  expect(now.status).toBe(status);
  return id;
}

// One call of each checked invoice move on invoice `id`, with input that passes validation.
const invoiceCalls: Record<string, (remit: Remit, id: string) => Promise<unknown>> = {
  update: async (remit, id) => {
    const { invoice } = await remit.invoices.get(ctx, { id });
    return remit.invoices.update(ctx, {
      id,
      expectedVersion: invoice.version,
      lines: [{ kind: "labor", description: "Unclog drain", quantity: "1", unitPrice: "100.00" }],
    });
  },
  submit: (remit, id) => remit.invoices.submit(ctx, { id }),
  requestChanges: (remit, id) => remit.invoices.requestChanges(ctx, { id, reason: "check hours" }),
  issue: (remit, id) => remit.invoices.issue(ctx, { id }),
  send: (remit, id) => remit.invoices.send(ctx, { id, channels: ["email"] }),
  recordPayment: (remit, id) =>
    remit.invoices.recordPayment(ctx, {
      id,
      amount: "10.00",
      method: "check",
      idempotencyKey: `pay-${id}`,
    }),
  refund: (remit, id) =>
    remit.invoices.refund(ctx, {
      id,
      paymentId: "pay_missing",
      amount: "1.00",
      idempotencyKey: `refund-${id}`,
    }),
  cancel: (remit, id) => remit.invoices.cancel(ctx, { id, reason: "duplicate" }),
  rotatePublicToken: (remit, id) => remit.invoices.rotatePublicToken(ctx, { id }),
  issueCreditNote: (remit, id) =>
    remit.invoices.issueCreditNote(ctx, { id, amount: "1.00", reason: "goodwill" }),
  writeOff: (remit, id) => remit.invoices.writeOff(ctx, { id, reason: "bad debt" }),
};

async function errorCodeOf(call: Promise<unknown>): Promise<string | undefined> {
  try {
    await call;
    return undefined;
  } catch (error) {
    if (RemitError.isInstance(error)) return error.code;
    throw error;
  }
}

/** Statuses a call is listed as allowed from, and those the test cannot reach (`check: false`). */
function allowedFrom(machine: Machine, call: string) {
  const edges = machine.moves.find((move) => move.call === call)?.edges ?? [];
  return {
    allowed: new Set(edges.filter((edge) => edge.check !== false).map((edge) => edge.from)),
    unchecked: new Set(edges.filter((edge) => edge.check === false).map((edge) => edge.from)),
  };
}

describe("the invoice lifecycle source", () => {
  it("names every call of remit.invoices that it lists", () => {
    const { remit } = setUp();
    for (const move of invoiceMachine.moves) expect(remit.invoices).toHaveProperty(move.call);
  });

  const pairs = invoiceMachine.statuses.flatMap((status) =>
    Object.keys(invoiceCalls).map((call) => [call, status.id] as const),
  );
  it.each(pairs)("invoices.%s from %s is allowed exactly when listed", async (call, status) => {
    const { allowed, unchecked } = allowedFrom(invoiceMachine as Machine, call);
    if (unchecked.has(status) && !allowed.has(status)) return;
    const { clock, remit } = setUp();
    const id = await invoiceIn(remit, clock, status);
    const code = await errorCodeOf(invoiceCalls[call]?.(remit, id) ?? Promise.resolve());
    if (allowed.has(status)) expect(code).not.toBe("invalid_transition");
    else expect(code).toBe("invalid_transition");
  });
});

describe("the work order lifecycle source", () => {
  it("names every call of remit.workOrders that it lists", () => {
    const { remit } = setUp();
    for (const move of workOrderMachine.moves) expect(remit.workOrders).toHaveProperty(move.call);
  });

  const paths: Record<string, string[]> = {
    open: [],
    scheduled: ["schedule"],
    in_progress: ["start"],
    complete_invoice_needed: ["complete"],
    invoiced: ["complete", "submitInvoice"],
    cancelled: ["cancel"],
  };
  const workOrderCalls: Record<
    string,
    (remit: Remit, id: string, version: number) => Promise<unknown>
  > = {
    update: (remit, id, version) =>
      remit.workOrders.update(ctx, { id, expectedVersion: version, title: "Leak" }),
    schedule: (remit, id) =>
      remit.workOrders.schedule(ctx, {
        id,
        date: "2026-03-10",
        windowStart: "09:00",
        windowEnd: "11:00",
        technician: "Sam",
      }),
    start: (remit, id) => remit.workOrders.start(ctx, { id }),
    complete: (remit, id) => remit.workOrders.complete(ctx, { id }),
    submitInvoice: (remit, id) => remit.workOrders.submitInvoice(ctx, { id }),
    cancel: (remit, id) => remit.workOrders.cancel(ctx, { id, reason: "customer called off" }),
  };

  const pairs = workOrderMachine.statuses.flatMap((status) =>
    Object.keys(workOrderCalls).map((call) => [call, status.id] as const),
  );
  it.each(pairs)("workOrders.%s from %s is allowed exactly when listed", async (call, status) => {
    const { allowed } = allowedFrom(workOrderMachine as Machine, call);
    const { remit } = setUp();
    const customer = await remit.customers.create(ctx, { name: "Dana Reyes" });
    const { workOrder } = await remit.workOrders.create(ctx, {
      customerId: customer.id,
      title: "Kitchen sink",
      labor: [{ technician: "Sam", description: "Fix", hours: "1", hourlyRate: "90.00" }],
    });
    for (const step of paths[status] ?? []) {
      await workOrderCalls[step]?.(remit, workOrder.id, 1);
    }
    const now = await remit.workOrders.get(ctx, { id: workOrder.id });
    expect(now.status).toBe(status);
    const code = await errorCodeOf(
      workOrderCalls[call]?.(remit, workOrder.id, now.version) ?? Promise.resolve(),
    );
    if (allowed.has(status)) expect(code).not.toBe("invalid_transition");
    else expect(code).toBe("invalid_transition");
  });
});

describe("the flow from work order to payment", () => {
  it("names calls the service has", () => {
    const { remit } = setUp();
    for (const step of paymentFlow) {
      if (step.call === null) continue;
      const [area, call] = step.call.split(".") as [keyof Remit, string];
      expect(remit[area]).toHaveProperty(call);
    }
  });
});

describe("the lifecycle pages", () => {
  it.each(Object.keys(sections))("%s is what scripts/write-lifecycle.mjs writes", (page) => {
    const text = readFileSync(join(docs, page), "utf8");
    expect(render(page, text)).toBe(text);
  });
});
