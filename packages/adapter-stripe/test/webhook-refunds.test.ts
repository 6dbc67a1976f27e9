import type Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { createStripeTest, type StripeTest } from "./support/stripe-test-harness";

let t: StripeTest;
afterEach(() => t?.close());

async function paidInvoice(total = "200.00") {
  const invoice = await t.issuedInvoice(total);
  const session = await t.checkout(invoice.id);
  await t.deliver(t.fake.pay(session.sessionId));
  const details = await t.remit.invoices.get(t.ctx, { id: invoice.id });
  const payment = details.payments[0];
  if (!payment?.reference) throw new Error("The payment was not recorded");
  return { invoice: details.invoice, payment, intentId: payment.reference };
}

const detailsOf = (invoiceId: string) => t.remit.invoices.get(t.ctx, { id: invoiceId });

describe("refunds from Remit", () => {
  it("refund - pending, then the outbox worker asks Stripe with the refund's id as idempotency key, then resolved", async () => {
    t = await createStripeTest();
    const { invoice, payment, intentId } = await paidInvoice("200.00");
    const { refund } = await t.remit.invoices.refund(t.ctx, {
      id: invoice.id,
      paymentId: payment.id,
      amount: "50.00",
      reason: "Part returned",
      idempotencyKey: "refund-1",
    });
    expect(refund).toMatchObject({ status: "pending", provider: "stripe" });
    expect((await detailsOf(invoice.id)).invoice).toMatchObject({
      status: "paid",
      amountPaid: "200.00",
      refundPending: "50.00",
    });

    const report = await t.worker().runOnce();
    expect(report.dead).toBe(0);
    const calls = t.fake.requests.filter((request) => request.path === "/v1/refunds");
    expect(calls).toEqual([
      expect.objectContaining({
        method: "POST",
        account: t.accountId,
        idempotencyKey: refund.id,
        body: expect.objectContaining({
          payment_intent: intentId,
          amount: "5000",
          metadata: expect.objectContaining({
            remit_refund_id: refund.id,
            remit_invoice_id: invoice.id,
            remit_tenant_id: "acme",
            remit_reason: "Part returned",
          }),
        }),
      }),
    ]);
    const after = await detailsOf(invoice.id);
    expect(after.invoice).toMatchObject({
      status: "pending_payment",
      amountPaid: "150.00",
      refundPending: "0.00",
    });
    expect(after.refunds).toEqual([
      expect.objectContaining({
        id: refund.id,
        status: "succeeded",
        providerRefundId: expect.stringMatching(/^re_/),
      }),
    ]);

    // Stripe's charge.refunded for that refund resolves nothing twice and adds no refund.
    const results = await t.deliver(t.fake.takeEvents());
    expect(results.filter((r) => r.eventType === "charge.refunded").map((r) => r.outcome)).toEqual([
      "duplicate",
    ]);
    expect((await detailsOf(invoice.id)).refunds).toHaveLength(1);
  });

  it("refund - a retried job cannot refund twice: Stripe replays the first answer for the key", async () => {
    t = await createStripeTest();
    const { invoice, payment } = await paidInvoice("90.00");
    const { refund } = await t.remit.invoices.refund(t.ctx, {
      id: invoice.id,
      paymentId: payment.id,
      amount: "90.00",
      idempotencyKey: "refund-all",
    });
    const tenant = await t.remit.tenants.get(t.ctx);
    const first = await t.payments.refund({
      refund,
      providerPaymentReference: payment.reference ?? "",
      tenant,
    });
    const second = await t.payments.refund({
      refund,
      providerPaymentReference: payment.reference ?? "",
      tenant,
    });
    expect(second).toEqual(first);
    expect(t.fake.state.refunds.size).toBe(1);
    expect(t.fake.requests.filter((r) => r.path === "/v1/refunds").map((r) => r.replayed)).toEqual([
      false,
      true,
    ]);
  });

  it("refund - a pending Stripe refund waits for its webhook, which resolves it once", async () => {
    t = await createStripeTest();
    const { invoice, payment } = await paidInvoice("120.00");
    t.fake.state.refundStatus = "pending";
    const { refund } = await t.remit.invoices.refund(t.ctx, {
      id: invoice.id,
      paymentId: payment.id,
      amount: "20.00",
      idempotencyKey: "refund-pending",
    });
    await t.worker().runOnce();
    expect((await detailsOf(invoice.id)).refunds[0]).toMatchObject({ status: "pending" });
    await t.deliver(t.fake.takeEvents());
    expect((await detailsOf(invoice.id)).refunds[0]).toMatchObject({ status: "pending" });

    const stripeRefund = [...t.fake.state.refunds.values()][0]?.refund;
    const updated = t.fake.updateRefund(String(stripeRefund?.id), "succeeded");
    expect(updated.map((event) => event.type)).toEqual(["refund.updated", "charge.refund.updated"]);
    const results = await t.deliver([...updated, ...updated]);
    expect(results.map((r) => r.outcome)).toEqual([
      "recorded",
      "duplicate",
      "duplicate",
      "duplicate",
    ]);
    const after = await detailsOf(invoice.id);
    expect(after.refunds).toEqual([
      expect.objectContaining({
        id: refund.id,
        status: "succeeded",
        providerRefundId: stripeRefund?.id,
      }),
    ]);
    expect(after.invoice).toMatchObject({ amountPaid: "100.00", refundPending: "0.00" });
  });

  it("refund - a refund that fails at Stripe releases the amount and records the failure", async () => {
    t = await createStripeTest();
    const { invoice, payment } = await paidInvoice("120.00");
    t.fake.state.refundStatus = "pending";
    await t.remit.invoices.refund(t.ctx, {
      id: invoice.id,
      paymentId: payment.id,
      amount: "20.00",
      idempotencyKey: "refund-to-fail",
    });
    await t.worker().runOnce();
    t.fake.takeEvents();
    const stripeRefund = [...t.fake.state.refunds.values()][0]?.refund;
    await t.deliver(t.fake.updateRefund(String(stripeRefund?.id), "failed"));
    const after = await detailsOf(invoice.id);
    expect(after.refunds[0]).toMatchObject({ status: "failed" });
    expect(after.invoice).toMatchObject({
      status: "paid",
      amountPaid: "120.00",
      refundPending: "0.00",
    });
  });

  it("refund - Stripe refusing the refund for good marks it failed; an outage is retried", async () => {
    t = await createStripeTest();
    const { invoice, payment } = await paidInvoice("60.00");
    await t.remit.invoices.refund(t.ctx, {
      id: invoice.id,
      paymentId: payment.id,
      amount: "10.00",
      idempotencyKey: "refund-outage",
    });
    t.fake.failNext({
      path: "/v1/refunds",
      status: 500,
      error: { type: "api_error", message: "An unknown error occurred" },
    });
    const worker = t.worker();
    expect(await worker.runOnce()).toMatchObject({ retried: 1, dead: 0 });
    expect((await detailsOf(invoice.id)).refunds[0]).toMatchObject({ status: "pending" });

    t.fake.failNext({
      path: "/v1/refunds",
      status: 400,
      error: {
        type: "invalid_request_error",
        code: "charge_disputed",
        message: "Charge is disputed",
      },
    });
    t.clock.advance(3_600_000);
    expect(await worker.runOnce()).toMatchObject({ retried: 0, dead: 0 });
    const after = await detailsOf(invoice.id);
    expect(after.refunds[0]).toMatchObject({ status: "failed" });
    expect(after.invoice).toMatchObject({ amountPaid: "60.00", refundPending: "0.00" });
  });
});

describe("refunds and disputes from Stripe", () => {
  it("refund - dashboard refunds are recorded once each, partial refunds kept apart", async () => {
    t = await createStripeTest();
    const { invoice, intentId } = await paidInvoice("200.00");
    const first = t.fake.refundInDashboard(intentId, 3000);
    const second = t.fake.refundInDashboard(intentId, 2000);
    const chargeRefunded = (events: Stripe.Event[]) =>
      events.filter((event) => event.type === "charge.refunded");
    const results = await t.deliver([
      ...chargeRefunded(first.events),
      ...chargeRefunded(second.events),
      ...chargeRefunded(first.events),
    ]);
    // Each charge.refunded lists the charge's refunds as they are now: both, every time.
    expect(results.map((r) => r.steps.map((s) => s.outcome))).toEqual([
      ["recorded", "recorded"],
      ["duplicate", "duplicate"],
      ["duplicate", "duplicate"],
    ]);
    const after = await detailsOf(invoice.id);
    expect(
      after.refunds.map((refund) => [refund.providerRefundId, refund.amount, refund.status]),
    ).toEqual([
      [first.refund.id, "30.00", "succeeded"],
      [second.refund.id, "20.00", "succeeded"],
    ]);
    expect(after.invoice).toMatchObject({ status: "pending_payment", amountPaid: "150.00" });
  });

  it("refund - charge.refunded lists the charge's refunds from Stripe (API versions leave them out)", async () => {
    t = await createStripeTest();
    const { intentId } = await paidInvoice("10.00");
    const { events } = t.fake.refundInDashboard(intentId);
    const refunded = events.find((event) => event.type === "charge.refunded");
    const charge = (refunded as Stripe.ChargeRefundedEvent).data.object;
    expect(charge.refunds).toBeUndefined();
    await t.deliver([refunded as Stripe.Event]);
    const listed = t.fake.requests.filter((r) => r.method === "GET" && r.path === "/v1/refunds");
    expect(listed).toEqual([
      expect.objectContaining({
        account: t.accountId,
        query: expect.objectContaining({ charge: charge.id }),
      }),
    ]);
  });

  it("refund - a full refund of a surcharged payment counts only the invoice part", async () => {
    t = await createStripeTest({ payments: { cardSurchargePercent: "3" } });
    const { invoice, intentId } = await paidInvoice("100.00");
    const { events } = t.fake.refundInDashboard(intentId);
    await t.deliver(events);
    const after = await detailsOf(invoice.id);
    expect(after.refunds.map((refund) => refund.amount)).toEqual(["100.00"]);
    expect(after.invoice).toMatchObject({ amountPaid: "0.00", status: "pending_payment" });
  });

  it("refund - a pending dashboard refund counts once charge.refund.updated says it succeeded", async () => {
    t = await createStripeTest();
    const { invoice, intentId } = await paidInvoice("50.00");
    t.fake.state.refundStatus = "pending";
    const { refund, events } = t.fake.refundInDashboard(intentId, 1000);
    await t.deliver(events);
    expect((await detailsOf(invoice.id)).refunds).toEqual([]);
    await t.deliver(t.fake.updateRefund(refund.id, "succeeded"));
    expect((await detailsOf(invoice.id)).refunds).toEqual([
      expect.objectContaining({ providerRefundId: refund.id, amount: "10.00" }),
    ]);
  });

  it("refund - a refund event before the payment's own events records the payment first", async () => {
    t = await createStripeTest();
    const invoice = await t.issuedInvoice("70.00");
    const session = await t.checkout(invoice.id);
    const paymentEvents = t.fake.pay(session.sessionId);
    const intentId = String(t.fake.state.sessions.get(session.sessionId)?.session.payment_intent);
    const { events } = t.fake.refundInDashboard(intentId, 700);
    await t.deliver([...events, ...paymentEvents]);
    const after = await detailsOf(invoice.id);
    expect(after.payments).toHaveLength(1);
    expect(after.refunds).toEqual([expect.objectContaining({ amount: "7.00" })]);
    expect(after.invoice).toMatchObject({ amountPaid: "63.00", status: "pending_payment" });
  });

  it("dispute - funds withdrawn are a refund with reason dispute; reinstated funds a payment", async () => {
    t = await createStripeTest();
    const { invoice, intentId } = await paidInvoice("150.00");
    const opened = t.fake.dispute(intentId);
    await t.deliver([...opened.events, ...opened.events]);
    let after = await detailsOf(invoice.id);
    expect(after.refunds).toEqual([
      expect.objectContaining({
        reason: "dispute",
        amount: "150.00",
        providerRefundId: opened.dispute.id,
        status: "succeeded",
      }),
    ]);
    expect(after.invoice).toMatchObject({ status: "pending_payment", amountPaid: "0.00" });

    const won = t.fake.winDispute(opened.dispute.id);
    await t.deliver([...won, ...won]);
    after = await detailsOf(invoice.id);
    expect(after.payments.map((payment) => [payment.reference, payment.amount])).toEqual([
      [intentId, "150.00"],
      [opened.dispute.id, "150.00"],
    ]);
    expect(after.invoice).toMatchObject({ status: "paid", amountPaid: "150.00" });
  });

  it("dispute - reinstated before withdrawn (out of order) ends the same", async () => {
    t = await createStripeTest();
    const { invoice, intentId } = await paidInvoice("150.00");
    const opened = t.fake.dispute(intentId, 5000);
    const won = t.fake.winDispute(opened.dispute.id);
    await t.deliver([...won, ...opened.events]);
    const after = await detailsOf(invoice.id);
    expect(after.refunds.map((refund) => refund.amount)).toEqual(["50.00"]);
    expect(after.payments.map((payment) => payment.amount)).toEqual(["150.00", "50.00"]);
    expect(after.invoice).toMatchObject({ status: "paid", amountPaid: "150.00", credit: "0.00" });
  });
});
