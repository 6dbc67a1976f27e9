import type { RemitEvent } from "@remit/core";
import type Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { handleStripeWebhook, type StripeUnmatchedEvent, webhookErrorStatus } from "../src/index";
import { createStripeTest, type StripeTest } from "./support/stripe-test-harness";

let t: StripeTest;

/** The event types the handler acts on (the README's list), less the deauthorization. */
const handledTypes = new Set([
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "payment_intent.succeeded",
  "payment_intent.payment_failed",
  "charge.refunded",
  "charge.refund.updated",
  "refund.created",
  "refund.updated",
  "refund.failed",
  "charge.dispute.funds_withdrawn",
  "charge.dispute.funds_reinstated",
  "account.updated",
]);
afterEach(() => t?.close());

function only(events: readonly Stripe.Event[], type: string): Stripe.Event {
  const found = events.filter((event) => event.type === type);
  if (found.length !== 1) throw new Error(`${found.length} ${type} events`);
  return found[0] as Stripe.Event;
}

/** A Stripe test whose unmatched events are kept, with a paid invoice and a second tenant. */
async function paidThenDisconnected() {
  const unmatched: StripeUnmatchedEvent[] = [];
  t = await createStripeTest({
    payments: { onUnmatched: (event) => void unmatched.push(event), logger: { warn: () => {} } },
  });
  const other = await t.addTenant("bolt");
  const invoice = await t.issuedInvoice("80.00");
  const session = await t.checkout(invoice.id);
  const paid = t.fake.pay(session.sessionId);
  await t.deliver(paid);
  const intentId = String(t.fake.state.sessions.get(session.sessionId)?.session.payment_intent);
  // A dashboard refund made before the disconnection, its events not delivered yet.
  const { events: refunded } = t.fake.refundInDashboard(intentId, 1000);
  // A second invoice paid just before the disconnection, its events not delivered yet either.
  const second = await t.issuedInvoice("20.00");
  const late = t.fake.pay((await t.checkout(second.id)).sessionId);
  const deauthorized = only(
    t.fake.deauthorizeAccount(t.accountId),
    "account.application.deauthorized",
  );
  const handled: RemitEvent[] = [];
  t.remit.events.on("payments.account_disconnected", async (event) => void handled.push(event), {
    name: "test",
  });
  return { unmatched, other, invoice, second, paid, refunded, late, deauthorized, handled };
}

describe("webhook - account.application.deauthorized", () => {
  it("deauthorized - the tenant's account is marked disconnected and payments.account_disconnected tells the host app, once", async () => {
    const { deauthorized, handled, other } = await paidThenDisconnected();
    expect(deauthorized.data.object).toMatchObject({ object: "application" });
    const [first] = await t.deliver([deauthorized]);
    expect(first).toMatchObject({
      eventType: "account.application.deauthorized",
      account: t.accountId,
      outcome: "recorded",
    });
    const tenant = await t.remit.tenants.get(t.ctx);
    expect(tenant.paymentAccounts.stripe).toMatchObject({
      accountId: t.accountId,
      chargesEnabled: false,
      disconnectedAt: t.clock.now(),
    });
    await t.worker().runOnce();
    expect(handled.map((event) => [event.tenantId, event.data])).toEqual([
      [
        "acme",
        {
          provider: "stripe",
          accountId: t.accountId,
          disconnectedAt: t.clock.now(),
          reason: "account.application.deauthorized",
        },
      ],
    ]);
    // Stripe delivers it again: nothing changes, no second event.
    const [again] = await t.deliver([deauthorized]);
    expect(again?.outcome).toBe("duplicate");
    await t.worker().runOnce();
    expect(handled).toHaveLength(1);
    expect((await t.remit.tenants.get(t.ctx)).version).toBe(tenant.version);
    // The other tenant's account is untouched.
    expect((await t.remit.tenants.get(other.ctx)).paymentAccounts.stripe).toMatchObject({
      chargesEnabled: true,
    });
    expect((await t.remit.tenants.get(other.ctx)).paymentAccounts.stripe).not.toHaveProperty(
      "disconnectedAt",
    );
  });

  it("deauthorized - the Pay button starts no checkout for the disconnected tenant", async () => {
    const { deauthorized, second } = await paidThenDisconnected();
    await t.deliver([deauthorized]);
    await expect(t.checkout(second.id)).rejects.toMatchObject({
      code: "validation_error",
      issues: [
        { path: "tenant.paymentAccounts.stripe", message: expect.stringMatching(/disconnected/) },
      ],
    });
  });

  it("deauthorized - every later event of the account is 2xx unmatched, 'account disconnected', and writes nothing, even where Stripe refuses the reads", async () => {
    const { deauthorized, unmatched, invoice, second, paid, refunded, late } =
      await paidThenDisconnected();
    await t.deliver([deauthorized]);
    const before = await t.remit.invoices.get(t.ctx, { id: invoice.id });
    const beforeSecond = await t.remit.invoices.get(t.ctx, { id: second.id });
    // Payment events name the tenant: refused by the tenant's state. Refund events need the
    // PaymentIntent, which Stripe no longer shows the platform (403): refused by the account's.
    const later = [...refunded, ...late].filter((event) => handledTypes.has(event.type));
    expect(later.map((event) => event.type).sort()).toEqual([
      "charge.refunded",
      "checkout.session.completed",
      "payment_intent.succeeded",
      "refund.created",
    ]);
    const results = await t.deliver(later);
    expect(results.map((result) => [result.eventType, result.outcome])).toEqual(
      later.map((event) => [event.type, "unmatched"]),
    );
    expect(results.every((result) => result.steps[0]?.detail === "account disconnected")).toBe(
      true,
    );
    expect(unmatched).toEqual(
      later.map((event) => ({
        eventId: event.id,
        eventType: event.type,
        account: t.accountId,
        tenantId: "acme",
        reason: "account disconnected",
      })),
    );
    // The events recorded before the disconnection, delivered again, are refused the same way,
    // though this process remembers recording them; the types it does not handle are ignored.
    for (const result of await t.deliver(paid)) {
      expect([result.eventType, result.outcome, result.steps[0]?.detail]).toEqual(
        handledTypes.has(result.eventType)
          ? [result.eventType, "unmatched", "account disconnected"]
          : [result.eventType, "ignored", result.steps[0]?.detail],
      );
    }
    expect(await t.remit.invoices.get(t.ctx, { id: invoice.id })).toEqual(before);
    expect(await t.remit.invoices.get(t.ctx, { id: second.id })).toEqual(beforeSecond);
  });

  it("deauthorized - an authentication error (a rolled platform key) still answers 5xx for a disconnected account", async () => {
    const { deauthorized, late } = await paidThenDisconnected();
    await t.deliver([deauthorized]);
    // A dashboard refund of the second payment, whose PaymentIntent this process never read.
    const intentId = String(
      (only(late, "payment_intent.succeeded").data.object as Stripe.PaymentIntent).id,
    );
    const event = only(t.fake.refundInDashboard(intentId).events, "refund.created");
    t.fake.failNext({
      path: `/v1/payment_intents/${intentId}`,
      status: 401,
      error: { type: "invalid_request_error", message: "Invalid API Key provided: sk_test_****" },
    });
    const error = await handleStripeWebhook(t.remit, t.payments, t.sign(event)).then(
      () => expect.unreachable("the webhook was accepted"),
      (thrown: unknown) => thrown,
    );
    expect(webhookErrorStatus(error)).toBeGreaterThanOrEqual(500);
    // Once the key is fixed, Stripe's next delivery is answered: the account is disconnected.
    const [retried] = await t.deliver([event]);
    expect(retried).toMatchObject({
      outcome: "unmatched",
      steps: [{ detail: "account disconnected" }],
    });
  });

  it("deauthorized - a permission error for an account still connected still answers 5xx", async () => {
    const { refunded } = await paidThenDisconnected();
    // Stripe refuses the read (the account is deauthorized at Stripe) but Remit has not heard yet.
    const error = await handleStripeWebhook(
      t.remit,
      t.payments,
      t.sign(only(refunded, "refund.created")),
    ).then(
      () => expect.unreachable("the webhook was accepted"),
      (thrown: unknown) => thrown,
    );
    expect(error).toMatchObject({ code: "provider_error", providerCode: "account_invalid" });
    expect(webhookErrorStatus(error)).toBeGreaterThanOrEqual(500);
  });

  it("deauthorized - an account no tenant holds is unmatched, and no tenant is written", async () => {
    const { deauthorized, unmatched } = await paidThenDisconnected();
    const stranger = { ...deauthorized, id: "evt_stranger", account: "acct_stranger" };
    const [result] = await t.deliver([stranger as Stripe.Event]);
    expect(result).toMatchObject({ outcome: "unmatched" });
    expect(unmatched).toEqual([
      {
        eventId: "evt_stranger",
        eventType: "account.application.deauthorized",
        account: "acct_stranger",
        tenantId: null,
        reason: "no tenant holds Stripe account acct_stranger",
      },
    ]);
    expect((await t.remit.tenants.get(t.ctx)).paymentAccounts.stripe).not.toHaveProperty(
      "disconnectedAt",
    );
  });
});
