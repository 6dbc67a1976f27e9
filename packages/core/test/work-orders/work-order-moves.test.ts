import { createMemoryStore, createTestClock } from "@remit/testing";
import { describe, expect, it } from "vitest";
import { createRemit } from "../../src/index";

async function setup(settings: Record<string, unknown> = {}) {
  const clock = createTestClock("2026-03-02T15:00:00.000Z");
  const remit = createRemit({ store: createMemoryStore(), clock });
  const ctx = { tenantId: "t1", actor: { type: "user" as const, id: "u1" } };
  await remit.tenants.upsert(ctx, { timeZone: "America/Chicago", ...settings });
  const customer = await remit.customers.create(ctx, {
    name: "Dana Reyes",
    email: "dana@example.com",
  });
  return { remit, ctx, clock, customer };
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; status?: string; move?: string; path?: string };
  }
  throw new Error("expected the move to be refused");
}

describe("work orders", () => {
  it("schedule, start and complete move it forward, with events", async () => {
    const { remit, ctx, customer } = await setup();
    const { workOrder } = await remit.workOrders.create(ctx, {
      customerId: customer.id,
      title: "Leak",
    });
    const scheduled = await remit.workOrders.schedule(ctx, {
      id: workOrder.id,
      date: "2026-03-03",
      windowStart: "08:00",
      windowEnd: "10:00",
      technician: "Sam",
    });
    expect(scheduled.workOrder).toMatchObject({
      status: "scheduled",
      schedule: { technician: "Sam" },
      version: 2,
    });
    expect(scheduled.events.map((event) => event.type)).toEqual(["work_order.scheduled"]);
    const started = await remit.workOrders.start(ctx, { id: workOrder.id });
    expect(started.workOrder.status).toBe("in_progress");
    const completed = await remit.workOrders.complete(ctx, {
      id: workOrder.id,
      expectedVersion: 3,
    });
    expect(completed.workOrder).toMatchObject({ status: "complete_invoice_needed", version: 4 });
  });

  it("complete is allowed from open; start is not allowed from in_progress", async () => {
    const { remit, ctx, customer } = await setup();
    const { workOrder } = await remit.workOrders.create(ctx, {
      customerId: customer.id,
      title: "Leak",
    });
    await remit.workOrders.start(ctx, { id: workOrder.id });
    expect(await refusal(remit.workOrders.start(ctx, { id: workOrder.id }))).toMatchObject({
      code: "invalid_transition",
      status: "in_progress",
      move: "start",
    });
    const other = await remit.workOrders.create(ctx, { customerId: customer.id, title: "Other" });
    expect(
      (await remit.workOrders.complete(ctx, { id: other.workOrder.id })).workOrder.status,
    ).toBe("complete_invoice_needed");
  });

  it("cancel needs a reason and is refused once invoiced", async () => {
    const { remit, ctx, customer } = await setup();
    const { workOrder } = await remit.workOrders.create(ctx, {
      customerId: customer.id,
      title: "Leak",
      services: [{ description: "Fix", quantity: "1", unitPrice: "100" }],
    });
    expect(
      await refusal(remit.workOrders.cancel(ctx, { id: workOrder.id, reason: " " })),
    ).toMatchObject({ code: "validation_error", path: "reason" });
    await remit.workOrders.complete(ctx, { id: workOrder.id });
    await remit.workOrders.submitInvoice(ctx, { id: workOrder.id });
    expect(
      await refusal(remit.workOrders.cancel(ctx, { id: workOrder.id, reason: "No" })),
    ).toMatchObject({ code: "invalid_transition", status: "invoiced" });
  });

  it("submit invoice is refused before the work is complete, and takes the user's changes", async () => {
    const { remit, ctx, customer } = await setup({ requireReview: true });
    const { workOrder } = await remit.workOrders.create(ctx, {
      customerId: customer.id,
      title: "Leak",
      labor: [{ technician: "Sam", hours: "2", hourlyRate: "90" }],
    });
    expect(await refusal(remit.workOrders.submitInvoice(ctx, { id: workOrder.id }))).toMatchObject({
      code: "invalid_transition",
      status: "open",
    });
    await remit.workOrders.complete(ctx, { id: workOrder.id });
    const draft = await remit.workOrders.draftInvoice(ctx, { id: workOrder.id });
    expect(draft.lines).toHaveLength(1);
    const { invoice, events } = await remit.workOrders.submitInvoice(ctx, {
      id: workOrder.id,
      changes: {
        lines: [
          ...draft.lines,
          { kind: "service", description: "Camera inspection", quantity: "1", unitPrice: "75.00" },
        ],
      },
    });
    expect(invoice).toMatchObject({
      status: "pending_review",
      total: "255.00",
      workOrderId: workOrder.id,
    });
    expect(events.map((event) => event.type)).toEqual([
      "invoice.created",
      "invoice.submitted",
      "work_order.invoiced",
    ]);
  });

  it("submit invoice - a second review & submit of an invoiced work order is refused; one invoice", async () => {
    const { remit, ctx, customer } = await setup({ requireReview: true });
    const { workOrder } = await remit.workOrders.create(ctx, {
      customerId: customer.id,
      title: "Leak",
      labor: [{ technician: "Sam", hours: "2", hourlyRate: "90" }],
    });
    await remit.workOrders.complete(ctx, { id: workOrder.id });
    const first = await remit.workOrders.submitInvoice(ctx, { id: workOrder.id });
    expect(first.workOrder).toMatchObject({ status: "invoiced", invoiceId: first.invoice.id });

    expect(await refusal(remit.workOrders.submitInvoice(ctx, { id: workOrder.id }))).toMatchObject({
      code: "invalid_transition",
      status: "invoiced",
      move: "submit invoice",
    });
    expect((await remit.invoices.list(ctx)).items.map((invoice) => invoice.id)).toEqual([
      first.invoice.id,
    ]);
    expect(await remit.workOrders.get(ctx, { id: workOrder.id })).toMatchObject({
      status: "invoiced",
      invoiceId: first.invoice.id,
      version: first.workOrder.version,
    });
  });

  it("submit invoice - two concurrent review & submits make one invoice; the other is refused", async () => {
    const { remit, ctx, customer } = await setup();
    const { workOrder } = await remit.workOrders.create(ctx, {
      customerId: customer.id,
      title: "Leak",
      services: [{ description: "Fix", quantity: "1", unitPrice: "100" }],
    });
    await remit.workOrders.complete(ctx, { id: workOrder.id });
    const outcomes = await Promise.allSettled([
      remit.workOrders.submitInvoice(ctx, { id: workOrder.id }),
      remit.workOrders.submitInvoice(ctx, { id: workOrder.id }),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = outcomes.find((outcome) => outcome.status === "rejected");
    expect(refused?.reason).toMatchObject({ code: "invalid_transition", status: "invoiced" });
    expect((await remit.invoices.list(ctx)).items).toHaveLength(1);
  });

  it("a bad entry is refused with its path, and nothing is stored", async () => {
    const { remit, ctx, customer } = await setup();
    const error = await refusal(
      remit.workOrders.create(ctx, {
        customerId: customer.id,
        title: "Leak",
        materials: [{ description: "Pipe", quantity: "1", unitCost: "-3", taxRateIds: [] }],
      }),
    );
    expect(error).toMatchObject({ code: "validation_error", path: "materials[0].unitCost" });
    const unknownRate = await refusal(
      remit.workOrders.create(ctx, {
        customerId: customer.id,
        title: "Leak",
        labor: [{ technician: "Sam", hours: "1", hourlyRate: "9", taxRateIds: ["nope"] }],
      }),
    );
    expect(unknownRate).toMatchObject({ code: "validation_error", path: "labor[0].taxRateIds[0]" });
    expect((await remit.workOrders.list(ctx)).items).toEqual([]);
  });
});

describe("quotes", () => {
  async function sentQuote(expiresOn: string | null = null) {
    const context = await setup();
    const { quote } = await context.remit.quotes.create(context.ctx, {
      customerId: context.customer.id,
      title: "New water heater",
      expiresOn,
      lines: [
        { kind: "labor", description: "Install", quantity: "3", unitPrice: "95.00" },
        { kind: "material", description: "Heater", quantity: "1", unitPrice: "650.00" },
      ],
      fees: [
        { description: "Haul away", type: "amount", value: "40.00" },
        { description: "Card fee", type: "percent", value: "3" },
      ],
    });
    await context.remit.quotes.send(context.ctx, { id: quote.id });
    return { ...context, quote };
  }

  it("revise works while draft or sent, not after approval", async () => {
    const { remit, ctx, quote } = await sentQuote();
    const revised = await remit.quotes.revise(ctx, {
      id: quote.id,
      expectedVersion: 2,
      lines: [{ quantity: "1", unitPrice: "10.00" }],
    });
    expect(revised.quote).toMatchObject({
      status: "sent",
      revision: 2,
      totals: { total: "50.30" },
    });
    await remit.quotes.approve(ctx, { id: quote.id, approvedBy: "Dana" });
    expect(
      await refusal(remit.quotes.revise(ctx, { id: quote.id, expectedVersion: 4, memo: "x" })),
    ).toMatchObject({ code: "invalid_transition" });
  });

  it("a sent quote past its expiry date is swept to expired and can no longer be approved", async () => {
    const { remit, ctx, quote, clock } = await sentQuote("2026-03-05");
    clock.set("2026-03-06T05:59:00Z"); // still the 5th in Chicago
    expect(await remit.quotes.sweepExpired({ tenantId: "t1", actor: { type: "system" } })).toEqual({
      moved: 0,
    });
    clock.set("2026-03-06T06:00:00Z");
    expect(
      await refusal(remit.quotes.approve(ctx, { id: quote.id, approvedBy: "Dana" })),
    ).toMatchObject({ code: "invalid_transition", status: "expired" });
    expect(await remit.quotes.sweepExpired({ tenantId: "t1", actor: { type: "system" } })).toEqual({
      moved: 1,
    });
    expect((await remit.quotes.get(ctx, { id: quote.id })).quote.status).toBe("expired");
  });

  it("decline needs a reason; a declined quote cannot be approved", async () => {
    const { remit, ctx, quote } = await sentQuote();
    const declined = await remit.quotes.decline(ctx, { id: quote.id, reason: "Too expensive" });
    expect(declined.quote).toMatchObject({ status: "declined", declineReason: "Too expensive" });
    expect(
      await refusal(remit.quotes.approve(ctx, { id: quote.id, approvedBy: "Dana" })),
    ).toMatchObject({ code: "invalid_transition", status: "declined" });
  });

  it("an approved quote takes deposits, refunds them while held, and converts once", async () => {
    const { remit, ctx, quote } = await sentQuote();
    expect(
      await refusal(
        remit.quotes.recordDeposit(ctx, {
          id: quote.id,
          amount: "100",
          method: "cash",
          idempotencyKey: "d0",
        }),
      ),
    ).toMatchObject({ code: "invalid_transition" });
    await remit.quotes.approve(ctx, { id: quote.id, approvedBy: "Dana" });
    const { payment } = await remit.quotes.recordDeposit(ctx, {
      id: quote.id,
      amount: "300.00",
      method: "check",
      idempotencyKey: "d1",
    });
    const refunded = await remit.quotes.refundDeposit(ctx, {
      id: quote.id,
      paymentId: payment.id,
      amount: "100.00",
      idempotencyKey: "r1",
    });
    expect(refunded.quote.depositHeld).toBe("200.00");
    expect(
      await refusal(
        remit.quotes.refundDeposit(ctx, {
          id: quote.id,
          paymentId: payment.id,
          amount: "200.01",
          idempotencyKey: "r2",
        }),
      ),
    ).toMatchObject({ code: "validation_error", path: "amount" });
    const { workOrder } = await remit.quotes.convertToWorkOrder(ctx, {
      id: quote.id,
      technician: "Sam",
    });
    expect(workOrder).toMatchObject({
      status: "open",
      quoteId: quote.id,
      labor: [{ technician: "Sam", hours: "3", hourlyRate: "95.00" }],
      fees: [{ amount: "40.00" }],
    });
    expect(await refusal(remit.quotes.convertToWorkOrder(ctx, { id: quote.id }))).toMatchObject({
      code: "invalid_transition",
    });
    await remit.workOrders.complete(ctx, { id: workOrder.id });
    const { invoice } = await remit.workOrders.submitInvoice(ctx, { id: workOrder.id });
    // 285 + 650 + 40 = 975.00 less the 200.00 still held as a deposit
    expect(invoice).toMatchObject({
      total: "975.00",
      amountPaid: "200.00",
      amountDue: "775.00",
      status: "pending_payment",
    });
  });
});

describe("invoices.create with issue", () => {
  it("saves and issues in one transaction, as two moves", async () => {
    const { remit, ctx, customer } = await setup();
    const { invoice, events } = await remit.invoices.create(ctx, {
      customerId: customer.id,
      lines: [{ quantity: "1", unitPrice: "80.00" }],
      issue: true,
    });
    expect(invoice).toMatchObject({ status: "pending_payment", number: "INV-0001", version: 2 });
    expect(events.map((event) => event.type)).toEqual(["invoice.created", "invoice.issued"]);
  });

  it("is refused whole where the tenant requires review", async () => {
    const { remit, ctx, customer } = await setup({ requireReview: true });
    const error = await refusal(
      remit.invoices.create(ctx, {
        customerId: customer.id,
        lines: [{ quantity: "1", unitPrice: "80.00" }],
        issue: true,
      }),
    );
    expect(error).toMatchObject({ code: "invalid_transition", status: "pending_action" });
    expect((await remit.invoices.list(ctx)).items).toEqual([]);
  });
});
