import type Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { handleStripeWebhook, type StripeWebhookResult } from "../src/index";
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

type Expected = {
  status: string;
  amountPaid: string;
  refundPending: string;
  payments: string[];
  refunds: string[];
  /** `invoice.payment_recorded` count, then each `invoice.refunded`'s `refundStatus`, sorted. */
  recordedEvents: number;
  refundedEvents: string[];
};

describe("webhook replay with refunds and disputes", () => {
  it("replay - payments, partial payments, refunds (pending → succeeded/failed, dashboard) and disputes, every event 3 times, shuffled, some concurrently", async () => {
    const seed = Number(process.env.REPLAY_SEED ?? 20_261_204);
    t = await createStripeTest({ tenant: { allowPartialOnlinePayment: true } });
    const next = random(seed);
    const expected = new Map<string, Expected>();
    /** Remit refunds whose Stripe outcome comes after the worker asked: [refund id, outcome]. */
    const remitRefunds: [string, "succeeded" | "failed"][] = [];
    /** Stripe refunds still pending: [Stripe refund id, outcome, whether charge.refund.updated comes]. */
    const outcomes: [string, "succeeded" | "failed", boolean][] = [];
    const total = (index: number) => `${100 + index}.50`;
    const less = (index: number, amount: number) => `${100 + index - amount}.50`;

    const paid = async (invoiceId: string) => {
      const session = await t.checkout(invoiceId);
      t.fake.pay(session.sessionId);
      return String(t.fake.state.sessions.get(session.sessionId)?.session.payment_intent);
    };
    const recordedPayment = async (invoiceId: string, intentId: string) => {
      // Remit can refund only a payment it knows: deliver that payment's own event first.
      const event = t.fake.state.outbox.find(
        (candidate) =>
          candidate.type === "payment_intent.succeeded" &&
          (candidate.data.object as Stripe.PaymentIntent).id === intentId,
      );
      await t.deliver([event as Stripe.Event]);
      const details = await t.remit.invoices.get(t.ctx, { id: invoiceId });
      return details.payments[0]?.id as string;
    };

    for (let index = 0; index < 60; index++) {
      const invoice = await t.issuedInvoice(total(index));
      const kind = index % 6;
      t.fake.state.refundStatus = "succeeded";
      if (kind === 0 || kind === 1) {
        // Refunded from Remit; Stripe answers pending, then the refund succeeds or fails later.
        const intentId = await paid(invoice.id);
        const paymentId = await recordedPayment(invoice.id, intentId);
        const { refund } = await t.remit.invoices.refund(t.ctx, {
          id: invoice.id,
          paymentId,
          amount: "20.00",
          idempotencyKey: `refund-${index}`,
        });
        const outcome = kind === 0 ? "succeeded" : "failed";
        remitRefunds.push([refund.id, outcome]);
        expected.set(invoice.id, {
          status: kind === 0 ? "pending_payment" : "paid",
          amountPaid: kind === 0 ? less(index, 20) : total(index),
          refundPending: "0.00",
          payments: [total(index)],
          refunds: [`20.00 ${outcome}`],
          recordedEvents: 1,
          refundedEvents: [outcome, "pending"].sort(),
        });
      } else if (kind === 2 || kind === 3) {
        // Refunded in the dashboard, pending at charge.refunded, then succeeded or failed.
        const intentId = await paid(invoice.id);
        t.fake.state.refundStatus = "pending";
        const { refund } = t.fake.refundInDashboard(intentId, 1000);
        const outcome = kind === 2 ? "succeeded" : "failed";
        outcomes.push([refund.id, outcome, index % 4 === 0]);
        expected.set(invoice.id, {
          status: kind === 2 ? "pending_payment" : "paid",
          amountPaid: kind === 2 ? less(index, 10) : total(index),
          refundPending: "0.00",
          payments: [total(index)],
          refunds: kind === 2 ? ["10.00 succeeded"] : [],
          recordedEvents: 1,
          refundedEvents: kind === 2 ? ["succeeded"] : [],
        });
      } else if (kind === 4) {
        // Disputed: the funds are withdrawn, then reinstated when the dispute is won.
        const intentId = await paid(invoice.id);
        const { dispute } = t.fake.dispute(intentId);
        t.fake.winDispute(dispute.id);
        expected.set(invoice.id, {
          status: "paid",
          amountPaid: total(index),
          refundPending: "0.00",
          payments: [total(index), total(index)],
          refunds: [`${total(index)} succeeded`],
          recordedEvents: 2,
          refundedEvents: ["succeeded"],
        });
      } else {
        // Two partial payments.
        const first = await t.checkout(invoice.id, "50.00");
        t.fake.pay(first.sessionId);
        const second = await t.checkout(invoice.id, "25.00");
        t.fake.pay(second.sessionId);
        expected.set(invoice.id, {
          status: "pending_payment",
          amountPaid: "75.00",
          refundPending: "0.00",
          payments: ["25.00", "50.00"],
          refunds: [],
          recordedEvents: 2,
          refundedEvents: [],
        });
      }
    }
    // The outbox worker asks Stripe for Remit's refunds: Stripe answers pending.
    t.fake.state.refundStatus = "pending";
    const worker = t.worker();
    for (let report = await worker.runOnce(); report.claimed > 0; report = await worker.runOnce()) {
      expect(report.dead).toBe(0);
    }
    for (const [refundId, outcome] of remitRefunds) {
      const entry = [...t.fake.state.refunds.values()].find(
        (candidate) => candidate.refund.metadata?.remit_refund_id === refundId,
      );
      if (entry?.refund.status !== "pending") throw new Error(`refund ${refundId} is not pending`);
      outcomes.push([entry.refund.id, outcome, false]);
    }

    const results: StripeWebhookResult[] = [];
    /** Delivers `deliveries` one at a time or up to four at once, at random. */
    const deliver = async (deliveries: Stripe.Event[]) => {
      for (let at = 0; at < deliveries.length; ) {
        const size = next() < 0.5 ? 1 : 2 + Math.floor(next() * 3);
        const batch = deliveries.slice(at, at + size);
        at += batch.length;
        results.push(
          ...(await Promise.all(
            batch.map((event) => handleStripeWebhook(t.remit, t.payments, t.sign(event))),
          )),
        );
      }
    };
    // Every event so far, 3 times, shuffled: the pending refunds are still pending at Stripe.
    const before = t.fake.takeEvents();
    await deliver(shuffle([...before, ...before, ...before], next));
    // Then the pending refunds reach their outcome; the outcome events come 3 times, mixed with
    // late copies of the earlier events (not charge.refunded: it lists the refunds as they are
    // now, so a late one would report the outcome itself).
    for (const [refundId, outcome, chargeRefundUpdated] of outcomes) {
      t.fake.updateRefund(refundId, outcome, { chargeRefundUpdated });
    }
    const after = t.fake.takeEvents();
    expect(after.some((event) => event.type === "refund.failed")).toBe(true);
    const late = before.filter((event) => event.type !== "charge.refunded");
    await deliver(shuffle([...after, ...after, ...after, ...late], next));
    expect(results).toHaveLength(before.length * 3 + late.length + after.length * 3);

    const log = (await t.remit.events.list(t.ctx, { limit: 1000 })).items;
    expect(log.length).toBeLessThan(1000);
    for (const [id, want] of expected) {
      const { invoice, payments, refunds } = await t.remit.invoices.get(t.ctx, { id });
      const mine = log.filter((event) => event.subject.id === id);
      expect(
        {
          status: invoice.status,
          amountPaid: invoice.amountPaid,
          refundPending: invoice.refundPending,
          payments: payments.map((payment) => payment.amount).sort(),
          refunds: refunds.map((refund) => `${refund.amount} ${refund.status}`).sort(),
          recordedEvents: mine.filter((event) => event.type === "invoice.payment_recorded").length,
          refundedEvents: mine
            .filter((event) => event.type === "invoice.refunded")
            .map((event) => String(event.data.refundStatus))
            .sort(),
        },
        `invoice ${id} (seed ${seed})`,
      ).toEqual(want);
    }
  }, 120_000);
});
