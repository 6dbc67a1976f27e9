import { expect, it } from "vitest";
import type { ConformanceHarness } from "./conformance-harness";
import { setupTenant } from "./fixtures";

type Setup = Awaited<ReturnType<typeof setupTenant>>;

async function completedWorkOrder({ remit, ctx, customer }: Setup) {
  const { workOrder } = await remit.workOrders.create(ctx, {
    customerId: customer.id,
    title: "Replace water heater",
    taxRates: [{ id: "tax", name: "Sales tax", percent: "8.25" }],
    labor: [{ technician: "Sam", hours: "3", hourlyRate: "95.00", taxRateIds: ["tax"] }],
    materials: [
      {
        description: "40 gal heater",
        quantity: "1",
        unitCost: "500.00",
        markupPercent: "20",
        taxRateIds: ["tax"],
      },
    ],
    fees: [{ description: "Disposal", amount: "35.00" }],
  });
  return (await remit.workOrders.complete(ctx, { id: workOrder.id })).workOrder;
}

export function defineWorkOrderCases(harness: ConformanceHarness): void {
  it("work orders - review & submit creates one invoice, linked both ways", async () => {
    const setup = await setupTenant(harness.store());
    const workOrder = await completedWorkOrder(setup);
    const { invoice, workOrder: invoiced } = await setup.remit.workOrders.submitInvoice(setup.ctx, {
      id: workOrder.id,
    });
    expect(invoiced).toMatchObject({ status: "invoiced", invoiceId: invoice.id });
    expect(invoice).toMatchObject({
      status: "pending_payment",
      workOrderId: workOrder.id,
      number: "INV-0001",
    });
    // 3 × 95.00 + 600.00 (500 + 20 %) taxed 8.25 %, + 35.00 disposal
    expect(invoice.total).toBe("993.01");
    expect(await harness.probe().invoice("tenant_a", invoice.id)).toMatchObject({
      status: "pending_payment",
    });
  });

  it("work orders - a double submit, even concurrent, creates one invoice", async () => {
    const setup = await setupTenant(harness.store(), "tenant_a", { requireReview: true });
    const workOrder = await completedWorkOrder(setup);
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        setup.remit.workOrders.submitInvoice(setup.ctx, { id: workOrder.id }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected")
        expect((result.reason as { code?: string }).code).toBe("invalid_transition");
    }
    expect(await harness.probe().count("tenant_a", "invoices")).toBe(1);
  });

  it("work orders - cancelling the invoice returns the work order to complete_invoice_needed", async () => {
    const setup = await setupTenant(harness.store());
    const workOrder = await completedWorkOrder(setup);
    const { invoice } = await setup.remit.workOrders.submitInvoice(setup.ctx, { id: workOrder.id });
    await setup.remit.invoices.cancel(setup.ctx, { id: invoice.id, reason: "Wrong customer" });
    const back = await setup.remit.workOrders.get(setup.ctx, { id: workOrder.id });
    expect(back).toMatchObject({ status: "complete_invoice_needed", invoiceId: null });
    const again = await setup.remit.workOrders.submitInvoice(setup.ctx, { id: workOrder.id });
    expect(again.invoice.number).toBe("INV-0002");
  });

  it("quotes - a deposit is applied at issue, larger than the invoice leaves a credit, and returns on cancel", async () => {
    const setup = await setupTenant(harness.store());
    const { remit, ctx, customer } = setup;
    const { quote } = await remit.quotes.create(ctx, {
      customerId: customer.id,
      title: "Drain repair",
      lines: [{ kind: "labor", description: "Repair", quantity: "2", unitPrice: "100.00" }],
    });
    await remit.quotes.send(ctx, { id: quote.id });
    await remit.quotes.approve(ctx, { id: quote.id, approvedBy: "Dana Reyes" });
    await remit.quotes.recordDeposit(ctx, {
      id: quote.id,
      amount: "250.00",
      method: "check",
      idempotencyKey: "dep-1",
    });
    const { workOrder } = await remit.quotes.convertToWorkOrder(ctx, {
      id: quote.id,
      technician: "Sam",
    });
    await remit.workOrders.complete(ctx, { id: workOrder.id });
    const { invoice } = await remit.workOrders.submitInvoice(ctx, { id: workOrder.id });
    expect(invoice).toMatchObject({
      status: "paid",
      total: "200.00",
      amountPaid: "250.00",
      amountDue: "0.00",
      credit: "50.00",
    });
    expect((await remit.quotes.get(ctx, { id: quote.id })).quote.depositHeld).toBe("0.00");
    const cancelled = await remit.invoices.recordPayment(ctx, {
      id: invoice.id,
      amount: "1.00",
      method: "cash",
      idempotencyKey: "extra",
    });
    expect(cancelled.invoice?.amountPaid).toBe("251.00");
    await expect(
      remit.invoices.cancel(ctx, { id: invoice.id, reason: "Redo" }),
    ).rejects.toMatchObject({ code: "invalid_transition" });
    expect(await harness.probe().invoice("tenant_a", invoice.id)).toMatchObject({
      amountPaid: "251.00",
    });
  });

  it("quotes - cancelling the invoice returns its deposit to the quote", async () => {
    const setup = await setupTenant(harness.store());
    const { remit, ctx, customer } = setup;
    const { quote } = await remit.quotes.create(ctx, {
      customerId: customer.id,
      title: "Repipe",
      lines: [{ kind: "material", description: "Copper", quantity: "10", unitPrice: "30.00" }],
    });
    await remit.quotes.send(ctx, { id: quote.id });
    await remit.quotes.approve(ctx, { id: quote.id, approvedBy: "Dana Reyes" });
    await remit.quotes.recordDeposit(ctx, {
      id: quote.id,
      amount: "100.00",
      method: "card",
      idempotencyKey: "dep-2",
    });
    const { workOrder } = await remit.quotes.convertToWorkOrder(ctx, { id: quote.id });
    await remit.workOrders.complete(ctx, { id: workOrder.id });
    const { invoice } = await remit.workOrders.submitInvoice(ctx, { id: workOrder.id });
    expect(invoice).toMatchObject({
      status: "pending_payment",
      amountPaid: "100.00",
      amountDue: "200.00",
    });
    const cancelled = await remit.invoices.cancel(ctx, {
      id: invoice.id,
      reason: "Customer postponed",
    });
    expect(cancelled.invoice).toMatchObject({ status: "cancelled", amountPaid: "0.00" });
    const { quote: held, deposits } = await remit.quotes.get(ctx, { id: quote.id });
    expect(held.depositHeld).toBe("100.00");
    expect(deposits.map((deposit) => deposit.invoiceId)).toEqual([null]);
    expect(await harness.probe().invoice("tenant_a", invoice.id)).toMatchObject({
      status: "cancelled",
      amountPaid: "0.00",
    });
  });
}
