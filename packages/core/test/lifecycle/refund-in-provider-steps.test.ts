// "Precise rules › Payments and refunds": a provider whose amounts are coarser than ISO 4217's.
import { describe, expect, it } from "vitest";
import { createOutboxWorker } from "../../src/index";
import { createHarness, providerContext, userContext } from "./support/harness";

/** A KWD invoice of `amount` paid in full through the provider. */
async function paidInKwd(amount: string) {
  const harness = await createHarness({ settings: { currency: "KWD" } });
  const invoice = await harness.issued({ amount });
  const card = await harness.remit.invoices.recordPayment(providerContext, {
    id: invoice.id,
    amount,
    method: "card",
    reference: "pi_card",
    idempotencyKey: "pi_card",
  });
  harness.testpay.refundInStepsOf("0.010");
  return { harness, invoice, payment: card.payment };
}

describe("precise rules - refunds in a provider's steps", () => {
  it("refunds - the largest amount the provider takes is refunded, the rest kept on the invoice with the reason", async () => {
    const { harness, invoice, payment } = await paidInKwd("20.000");
    const result = await harness.remit.invoices.refund(userContext, {
      id: invoice.id,
      paymentId: payment.id,
      amount: "10.005",
      idempotencyKey: "refund-kwd",
    });
    expect(result.refund).toMatchObject({ amount: "10.000", status: "pending" });
    expect(result.kept).toEqual({
      amount: "0.005",
      reason: "testpay refunds KWD in multiples of 0.01",
    });
    expect(result.invoice).toMatchObject({ refundPending: "10.000" });
    expect(result.events[0]).toMatchObject({
      type: "invoice.refunded",
      data: { amount: "10.000", requestedAmount: "10.005", kept: result.kept },
    });
    await createOutboxWorker({ remit: harness.remit }).runOnce();
    expect(harness.testpay.requests.map((request) => request.refund.amount)).toEqual(["10.000"]);
    const { invoice: after } = await harness.remit.invoices.get(userContext, { id: invoice.id });
    expect(after).toMatchObject({
      amountPaid: "10.000",
      amountDue: "10.000",
      refundPending: "0.000",
    });
  });

  it("refunds - credit below the provider's step is refused up front, saying why, and nothing is written", async () => {
    const { harness, invoice, payment } = await paidInKwd("20.000");
    await harness.remit.invoices.recordPayment(userContext, {
      id: invoice.id,
      amount: "0.005",
      method: "cash",
      idempotencyKey: "cash-over",
    });
    const error = await harness.expectRefused(invoice.id, "validation_error", () =>
      harness.remit.invoices.refund(userContext, {
        id: invoice.id,
        paymentId: payment.id,
        amount: "0.005",
        idempotencyKey: "refund-credit",
      }),
    );
    expect(error.issues).toEqual([
      {
        path: "amount",
        message:
          "testpay refunds KWD in multiples of 0.01: nothing of 0.005 KWD can be refunded through testpay; it stays on the invoice",
      },
    ]);
    expect(harness.testpay.requests).toEqual([]);
  });

  it("refunds - an amount the provider takes as it is keeps nothing", async () => {
    const { harness, invoice, payment } = await paidInKwd("20.000");
    const result = await harness.remit.invoices.refund(userContext, {
      id: invoice.id,
      paymentId: payment.id,
      amount: "5.250",
      idempotencyKey: "refund-exact",
    });
    expect(result.refund.amount).toBe("5.250");
    expect(result.kept).toBeNull();
    expect(result.events[0]?.data).not.toHaveProperty("kept");
  });

  it("refunds - recorded by hand (no provider moves the money) are never cut to a provider's steps", async () => {
    const { harness, invoice } = await paidInKwd("20.000");
    const cash = await harness.pay(invoice.id, "1.005", "cash");
    const result = await harness.remit.invoices.refund(userContext, {
      id: invoice.id,
      paymentId: cash.payment.id,
      amount: "1.005",
      idempotencyKey: "refund-cash",
    });
    expect(result.refund).toMatchObject({ amount: "1.005", status: "succeeded" });
    expect(result.kept).toBeNull();
  });
});
