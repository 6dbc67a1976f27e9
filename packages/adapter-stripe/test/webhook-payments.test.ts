import type Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { createStripeTest, type StripeTest } from "./support/stripe-test-harness";

let t: StripeTest;
afterEach(() => t?.close());

const only = (events: Stripe.Event[], ...types: string[]) =>
  events.filter((event) => types.includes(event.type));

async function detailsOf(invoiceId: string) {
  return t.remit.invoices.get(t.ctx, { id: invoiceId });
}

describe("webhook payments", () => {
  it("webhook - checkout.session.completed (paid) records the payment, keyed by its PaymentIntent", async () => {
    t = await createStripeTest();
    const invoice = await t.issuedInvoice("250.00");
    const session = await t.checkout(invoice.id);
    const events = t.fake.pay(session.sessionId);
    const [result] = await t.deliver(only(events, "checkout.session.completed"));
    expect(result).toMatchObject({ outcome: "recorded", account: t.accountId });

    const { invoice: paid, payments, events: log } = await detailsOf(invoice.id);
    const intentId = String(t.fake.state.sessions.get(session.sessionId)?.session.payment_intent);
    expect(paid).toMatchObject({ status: "paid", amountPaid: "250.00", amountDue: "0.00" });
    expect(payments).toEqual([
      expect.objectContaining({
        amount: "250.00",
        currency: "USD",
        method: "card",
        provider: "stripe",
        reference: intentId,
        idempotencyKey: `stripe:payment:${intentId}`,
        actor: { type: "provider", name: "stripe" },
      }),
    ]);
    expect(log.map((event) => event.type)).toContain("invoice.paid");
  });

  it("webhook - payment_intent.succeeded records it too, and the session then adds nothing", async () => {
    t = await createStripeTest();
    const invoice = await t.issuedInvoice("80.00");
    const session = await t.checkout(invoice.id);
    const events = t.fake.pay(session.sessionId);
    const results = await t.deliver(
      only(events, "payment_intent.succeeded", "checkout.session.completed"),
    );
    expect(results.map((result) => result.outcome)).toEqual(["recorded", "duplicate"]);
    expect((await detailsOf(invoice.id)).payments).toHaveLength(1);
  });

  it("webhook - checkout.session.completed while an ACH debit is processing records nothing", async () => {
    t = await createStripeTest({ payments: { paymentMethods: ["ach"] } });
    const invoice = await t.issuedInvoice("500.00");
    const session = await t.checkout(invoice.id);
    const results = await t.deliver(t.fake.pay(session.sessionId, { outcome: "processing" }));
    expect(results.map((result) => result.outcome)).toEqual(["ignored", "ignored"]);
    expect((await detailsOf(invoice.id)).invoice).toMatchObject({
      status: "pending_payment",
      amountPaid: "0.00",
    });

    const settled = await t.deliver(
      only(
        t.fake.settle(session.sessionId, "succeeded"),
        "checkout.session.async_payment_succeeded",
      ),
    );
    expect(settled[0]?.outcome).toBe("recorded");
    const { invoice: paid, payments } = await detailsOf(invoice.id);
    expect(paid.status).toBe("paid");
    expect(payments).toEqual([expect.objectContaining({ method: "ach", amount: "500.00" })]);
  });

  it("webhook - a failed ACH debit (async_payment_failed) and a declined card report invoice.payment_failed once per attempt", async () => {
    t = await createStripeTest({ payments: { paymentMethods: ["ach"] } });
    const invoice = await t.issuedInvoice("500.00");
    const session = await t.checkout(invoice.id);
    t.fake.pay(session.sessionId, { outcome: "processing" });
    const failed = t.fake.settle(session.sessionId, "failed");
    const results = await t.deliver([...failed, ...failed]);
    expect(results.map((result) => result.outcome)).toEqual([
      "ignored", // charge.failed
      "recorded", // payment_intent.payment_failed
      "recorded", // checkout.session.async_payment_failed: the same attempt, replayed
      "ignored",
      "recorded",
      "recorded",
    ]);
    const { invoice: after, events, payments } = await detailsOf(invoice.id);
    expect(payments).toEqual([]);
    expect(after).toMatchObject({ status: "pending_payment", version: invoice.version });
    const failures = events.filter((event) => event.type === "invoice.payment_failed");
    expect(failures).toHaveLength(1);
    expect(failures[0]?.data).toMatchObject({ reason: "payment_method_provider_decline" });

    const card = await createStripeTest();
    const cardInvoice = await card.issuedInvoice("20.00");
    const cardSession = await card.checkout(cardInvoice.id);
    await card.deliver(card.fake.pay(cardSession.sessionId, { outcome: "declined" }));
    const cardEvents = (await card.remit.invoices.get(card.ctx, { id: cardInvoice.id })).events;
    expect(cardEvents.filter((event) => event.type === "invoice.payment_failed")).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ reason: "insufficient_funds" }) }),
    ]);
    await card.close();
  });

  it("webhook - a card surcharge is paid but never counted as payment of the invoice", async () => {
    t = await createStripeTest({ payments: { cardSurchargePercent: "3" } });
    const invoice = await t.issuedInvoice("100.00");
    const session = await t.checkout(invoice.id);
    expect(session.total).toBe("103.00");
    await t.deliver(t.fake.pay(session.sessionId));
    const { invoice: paid, payments } = await detailsOf(invoice.id);
    expect(paid).toMatchObject({ status: "paid", amountPaid: "100.00", credit: "0.00" });
    expect(payments.map((payment) => payment.amount)).toEqual(["100.00"]);
  });

  it("webhook - what three-decimal rounding added is kept as credit", async () => {
    t = await createStripeTest({ currency: "KWD" });
    const invoice = await t.issuedInvoice("10.005");
    const session = await t.checkout(invoice.id);
    await t.deliver(t.fake.pay(session.sessionId));
    expect((await detailsOf(invoice.id)).invoice).toMatchObject({
      status: "paid",
      amountPaid: "10.010",
      amountDue: "0.000",
      credit: "0.005",
    });
  });

  it("webhook - a partial payment leaves the invoice pending with the rest due", async () => {
    t = await createStripeTest({ tenant: { allowPartialOnlinePayment: true } });
    const invoice = await t.issuedInvoice("300.00");
    const session = await t.checkout(invoice.id, "120.00");
    await t.deliver(t.fake.pay(session.sessionId));
    expect((await detailsOf(invoice.id)).invoice).toMatchObject({
      status: "pending_payment",
      amountPaid: "120.00",
      amountDue: "180.00",
    });
  });

  it("webhook - a payment for an unknown invoice is stored unmatched, not lost", async () => {
    t = await createStripeTest();
    const invoice = await t.issuedInvoice("40.00");
    const session = await t.checkout(invoice.id);
    const events = only(t.fake.pay(session.sessionId), "payment_intent.succeeded");
    const event = structuredClone(events[0]) as Stripe.PaymentIntentSucceededEvent;
    event.data.object.metadata.remit_invoice_id = "inv_does_not_exist";
    const [result] = await t.deliver([event, event]);
    expect(result?.outcome).toBe("unmatched");
    const log = (await t.remit.events.list(t.ctx, { limit: 1000 })).items;
    const unmatched = log.filter((entry) => entry.type === "payment.unmatched");
    expect(unmatched).toHaveLength(1);
    expect(unmatched[0]?.data).toMatchObject({
      invoiceId: "inv_does_not_exist",
      reason: "unknown_invoice",
    });
  });

  it("webhook - a payment in another currency than the invoice's is stored unmatched", async () => {
    t = await createStripeTest();
    const invoice = await t.issuedInvoice("40.00");
    const session = await t.checkout(invoice.id);
    const [original] = only(t.fake.pay(session.sessionId), "payment_intent.succeeded");
    const event = structuredClone(original) as Stripe.PaymentIntentSucceededEvent;
    event.data.object.currency = "cad";
    const [result] = await t.deliver([event]);
    expect(result?.outcome).toBe("unmatched");
    const { invoice: after, payments } = await detailsOf(invoice.id);
    expect(after.amountPaid).toBe("0.00");
    expect(payments).toEqual([]);
  });

  it("webhook - a payment on a cancelled invoice is recorded and the invoice stays cancelled", async () => {
    t = await createStripeTest();
    const invoice = await t.issuedInvoice("75.00");
    const session = await t.checkout(invoice.id);
    await t.remit.invoices.cancel(t.ctx, { id: invoice.id, reason: "Customer cancelled the job" });
    // The customer had the page open and paid before the session was expired.
    await t.deliver(t.fake.pay(session.sessionId));
    const { invoice: after, payments } = await detailsOf(invoice.id);
    expect(after).toMatchObject({ status: "cancelled", amountPaid: "75.00" });
    expect(payments).toEqual([expect.objectContaining({ amount: "75.00", status: "succeeded" })]);
  });

  it("webhook - events Remit has no business with are acknowledged and ignored", async () => {
    t = await createStripeTest();
    const invoice = await t.issuedInvoice("75.00");
    const session = await t.checkout(invoice.id);
    const [succeeded] = only(t.fake.pay(session.sessionId), "payment_intent.succeeded");
    const foreign = structuredClone(succeeded) as Stripe.PaymentIntentSucceededEvent;
    foreign.data.object.metadata = {};
    const results = await t.deliver([foreign]);
    expect(results[0]).toMatchObject({ outcome: "ignored" });
    expect((await detailsOf(invoice.id)).payments).toEqual([]);
  });
});
