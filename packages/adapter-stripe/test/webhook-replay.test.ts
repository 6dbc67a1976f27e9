import type Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { createStripeTest, type StripeTest } from "./support/stripe-test-harness";

let t: StripeTest;
afterEach(() => t?.close());

/** A small seeded PRNG (mulberry32): a failing order can be replayed from its seed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function shuffle<T>(items: T[], next: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(next() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

type Expected = { status: string; amountPaid: string; payments: number; refunds: number };

describe("webhook replay", () => {
  it("replay - 200 invoices, every webhook delivered 3 times in random order: each payment recorded once", async () => {
    const seed = Number(process.env.REPLAY_SEED ?? 20_260_302);
    t = await createStripeTest({
      payments: { paymentMethods: ["card", "ach"] },
      tenant: { allowPartialOnlinePayment: true },
    });
    const expected = new Map<string, Expected>();
    for (let index = 0; index < 200; index++) {
      const total = `${100 + index}.25`;
      const invoice = await t.issuedInvoice(total);
      const kind = index % 5;
      if (kind === 0) {
        // Card, paid in full.
        const session = await t.checkout(invoice.id);
        t.fake.pay(session.sessionId);
        expected.set(invoice.id, { status: "paid", amountPaid: total, payments: 1, refunds: 0 });
      } else if (kind === 1) {
        // ACH: processing, then settled.
        const session = await t.checkout(invoice.id);
        t.fake.pay(session.sessionId, { outcome: "processing" });
        t.fake.settle(session.sessionId, "succeeded");
        expected.set(invoice.id, { status: "paid", amountPaid: total, payments: 1, refunds: 0 });
      } else if (kind === 2) {
        // ACH that bounced: nothing paid.
        const session = await t.checkout(invoice.id);
        t.fake.pay(session.sessionId, { outcome: "processing" });
        t.fake.settle(session.sessionId, "failed");
        expected.set(invoice.id, {
          status: "pending_payment",
          amountPaid: "0.00",
          payments: 0,
          refunds: 0,
        });
      } else if (kind === 3) {
        // Paid, then 10.00 refunded in the dashboard.
        const session = await t.checkout(invoice.id);
        t.fake.pay(session.sessionId);
        const intentId = String(
          t.fake.state.sessions.get(session.sessionId)?.session.payment_intent,
        );
        t.fake.refundInDashboard(intentId, 1000);
        expected.set(invoice.id, {
          status: "pending_payment",
          amountPaid: `${90 + index}.25`,
          payments: 1,
          refunds: 1,
        });
      } else {
        // Two partial payments, the first declined once before it went through.
        const first = await t.checkout(invoice.id, "50.00");
        t.fake.pay(first.sessionId, { outcome: "declined" });
        t.fake.pay(first.sessionId);
        const second = await t.checkout(invoice.id, "25.00");
        t.fake.pay(second.sessionId);
        expected.set(invoice.id, {
          status: "pending_payment",
          amountPaid: "75.00",
          payments: 2,
          refunds: 0,
        });
      }
    }
    const events: Stripe.Event[] = t.fake.takeEvents();
    const deliveries = shuffle([...events, ...events, ...events], random(seed));
    const started = performance.now();
    await t.deliver(deliveries);
    const seconds = (performance.now() - started) / 1000;

    for (const [id, want] of expected) {
      const { invoice, payments, refunds } = await t.remit.invoices.get(t.ctx, { id });
      expect(
        {
          status: invoice.status,
          amountPaid: invoice.amountPaid,
          payments: payments.length,
          refunds: refunds.length,
        },
        `invoice ${id} (seed ${seed})`,
      ).toEqual(want);
    }
    const log = (await t.remit.events.list(t.ctx, { limit: 1000 })).items;
    const recorded = log.filter((event) => event.type === "invoice.payment_recorded");
    const references = recorded.map((event) => event.data.reference);
    expect(new Set(references).size).toBe(references.length);
    expect(recorded).toHaveLength(40 + 40 + 40 + 80);
    const failures = log.filter((event) => event.type === "invoice.payment_failed");
    expect(failures).toHaveLength(40 + 40);
    console.info(
      `replay: ${deliveries.length} deliveries in ${seconds.toFixed(2)} s (${Math.round(deliveries.length / seconds)}/s, seed ${seed})`,
    );
  }, 120_000);
});
