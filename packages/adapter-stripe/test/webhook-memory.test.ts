import { createRemit, type InvoiceStore } from "@remit/core";
import { createMemoryStore } from "@remit/testing";
import type Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { handleStripeWebhook } from "../src/index";
import { createStripeTest, type StripeTest } from "./support/stripe-test-harness";

let t: StripeTest;
afterEach(() => t?.close());

/** A memory store that counts its transactions (each read or move is one). */
function countingStore() {
  const store = createMemoryStore();
  const counts = { transactions: 0 };
  const counting: InvoiceStore = {
    ...store,
    transaction(input) {
      counts.transactions += 1;
      return store.transaction(input);
    },
  };
  return { store: counting, counts };
}

const intentReads = (intentId: string) =>
  t.fake.requests.filter((request) => request.path === `/v1/payment_intents/${intentId}`).length;

const ofType = (events: Stripe.Event[], type: string) => {
  const found = events.find((event) => event.type === type);
  if (!found) throw new Error(`no ${type}`);
  return found;
};

describe("what a webhook handler remembers", () => {
  it("memory - a redelivered payment event is a duplicate without reading the store (it answers while the store is down)", async () => {
    t = await createStripeTest();
    const invoice = await t.issuedInvoice("80.00");
    const session = await t.checkout(invoice.id);
    const completed = ofType(t.fake.pay(session.sessionId), "checkout.session.completed");
    const [first] = await t.deliver([completed]);
    expect(first?.outcome).toBe("recorded");

    t.setStoreDown(true);
    const [again] = await t.deliver([completed]);
    t.setStoreDown(false);
    expect(again).toMatchObject({ outcome: "duplicate", steps: [{ invoiceId: invoice.id }] });
    expect((await t.remit.invoices.get(t.ctx, { id: invoice.id })).payments).toHaveLength(1);
  });

  it("memory - a refund's events read its PaymentIntent from Stripe once, and a redelivered outcome reads nothing", async () => {
    t = await createStripeTest();
    const invoice = await t.issuedInvoice("80.00");
    const session = await t.checkout(invoice.id);
    t.fake.pay(session.sessionId);
    const intentId = String(t.fake.state.sessions.get(session.sessionId)?.session.payment_intent);
    t.fake.takeEvents();
    t.fake.state.refundStatus = "pending";
    const { refund } = t.fake.refundInDashboard(intentId, 1000);
    const pending = t.fake.takeEvents();
    const settled = t.fake.updateRefund(refund.id, "succeeded");
    const results = await t.deliver([...pending, ...settled]);
    expect(results.map((result) => result.outcome)).toContain("recorded");
    expect(intentReads(intentId)).toBe(1);

    t.setStoreDown(true);
    const redelivered = await t.deliver(settled);
    t.setStoreDown(false);
    expect(redelivered.map((result) => result.outcome)).toEqual(settled.map(() => "duplicate"));
    expect(intentReads(intentId)).toBe(1);
    const { refunds, invoice: after } = await t.remit.invoices.get(t.ctx, { id: invoice.id });
    expect(refunds).toEqual([expect.objectContaining({ amount: "10.00", status: "succeeded" })]);
    expect(after.amountPaid).toBe("70.00");
  });

  it("memory - a refund that comes before its payment's events reads the invoice twice, not three times", async () => {
    const { store, counts } = countingStore();
    t = await createStripeTest({ store });
    const invoice = await t.issuedInvoice("80.00");
    const session = await t.checkout(invoice.id);
    t.fake.pay(session.sessionId);
    const intentId = String(t.fake.state.sessions.get(session.sessionId)?.session.payment_intent);
    t.fake.takeEvents();
    const { events } = t.fake.refundInDashboard(intentId, 1000);

    const before = counts.transactions;
    const [result] = await t.deliver([ofType(events, "refund.created")]);
    expect(result?.outcome).toBe("recorded");
    // The tenant, the invoice, the payment recorded, the invoice again, the refund recorded.
    expect(counts.transactions - before).toBe(5);
    const details = await t.remit.invoices.get(t.ctx, { id: invoice.id });
    expect(details.payments).toHaveLength(1);
    expect(details.refunds).toEqual([expect.objectContaining({ amount: "10.00" })]);
  });

  it("memory - a payment event reads the tenant and records: no read of the invoice first", async () => {
    const { store, counts } = countingStore();
    t = await createStripeTest({ store });
    const invoice = await t.issuedInvoice("80.00");
    const session = await t.checkout(invoice.id);
    const completed = ofType(t.fake.pay(session.sessionId), "checkout.session.completed");
    const before = counts.transactions;
    const [result] = await t.deliver([completed]);
    expect(result?.outcome).toBe("recorded");
    // The tenant, then the payment recorded (its key taken first).
    expect(counts.transactions - before).toBe(2);
  });

  it("memory - another process, which remembers nothing, answers a redelivered payment duplicate from its key", async () => {
    const { store, counts } = countingStore();
    t = await createStripeTest({ store });
    const invoice = await t.issuedInvoice("80.00");
    const session = await t.checkout(invoice.id);
    const completed = ofType(t.fake.pay(session.sessionId), "checkout.session.completed");
    await t.deliver([completed]);
    // The same store and Stripe account, another Remit: another process's memory, empty.
    const other = createRemit({ store, clock: t.clock, payments: { stripe: t.payments } });
    const before = counts.transactions;
    const again = await handleStripeWebhook(other, t.payments, t.sign(completed));
    expect(again).toMatchObject({ outcome: "duplicate", steps: [{ invoiceId: invoice.id }] });
    // The tenant, then the repeat: its key taken, so its first result read back.
    expect(counts.transactions - before).toBe(3);
    expect((await t.remit.invoices.get(t.ctx, { id: invoice.id })).payments).toHaveLength(1);
  });
});
