import type { Quote } from "@remit/core";
import type Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { createStripeTest, type StripeTest } from "./support/stripe-test-harness";

let t: StripeTest;
afterEach(() => t?.close());

const only = (events: Stripe.Event[], ...types: string[]) =>
  events.filter((event) => types.includes(event.type));

/** A quote of 1,000.00 asking a deposit, sent and approved by the customer. */
async function approvedQuote(depositRequired = "300.00"): Promise<Quote> {
  const { quote } = await t.remit.quotes.create(t.ctx, {
    customerId: t.customer.id,
    title: "Water heater",
    lines: [{ kind: "labor", description: "Install", quantity: "1", unitPrice: "1000.00" }],
    depositRequired,
  });
  await t.remit.quotes.send(t.ctx, { id: quote.id });
  const customer = {
    tenantId: t.ctx.tenantId,
    actor: { type: "customer" as const, ip: "203.0.113.7" },
  };
  return (await t.remit.quotes.approve(customer, { id: quote.id, approvedBy: "Dana Reyes" })).quote;
}

async function depositCheckout(quote: Quote, amount = "300.00") {
  return t.payments.createDepositCheckout({
    quote,
    tenant: await t.remit.tenants.get(t.ctx),
    amount,
    successUrl: "https://pay.example.com/q/tok?deposit=1",
    cancelUrl: "https://pay.example.com/q/tok",
  });
}

describe("deposit checkout", () => {
  it("createDepositCheckout - a session on the tenant's connected account for the deposit, naming the quote", async () => {
    t = await createStripeTest();
    const quote = await approvedQuote();
    const checkout = await depositCheckout(quote);
    const entry = t.fake.state.sessions.get(checkout.providerReference);
    expect(entry?.account).toBe(t.accountId);
    expect(entry?.session).toMatchObject({
      amount_total: 30000,
      currency: "usd",
      client_reference_id: quote.id,
      metadata: { remit_tenant_id: t.ctx.tenantId, remit_quote_id: quote.id },
    });
    expect(entry?.session.metadata?.remit_invoice_id).toBeUndefined();
    expect(entry?.intentMetadata).toMatchObject({ remit_quote_id: quote.id });
    expect(checkout.url).toMatch(/^https?:\/\//);
  });

  it("createDepositCheckout - refuses a quote not approved, or more than the deposit still to pay", async () => {
    t = await createStripeTest();
    const { quote: draft } = await t.remit.quotes.create(t.ctx, {
      customerId: t.customer.id,
      title: "Repipe",
      lines: [{ kind: "labor", description: "Pipe", quantity: "1", unitPrice: "500.00" }],
      depositRequired: "100.00",
    });
    await expect(depositCheckout(draft, "100.00")).rejects.toMatchObject({
      code: "invalid_transition",
    });
    const quote = await approvedQuote("300.00");
    await expect(depositCheckout(quote, "300.01")).rejects.toMatchObject({
      code: "validation_error",
      issues: [{ path: "amount" }],
    });
    expect(t.fake.state.sessions.size).toBe(0);
  });

  it("webhook - checkout.session.completed records the deposit on the quote as the provider, once however often it comes", async () => {
    t = await createStripeTest();
    const quote = await approvedQuote();
    const checkout = await depositCheckout(quote);
    const events = t.fake.pay(checkout.providerReference);
    const intentId = String(
      t.fake.state.sessions.get(checkout.providerReference)?.session.payment_intent,
    );
    const completed = only(events, "checkout.session.completed");
    const [first] = await t.deliver(completed);
    expect(first).toMatchObject({ outcome: "recorded", account: t.accountId });
    // Stripe delivers at least once, and reports the same money as payment_intent.succeeded too.
    const again = await t.deliver([...completed, ...only(events, "payment_intent.succeeded")]);
    expect(again.map((result) => result.outcome)).toEqual(["duplicate", "duplicate"]);

    const { quote: held, deposits } = await t.remit.quotes.get(t.ctx, { id: quote.id });
    expect(held.depositHeld).toBe("300.00");
    expect(deposits).toEqual([
      expect.objectContaining({
        amount: "300.00",
        currency: "USD",
        method: "card",
        provider: "stripe",
        quoteId: quote.id,
        invoiceId: null,
        reference: intentId,
        idempotencyKey: `stripe:payment:${intentId}`,
        actor: { type: "provider", name: "stripe" },
      }),
    ]);
  });

  it("webhook - a second process (no memory of the first) records nothing twice", async () => {
    t = await createStripeTest();
    const quote = await approvedQuote();
    const checkout = await depositCheckout(quote);
    const events = only(t.fake.pay(checkout.providerReference), "payment_intent.succeeded");
    await t.deliver(events);
    const { createStripePayments, handleStripeWebhook } = await import("../src/index");
    const other = createStripePayments({
      stripe: t.stripe,
      webhookSecrets: {
        platform: "whsec_platform_test_secret",
        connect: "whsec_connect_test_secret",
      },
    });
    const [event] = events;
    if (!event) throw new Error("the fake sent no payment_intent.succeeded");
    expect(await handleStripeWebhook(t.remit, other, t.sign(event))).toMatchObject({
      outcome: "duplicate",
    });
    expect((await t.remit.quotes.get(t.ctx, { id: quote.id })).deposits).toHaveLength(1);
  });
});
