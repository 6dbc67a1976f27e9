import type { FakeStripeFailure } from "@remit/testing/fake-stripe";
import type Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { handleStripeWebhook, webhookErrorStatus } from "../src/index";
import { createStripeTest, type StripeTest } from "./support/stripe-test-harness";

let t: StripeTest;
afterEach(() => t?.close());

/** A paid invoice, and the events of a dashboard refund of it not yet delivered. */
async function refundedInDashboard() {
  const invoice = await t.issuedInvoice("80.00");
  const session = await t.checkout(invoice.id);
  await t.deliver(t.fake.pay(session.sessionId));
  const intentId = String(t.fake.state.sessions.get(session.sessionId)?.session.payment_intent);
  const { events } = t.fake.refundInDashboard(intentId, 1000);
  const find = (type: string) => {
    const event = events.find((candidate) => candidate.type === type);
    if (!event) throw new Error(`no ${type}`);
    return event;
  };
  return {
    invoice,
    intentId,
    refundCreated: find("refund.created"),
    chargeRefunded: find("charge.refunded"),
  };
}

async function refusal(event: Stripe.Event) {
  try {
    await handleStripeWebhook(t.remit, t.payments, t.sign(event));
  } catch (error) {
    return error;
  }
  throw new Error("The webhook was accepted");
}

const authentication: Omit<FakeStripeFailure, "path"> = {
  status: 401,
  error: { type: "invalid_request_error", message: "Invalid API Key provided: sk_test_****" },
};
const permission: Omit<FakeStripeFailure, "path"> = {
  status: 403,
  error: {
    type: "invalid_request_error",
    code: "account_invalid",
    message:
      "The provided key does not have access to account 'acct_x' (or that account does not exist).",
  },
};
const missing: Omit<FakeStripeFailure, "path"> = {
  status: 404,
  error: { type: "invalid_request_error", code: "resource_missing", message: "No such object" },
};

describe("errors while a webhook reads from Stripe", () => {
  for (const [name, failure] of [
    ["an authentication error (a rolled key)", authentication],
    ["a permission error (a disconnected account)", permission],
  ] as const) {
    it(`lookup - ${name} reading the PaymentIntent answers 5xx and loses nothing`, async () => {
      t = await createStripeTest();
      const { invoice, intentId, refundCreated } = await refundedInDashboard();
      t.fake.failNext({ ...failure, path: `/v1/payment_intents/${intentId}` });
      const error = await refusal(refundCreated);
      expect(error).toMatchObject({ code: "provider_error", retryable: false });
      expect(webhookErrorStatus(error)).toBeGreaterThanOrEqual(500);
      expect((await t.remit.invoices.get(t.ctx, { id: invoice.id })).refunds).toEqual([]);
      // Stripe redelivers once the key or the account is fixed: the refund is recorded.
      const [retried] = await t.deliver([refundCreated]);
      expect(retried?.outcome).toBe("recorded");
    });

    it(`lookup - ${name} listing a charge's refunds answers 5xx`, async () => {
      t = await createStripeTest();
      const { invoice, chargeRefunded } = await refundedInDashboard();
      t.fake.failNext({ ...failure, method: "GET", path: "/v1/refunds" });
      const error = await refusal(chargeRefunded);
      expect(webhookErrorStatus(error)).toBeGreaterThanOrEqual(500);
      expect((await t.remit.invoices.get(t.ctx, { id: invoice.id })).refunds).toEqual([]);
      const [retried] = await t.deliver([chargeRefunded]);
      expect(retried?.outcome).toBe("recorded");
    });
  }

  it("lookup - resource_missing is 'not found' on both paths: acknowledged, nothing changed", async () => {
    t = await createStripeTest();
    const { invoice, intentId, refundCreated, chargeRefunded } = await refundedInDashboard();
    t.fake.failNext({ ...missing, path: `/v1/payment_intents/${intentId}` });
    const [byIntent] = await t.deliver([refundCreated]);
    expect(byIntent).toMatchObject({ outcome: "ignored" });
    expect(byIntent?.steps[0]?.detail).toMatch(/no PaymentIntent/);

    t.fake.failNext({ ...missing, method: "GET", path: "/v1/refunds" });
    const [byList] = await t.deliver([chargeRefunded]);
    expect(byList).toMatchObject({ outcome: "ignored" });
    expect(byList?.steps[0]?.detail).toMatch(/no charge|not found/i);
    expect((await t.remit.invoices.get(t.ctx, { id: invoice.id })).refunds).toEqual([]);
  });
});
