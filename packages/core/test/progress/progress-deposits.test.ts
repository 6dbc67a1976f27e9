import { createMemoryStore, createTestClock } from "@remit/testing";
import { describe, expect, it } from "vitest";
import { createRemit } from "../../src/index";

/** A quote for a 10,000.00 remodel (untaxed) with 2,500.00 deposit held, made a work order. */
async function quotedJob() {
  const clock = createTestClock("2026-03-02T15:00:00.000Z");
  const remit = createRemit({ store: createMemoryStore(), clock });
  const ctx = { tenantId: "t1", actor: { type: "user" as const, id: "u1" } };
  await remit.tenants.upsert(ctx, { timeZone: "America/Chicago" });
  const customer = await remit.customers.create(ctx, {
    name: "Dana Reyes",
    email: "d@example.com",
  });
  const { quote } = await remit.quotes.create(ctx, {
    customerId: customer.id,
    title: "Remodel",
    lines: [{ kind: "service", description: "Remodel", quantity: "1", unitPrice: "10000.00" }],
  });
  await remit.quotes.send(ctx, { id: quote.id });
  await remit.quotes.approve(ctx, { id: quote.id, approvedBy: "Dana Reyes" });
  await remit.quotes.recordDeposit(ctx, {
    id: quote.id,
    amount: "2500.00",
    method: "check",
    idempotencyKey: "deposit",
  });
  const { workOrder } = await remit.quotes.convertToWorkOrder(ctx, { id: quote.id });
  return { remit, ctx, customer, quote, workOrder };
}

describe("progress billing - deposits", () => {
  it("the quote's deposit pays the stages in order: each takes min(deposit left, what it asks)", async () => {
    const { remit, ctx, customer, quote, workOrder } = await quotedJob();
    const first = await remit.workOrders.billStage(ctx, {
      id: workOrder.id,
      stage: { percent: "20" },
    });
    expect(first.invoice).toMatchObject({
      total: "2000.00",
      amountPaid: "2000.00",
      amountDue: "0.00",
      credit: "0.00",
      status: "paid",
      progress: { depositApplied: "2000.00" },
    });
    const second = await remit.workOrders.billStage(ctx, {
      id: workOrder.id,
      stage: { percent: "20" },
      retainagePercent: "10",
    });
    // 500.00 left of the deposit; the stage asks 2,000.00 less 200.00 retained.
    expect(second.invoice).toMatchObject({
      amountPaid: "500.00",
      amountDue: "1300.00",
      progress: { depositApplied: "500.00", retained: "200.00" },
    });
    expect((await remit.quotes.get(ctx, { id: quote.id })).quote.depositHeld).toBe("0.00");
    const last = await remit.workOrders.billStage(ctx, {
      id: workOrder.id,
      stage: { final: true },
    });
    expect(last.invoice).toMatchObject({ amountPaid: "0.00", amountDue: "6000.00" });

    // The statement reconciles with the invoices: the deposit as the stages' payments.
    const statement = await remit.reports.customerStatement(ctx, {
      customerId: customer.id,
      from: "2026-01-01",
      to: "2026-12-31",
    });
    expect(statement.closingBalance).toBe("7300.00");
    expect(statement.invoiced).toBe("9800.00");
    expect(statement.paid).toBe("2500.00");

    // A cancelled stage gives its deposit back to the quote.
    await remit.invoices.cancel(ctx, { id: second.invoice.id, reason: "Redo" });
    expect((await remit.quotes.get(ctx, { id: quote.id })).quote.depositHeld).toBe("500.00");
  });

  it("a deposit refund is limited to what the quote still holds", async () => {
    const { remit, ctx, quote, workOrder } = await quotedJob();
    await remit.workOrders.billStage(ctx, { id: workOrder.id, stage: { percent: "20" } });
    const { deposits } = await remit.quotes.get(ctx, { id: quote.id });
    await expect(
      remit.quotes.refundDeposit(ctx, {
        id: quote.id,
        paymentId: deposits[0]?.id ?? "",
        amount: "501.00",
        idempotencyKey: "refund",
      }),
    ).rejects.toMatchObject({ code: "validation_error" });
  });
});
