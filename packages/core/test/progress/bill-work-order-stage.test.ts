import { describe, expect, it } from "vitest";
import { refusal, remodelJob } from "./progress-billing-support";

describe("remit.workOrders.billStage", () => {
  it("bills stages as invoices of their own; the final one lands on the remainder and invoices the work order", async () => {
    const { remit, ctx, workOrder } = await remodelJob();
    const first = await remit.workOrders.billStage(ctx, {
      id: workOrder.id,
      stage: { percent: "30" },
    });
    expect(first.invoice).toMatchObject({
      status: "pending_payment",
      workOrderId: workOrder.id,
      progress: {
        workOrderId: workOrder.id,
        stage: 1,
        kind: "stage",
        final: false,
        retained: "0.00",
      },
    });
    // 30 % of 15,000.00 = 4,500.00 net, shared by largest remainder over what is left.
    expect(first.invoice.totals.subtotal).toBe("4500.00");
    expect(first.workOrder).toMatchObject({ status: "open", version: 2 });
    expect(first.events.map((event) => event.type)).toEqual([
      "invoice.created",
      "invoice.issued",
      "work_order.stage_billed",
    ]);
    const second = await remit.workOrders.billStage(ctx, {
      id: workOrder.id,
      stage: { amount: "6000.00" },
      expectedVersion: 2,
    });
    expect(second.invoice.progress).toMatchObject({ stage: 2, final: false });
    const last = await remit.workOrders.billStage(ctx, {
      id: workOrder.id,
      stage: { final: true },
    });
    expect(last.invoice.progress).toMatchObject({ stage: 3, final: true });
    expect(last.invoice.totals.subtotal).toBe("4500.00");
    expect(last.workOrder).toMatchObject({ status: "invoiced", invoiceId: last.invoice.id });
    // Every line billed exactly once in total, to the cent.
    const billed = (line: string) =>
      [first, second, last]
        .map((stage) => Number(stage.invoice.progress?.billed[line] ?? "0") * 100)
        .reduce((sum, cents) => sum + cents, 0);
    expect([billed("framing"), billed("roofing"), billed("permit")].map(Math.round)).toEqual([
      1_000_000, 499_999, 1,
    ]);
    expect(last.invoice.content.memo).toMatch(
      /Stage taxes may differ from one invoice's tax by rounding/,
    );
  });

  it("refuses a stage past 100 % with the math's path, and a stage after the final one", async () => {
    const { remit, ctx, workOrder } = await remodelJob();
    await remit.workOrders.billStage(ctx, { id: workOrder.id, stage: { percent: "80" } });
    const past = await refusal(
      remit.workOrders.billStage(ctx, { id: workOrder.id, stage: { percent: "30" } }),
    );
    expect(past).toMatchObject({ code: "validation_error", issues: [{ path: "stage.percent" }] });
    const tooMuch = await refusal(
      remit.workOrders.billStage(ctx, { id: workOrder.id, stage: { amount: "3000.01" } }),
    );
    expect(tooMuch).toMatchObject({ code: "validation_error", issues: [{ path: "stage.amount" }] });
    await remit.workOrders.billStage(ctx, { id: workOrder.id, stage: { final: true } });
    const after = await refusal(
      remit.workOrders.billStage(ctx, { id: workOrder.id, stage: { final: true } }),
    );
    expect(after).toMatchObject({ code: "invalid_transition" });
  });

  it("retainage lowers each stage's amount due, never a negative line, and is billed after the final stage", async () => {
    const { remit, ctx, workOrder } = await remodelJob();
    const first = await remit.workOrders.billStage(ctx, {
      id: workOrder.id,
      stage: { lineProgress: { framing: "50" } },
      retainagePercent: "10",
    });
    // 5,000.00 net + 412.50 tax; 10 % of the net withheld.
    expect(first.invoice).toMatchObject({
      total: "5412.50",
      amountDue: "4912.50",
      credit: "0.00",
      progress: { retained: "500.00", retainagePercent: "10" },
    });
    expect(first.invoice.totals.lines.every((line) => !line.total.startsWith("-"))).toBe(true);
    const early = await refusal(remit.workOrders.billRetainage(ctx, { id: workOrder.id }));
    expect(early).toMatchObject({ code: "invalid_transition" });
    const paid = await remit.invoices.recordPayment(ctx, {
      id: first.invoice.id,
      amount: "4912.50",
      method: "check",
      idempotencyKey: "stage-1",
    });
    expect(paid.invoice).toMatchObject({ status: "paid", amountDue: "0.00", credit: "0.00" });
    const last = await remit.workOrders.billStage(ctx, {
      id: workOrder.id,
      stage: { final: true },
      retainagePercent: "10",
    });
    expect(last.invoice.progress?.retained).toBe("1000.00");
    const release = await remit.workOrders.billRetainage(ctx, { id: workOrder.id });
    expect(release.invoice).toMatchObject({
      total: "1500.00",
      amountDue: "1500.00",
      progress: { kind: "retainage", stage: 3, final: false, retained: "0.00" },
    });
    expect(release.invoice.totals.taxes).toEqual([]);
    expect(release.events.map((event) => event.type)).toContain("work_order.retainage_billed");
    const twice = await refusal(remit.workOrders.billRetainage(ctx, { id: workOrder.id }));
    expect(twice).toMatchObject({ code: "invalid_transition" });
    // Its stages stay as they are while the retainage invoice is live.
    const cancel = await refusal(
      remit.invoices.cancel(ctx, { id: last.invoice.id, reason: "Redo" }),
    );
    expect(cancel).toMatchObject({ code: "invalid_transition" });
  });

  it("a stage's figures cannot be edited (its memo and terms can)", async () => {
    const { remit, ctx, workOrder } = await remodelJob({ requireReview: true });
    const { invoice } = await remit.workOrders.billStage(ctx, {
      id: workOrder.id,
      stage: { percent: "25" },
    });
    const edit = await refusal(
      remit.invoices.update(ctx, {
        id: invoice.id,
        expectedVersion: invoice.version,
        lines: [{ description: "Other", quantity: "1", unitPrice: "1.00" }],
      }),
    );
    expect(edit).toMatchObject({ code: "validation_error", issues: [{ path: "lines" }] });
    const memo = await remit.invoices.update(ctx, {
      id: invoice.id,
      expectedVersion: invoice.version,
      memo: "Stage 1: demolition",
    });
    expect(memo.invoice?.total).toBe(invoice.total);
  });

  it("refuses retainage when no stage withheld any", async () => {
    const { remit, ctx, workOrder } = await remodelJob();
    await remit.workOrders.billStage(ctx, { id: workOrder.id, stage: { final: true } });
    const none = await refusal(remit.workOrders.billRetainage(ctx, { id: workOrder.id }));
    expect(none).toMatchObject({ code: "validation_error", issues: [{ path: "id" }] });
  });

  it("a cancelled stage does not count: what it billed is left again, and the work order reopens", async () => {
    const { remit, ctx, workOrder } = await remodelJob();
    const first = await remit.workOrders.billStage(ctx, {
      id: workOrder.id,
      stage: { percent: "40" },
    });
    const last = await remit.workOrders.billStage(ctx, {
      id: workOrder.id,
      stage: { final: true },
    });
    await remit.invoices.cancel(ctx, { id: first.invoice.id, reason: "Wrong percent" });
    expect(await remit.workOrders.get(ctx, { id: workOrder.id })).toMatchObject({
      status: "complete_invoice_needed",
      invoiceId: null,
    });
    const again = await remit.workOrders.billStage(ctx, {
      id: workOrder.id,
      stage: { final: true },
    });
    expect(again.invoice.totals.subtotal).toBe("6000.00");
    expect(again.invoice.progress).toMatchObject({ stage: 3, final: true });
    expect(last.invoice.progress?.stage).toBe(2);
  });

  it("a work order billed in stages refuses review & submit, and one billed by one invoice refuses stages", async () => {
    const staged = await remodelJob();
    await staged.remit.workOrders.billStage(staged.ctx, {
      id: staged.workOrder.id,
      stage: { percent: "10" },
    });
    await staged.remit.workOrders.complete(staged.ctx, { id: staged.workOrder.id });
    const submit = await refusal(
      staged.remit.workOrders.submitInvoice(staged.ctx, { id: staged.workOrder.id }),
    );
    expect(submit).toMatchObject({ code: "invalid_transition" });

    const whole = await remodelJob();
    await whole.remit.workOrders.complete(whole.ctx, { id: whole.workOrder.id });
    await whole.remit.workOrders.submitInvoice(whole.ctx, { id: whole.workOrder.id });
    const stage = await refusal(
      whole.remit.workOrders.billStage(whole.ctx, {
        id: whole.workOrder.id,
        stage: { percent: "10" },
      }),
    );
    expect(stage).toMatchObject({ code: "invalid_transition" });
  });

  it("with review, a stage waits in pending_review like review & submit's invoice", async () => {
    const { remit, ctx, workOrder } = await remodelJob({ requireReview: true });
    const { invoice } = await remit.workOrders.billStage(ctx, {
      id: workOrder.id,
      stage: { percent: "25" },
      retainagePercent: "5",
    });
    expect(invoice).toMatchObject({ status: "pending_review", number: null });
    const issued = await remit.invoices.issue(ctx, { id: invoice.id });
    expect(issued.invoice?.progress).toEqual(invoice.progress);
  });

  it("a cancelled work order is not billable, and one with live stages cannot be cancelled", async () => {
    const { remit, ctx, workOrder } = await remodelJob();
    const { invoice } = await remit.workOrders.billStage(ctx, {
      id: workOrder.id,
      stage: { percent: "10" },
    });
    const withStages = await refusal(
      remit.workOrders.cancel(ctx, { id: workOrder.id, reason: "Customer moved" }),
    );
    expect(withStages).toMatchObject({ code: "invalid_transition" });
    await remit.invoices.cancel(ctx, { id: invoice.id, reason: "Customer moved" });
    await remit.workOrders.cancel(ctx, { id: workOrder.id, reason: "Customer moved" });
    const refused = await refusal(
      remit.workOrders.billStage(ctx, { id: workOrder.id, stage: { percent: "10" } }),
    );
    expect(refused).toMatchObject({ code: "invalid_transition" });
  });
});
