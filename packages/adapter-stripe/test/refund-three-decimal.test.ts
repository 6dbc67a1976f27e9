import { currencies } from "@remit/core";
import { afterEach, describe, expect, it } from "vitest";
import { toStripeAmount } from "../src/index";
import { createStripeTest, type StripeTest } from "./support/stripe-test-harness";

let t: StripeTest | undefined;
afterEach(() => t?.close());

/** Every currency with three decimals in core's table (ISO 4217). */
const threeDecimal = Object.entries(currencies)
  .filter(([, { minorUnits }]) => minorUnits === 3)
  .map(([code]) => code);

describe("refunds - three-decimal currencies", () => {
  it("refunds - core's table has the three-decimal currencies this test walks", () => {
    // Stripe's own three-decimal list is BHD, JOD, KWD, OMR and TND (multiples of ten). IQD and
    // LYD have three decimals in ISO 4217 but are not on it: the adapter sends them with two.
    expect(threeDecimal.sort()).toEqual(["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]);
  });

  for (const currency of threeDecimal) {
    it(`refunds - ${currency}: the largest amount Stripe takes is refunded, the rest kept as credit with the reason; nothing refundable is refused up front`, async () => {
      t = await createStripeTest({ currency });
      const invoice = await t.issuedInvoice("10.005");
      const session = await t.checkout(invoice.id);
      // Checkout rounds up to what Stripe takes: the few fils it added are credit once paid.
      expect(session.excess).toBe("0.005");
      await t.deliver(t.fake.pay(session.sessionId));
      const { invoice: paid, payments } = await t.remit.invoices.get(t.ctx, { id: invoice.id });
      expect(paid).toMatchObject({ status: "paid", amountPaid: "10.010", credit: "0.005" });
      const payment = payments[0];
      if (!payment) throw new Error("no payment");

      // The credit alone: Stripe could only refuse it, so Remit refuses it, saying why.
      await expect(
        t.remit.invoices.refund(t.ctx, {
          id: invoice.id,
          paymentId: payment.id,
          amount: "0.005",
          idempotencyKey: "refund-credit",
        }),
      ).rejects.toMatchObject({
        code: "validation_error",
        issues: [
          {
            path: "amount",
            message: expect.stringContaining(`Stripe refunds ${currency} in multiples of`),
          },
        ],
      });

      const { refund, kept } = await t.remit.invoices.refund(t.ctx, {
        id: invoice.id,
        paymentId: payment.id,
        amount: "5.005",
        reason: "part returned",
        idempotencyKey: "refund-part",
      });
      expect(refund.amount).toBe("5.000");
      expect(kept).toEqual({
        amount: "0.005",
        reason: `Stripe refunds ${currency} in multiples of ${toStripeAmount("0.001", currency).charged}`,
      });
      await t.worker().runOnce();
      const asked = t.fake.requests.filter(
        (request) => request.method === "POST" && request.path === "/v1/refunds",
      );
      expect(asked.map((request) => [request.body.amount, request.status])).toEqual([
        [String(toStripeAmount("5.000", currency).minor), 200],
      ]);
      await t.deliver(t.fake.takeEvents());
      const after = await t.remit.invoices.get(t.ctx, { id: invoice.id });
      expect(after.refunds.map((each) => [each.amount, each.status])).toEqual([
        ["5.000", "succeeded"],
      ]);
      expect(after.invoice).toMatchObject({
        amountPaid: "5.010",
        amountDue: "4.995",
        refundPending: "0.000",
      });
    });
  }
});
