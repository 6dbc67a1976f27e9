import { StoreUnavailableError, WebhookSignatureError } from "@remit/core";
import { createMemoryProbe } from "@remit/testing";
import type Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { handleStripeWebhook, StripeAccountMismatchError, webhookErrorStatus } from "../src/index";
import {
  connectSecret,
  createStripeTest,
  platformSecret,
  type StripeTest,
} from "./support/stripe-test-harness";

let t: StripeTest;
afterEach(() => t?.close());

/** An issued invoice, a paid session for it, and its `checkout.session.completed` event. */
async function paidSessionEvent() {
  const invoice = await t.issuedInvoice("99.00");
  const session = await t.checkout(invoice.id);
  const event = t.fake
    .pay(session.sessionId)
    .find((candidate) => candidate.type === "checkout.session.completed");
  if (!event) throw new Error("no checkout.session.completed");
  return { invoice, event };
}

/** Everything the tenant's store holds, to show a refused webhook changed nothing. */
async function snapshot() {
  const probe = createMemoryProbe(t.memory);
  const tables = ["invoices", "payments", "refunds", "events", "jobs", "idempotency"] as const;
  return {
    counts: await Promise.all(tables.map((table) => probe.count("acme", table))),
    events: (await t.remit.events.list(t.ctx, { limit: 1000 })).items,
    tenant: await t.remit.tenants.get(t.ctx),
  };
}

async function refusal(input: { rawBody: string; signature: string | undefined }) {
  try {
    await handleStripeWebhook(t.remit, t.payments, input);
  } catch (error) {
    return error;
  }
  throw new Error("The webhook was accepted");
}

describe("webhook signatures", () => {
  it("signature - accepts the Connect endpoint's and the platform endpoint's secrets", async () => {
    t = await createStripeTest();
    const { invoice, event } = await paidSessionEvent();
    const [viaPlatform] = await t.deliver([event], platformSecret);
    expect(viaPlatform?.outcome).toBe("recorded");
    const [viaConnect] = await t.deliver([event], connectSecret);
    expect(viaConnect?.outcome).toBe("duplicate");
    expect((await t.remit.invoices.get(t.ctx, { id: invoice.id })).invoice.status).toBe("paid");
  });

  it("signature - a wrong secret, an altered body, a stale timestamp or no header are refused, changing nothing", async () => {
    t = await createStripeTest();
    const { event } = await paidSessionEvent();
    const before = await snapshot();
    const signed = t.sign(event);
    const now = Math.floor(Date.parse(t.clock.now()) / 1000);
    const altered = JSON.parse(signed.rawBody) as Stripe.CheckoutSessionCompletedEvent;
    altered.data.object.amount_total = 1;

    const cases = [
      t.sign(event, "whsec_someone_else"),
      { rawBody: JSON.stringify(altered, null, 2), signature: signed.signature },
      t.sign(event, connectSecret, now - 301),
      { rawBody: signed.rawBody, signature: undefined },
      { rawBody: signed.rawBody, signature: "t=123,v1=deadbeef" },
    ];
    for (const input of cases) {
      const error = await refusal(input);
      expect(error).toBeInstanceOf(WebhookSignatureError);
      expect(error).toMatchObject({ code: "invalid_signature", retryable: false });
      expect(webhookErrorStatus(error)).toBe(400);
    }
    expect(await snapshot()).toEqual(before);
    // Within the tolerance it is accepted: the check really is about age.
    const [late] = [
      await handleStripeWebhook(t.remit, t.payments, t.sign(event, connectSecret, now - 299)),
    ];
    expect(late.outcome).toBe("recorded");
  });

  it("signature - a parsed body instead of the raw one is a validation error", async () => {
    t = await createStripeTest();
    const { event } = await paidSessionEvent();
    const signed = t.sign(event);
    await expect(
      handleStripeWebhook(t.remit, t.payments, {
        rawBody: JSON.parse(signed.rawBody) as never,
        signature: signed.signature,
      }),
    ).rejects.toMatchObject({ code: "validation_error", path: "rawBody" });
    await expect(handleStripeWebhook(t.remit, {} as never, signed)).rejects.toMatchObject({
      code: "validation_error",
      path: "payments",
    });
  });
});

describe("webhook accounts", () => {
  it("account - an event about a tenant's invoice from another connected account is refused", async () => {
    t = await createStripeTest();
    const other = await t.addTenant("beta");
    const { event } = await paidSessionEvent();
    const before = await snapshot();

    const forged = structuredClone(event);
    forged.account = other.accountId;
    const error = await refusal(t.sign(forged));
    expect(StripeAccountMismatchError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      code: "validation_error",
      path: "account",
      tenantId: "acme",
      account: other.accountId,
      expectedAccount: t.accountId,
    });
    expect(webhookErrorStatus(error)).toBe(400);

    const platformEvent = structuredClone(event);
    delete platformEvent.account;
    expect(StripeAccountMismatchError.isInstance(await refusal(t.sign(platformEvent)))).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it("account - a refund event from another account cannot touch the tenant's payment", async () => {
    t = await createStripeTest();
    const other = await t.addTenant("beta");
    const { invoice, event } = await paidSessionEvent();
    await t.deliver([event]);
    const intentId = String(
      (event as Stripe.CheckoutSessionCompletedEvent).data.object.payment_intent,
    );
    const { events } = t.fake.refundInDashboard(intentId);
    const forged = structuredClone(events[0] as Stripe.Event);
    forged.account = other.accountId;
    // The other account has no such PaymentIntent: nothing to refund, nothing changed.
    const [result] = await t.deliver([forged]);
    expect(result?.outcome).toBe("ignored");
    expect((await t.remit.invoices.get(t.ctx, { id: invoice.id })).refunds).toEqual([]);
  });
});

describe("webhook faults", () => {
  it("faults - a store outage is a retryable error (answer 5xx); the resend records it once", async () => {
    t = await createStripeTest();
    const { invoice, event } = await paidSessionEvent();
    t.setStoreDown(true);
    const error = await refusal(t.sign(event));
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(webhookErrorStatus(error)).toBe(503);
    t.setStoreDown(false);
    const [result] = await t.deliver([event, event]);
    expect(result?.outcome).toBe("recorded");
    expect((await t.remit.invoices.get(t.ctx, { id: invoice.id })).payments).toHaveLength(1);
  });

  it("faults - Stripe unreachable while reading a PaymentIntent is retryable (answer 503); the resend records it", async () => {
    t = await createStripeTest();
    const { event } = await paidSessionEvent();
    await t.deliver([event]);
    const intentId = String(
      (event as Stripe.CheckoutSessionCompletedEvent).data.object.payment_intent,
    );
    const { events } = t.fake.refundInDashboard(intentId, 500);
    t.fake.failNext({
      path: `/v1/payment_intents/${intentId}`,
      status: 503,
      error: { type: "api_error", message: "Service unavailable" },
    });
    const error = await refusal(t.sign(events[0] as Stripe.Event));
    expect(error).toMatchObject({ code: "provider_error", retryable: true });
    expect(webhookErrorStatus(error)).toBe(503);
    const [retried] = await t.deliver(events);
    expect(retried?.outcome).toBe("recorded");
    expect(webhookErrorStatus(new Error("bug"))).toBe(500);
  });
});
