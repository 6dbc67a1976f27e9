import type Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { createStripeTest, type StripeTest } from "./support/stripe-test-harness";

let t: StripeTest;
afterEach(() => t?.close());

async function paidInvoice(total: string) {
  const invoice = await t.issuedInvoice(total);
  const session = await t.checkout(invoice.id);
  await t.deliver(t.fake.pay(session.sessionId));
  const details = await t.remit.invoices.get(t.ctx, { id: invoice.id });
  const payment = details.payments[0];
  if (!payment?.reference) throw new Error("The payment was not recorded");
  return { invoice: details.invoice, payment, intentId: payment.reference };
}

const detailsOf = (invoiceId: string) => t.remit.invoices.get(t.ctx, { id: invoiceId });

/** The events of a payment method for which Stripe sends no `charge.refund.updated`. */
const withoutChargeRefundUpdated = (events: Stripe.Event[]) =>
  events.filter((event) => event.type !== "charge.refund.updated");

const onlyStripeRefund = () => {
  const refund = [...t.fake.state.refunds.values()][0]?.refund;
  if (!refund) throw new Error("Stripe has no refund");
  return refund;
};

describe("refund.* events", () => {
  it("refund.updated - a refund Stripe answered pending is resolved when it succeeds (no charge.refund.updated)", async () => {
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
    await t.deliver(t.fake.takeEvents());
    expect((await detailsOf(invoice.id)).invoice).toMatchObject({ refundPending: "20.00" });

    const events = withoutChargeRefundUpdated(
      t.fake.updateRefund(onlyStripeRefund().id, "succeeded"),
    );
    expect(events.map((event) => event.type)).toEqual(["refund.updated"]);
    const results = await t.deliver([...events, ...events]);
    expect(results.map((result) => result.outcome)).toEqual(["recorded", "duplicate"]);
    const after = await detailsOf(invoice.id);
    expect(after.refunds).toEqual([
      expect.objectContaining({ id: refund.id, status: "succeeded" }),
    ]);
    expect(after.invoice).toMatchObject({ amountPaid: "100.00", refundPending: "0.00" });
  });

  it("refund.failed - a pending refund that fails is released once, in any order of its events", async () => {
    t = await createStripeTest();
    const { invoice, payment } = await paidInvoice("120.00");
    t.fake.state.refundStatus = "pending";
    const { refund } = await t.remit.invoices.refund(t.ctx, {
      id: invoice.id,
      paymentId: payment.id,
      amount: "20.00",
      idempotencyKey: "refund-to-fail",
    });
    await t.worker().runOnce();
    const created = t.fake.takeEvents();
    const failed = withoutChargeRefundUpdated(t.fake.updateRefund(onlyStripeRefund().id, "failed"));
    expect(failed.map((event) => event.type)).toEqual(["refund.updated", "refund.failed"]);
    const results = await t.deliver([...[...failed].reverse(), ...failed]);
    expect(results.map((result) => result.outcome)).toEqual([
      "recorded",
      "duplicate",
      "duplicate",
      "duplicate",
    ]);
    // The refund's creation events, late, change nothing.
    await t.deliver(created);
    const after = await detailsOf(invoice.id);
    expect(after.refunds).toEqual([expect.objectContaining({ id: refund.id, status: "failed" })]);
    expect(after.invoice).toMatchObject({
      status: "paid",
      amountPaid: "120.00",
      refundPending: "0.00",
    });
  });

  it("refund.updated - a dashboard refund still pending at charge.refunded is recorded once it succeeds", async () => {
    t = await createStripeTest();
    const { invoice, intentId } = await paidInvoice("50.00");
    t.fake.state.refundStatus = "pending";
    const { refund, events } = t.fake.refundInDashboard(intentId, 1000);
    expect(events.map((event) => event.type)).toEqual(["refund.created", "charge.refunded"]);
    await t.deliver(events);
    expect((await detailsOf(invoice.id)).refunds).toEqual([]);
    const updated = withoutChargeRefundUpdated(t.fake.updateRefund(refund.id, "succeeded"));
    // Late copies of the pending events change nothing after it succeeded.
    const results = await t.deliver([...updated, ...events, ...updated]);
    expect(results.map((result) => result.outcome)).toEqual([
      "recorded",
      "duplicate",
      "duplicate",
      "duplicate",
    ]);
    const after = await detailsOf(invoice.id);
    expect(after.refunds).toEqual([
      expect.objectContaining({
        providerRefundId: refund.id,
        amount: "10.00",
        status: "succeeded",
      }),
    ]);
    expect(after.invoice).toMatchObject({ amountPaid: "40.00" });
  });

  it("refund.failed - a pending dashboard refund that fails is never recorded", async () => {
    t = await createStripeTest();
    const { invoice, intentId } = await paidInvoice("50.00");
    t.fake.state.refundStatus = "pending";
    const { refund, events } = t.fake.refundInDashboard(intentId, 1000);
    const failed = withoutChargeRefundUpdated(t.fake.updateRefund(refund.id, "failed"));
    await t.deliver([...failed, ...events, ...failed]);
    const after = await detailsOf(invoice.id);
    expect(after.refunds).toEqual([]);
    expect(after.invoice).toMatchObject({ amountPaid: "50.00", refundPending: "0.00" });
  });

  it("refund.created - a dashboard refund that succeeded at once is recorded by whichever event comes first", async () => {
    t = await createStripeTest();
    const { invoice, intentId } = await paidInvoice("80.00");
    const { refund, events } = t.fake.refundInDashboard(intentId, 3000);
    const created = events.filter((event) => event.type === "refund.created");
    const results = await t.deliver([...created, ...events]);
    expect(results.map((result) => result.outcome)).toEqual(["recorded", "duplicate", "duplicate"]);
    expect((await detailsOf(invoice.id)).refunds).toEqual([
      expect.objectContaining({ providerRefundId: refund.id, amount: "30.00" }),
    ]);
  });
});
