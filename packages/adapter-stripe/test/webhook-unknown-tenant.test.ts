import { createMemoryProbe } from "@remit/testing";
import type Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import type { StripeUnmatchedEvent } from "../src/index";
import { createStripeTest, type StripeTest } from "./support/stripe-test-harness";

let t: StripeTest;
afterEach(() => t?.close());

const unmatched: StripeUnmatchedEvent[] = [];
const warnings: unknown[][] = [];
const hooks = {
  onUnmatched: (event: StripeUnmatchedEvent) => {
    unmatched.push(event);
  },
  logger: { warn: (...args: unknown[]) => warnings.push(args) },
};

/** Everything the store holds for these tenants, to show nothing was written. */
async function snapshot(tenantIds: string[]) {
  const probe = createMemoryProbe(t.memory);
  const tables = ["invoices", "payments", "refunds", "events", "jobs", "idempotency"] as const;
  return Promise.all(
    tenantIds.map(async (tenantId) => ({
      counts: await Promise.all(tables.map((table) => probe.count(tenantId, table))),
      tenant: await t.remit.tenants.get({ tenantId, actor: { type: "system" } }),
    })),
  );
}

describe("events naming a tenant Remit does not have", () => {
  it("unknown tenant - a payment event answers 2xx as unmatched with the reason, writes nothing, calls onUnmatched", async () => {
    unmatched.length = 0;
    warnings.length = 0;
    t = await createStripeTest({ payments: hooks });
    const invoice = await t.issuedInvoice("99.00");
    const session = await t.checkout(invoice.id);
    const events = t.fake.pay(session.sessionId);
    const completed = events.find((event) => event.type === "checkout.session.completed");
    const forged = structuredClone(completed) as Stripe.CheckoutSessionCompletedEvent;
    forged.data.object.metadata = { ...forged.data.object.metadata, remit_tenant_id: "ghost" };
    const before = await snapshot(["acme", "ghost"]);

    const results = await t.deliver([forged, forged]);
    expect(results.map((result) => result.outcome)).toEqual(["unmatched", "unmatched"]);
    expect(results[0]?.steps).toEqual([
      { outcome: "unmatched", invoiceId: null, detail: 'unknown tenant "ghost"' },
    ]);
    expect(await snapshot(["acme", "ghost"])).toEqual(before);
    expect(unmatched).toEqual([
      {
        eventId: forged.id,
        eventType: "checkout.session.completed",
        account: t.accountId,
        tenantId: "ghost",
        reason: 'unknown tenant "ghost"',
      },
      expect.objectContaining({ eventId: forged.id }),
    ]);
    expect(warnings).toHaveLength(2);
  });

  it("unknown tenant - a refund whose PaymentIntent names an unknown tenant is unmatched too", async () => {
    unmatched.length = 0;
    t = await createStripeTest({ payments: hooks });
    const invoice = await t.issuedInvoice("40.00");
    const session = await t.checkout(invoice.id);
    t.fake.pay(session.sessionId);
    const intentId = String(t.fake.state.sessions.get(session.sessionId)?.session.payment_intent);
    const intent = t.fake.state.intents.get(intentId)?.intent;
    if (!intent) throw new Error("no intent");
    intent.metadata = { ...intent.metadata, remit_tenant_id: "ghost" };
    const { events } = t.fake.refundInDashboard(intentId, 1000);
    const before = await snapshot(["acme", "ghost"]);
    const results = await t.deliver(events);
    expect(results.map((result) => result.outcome)).toEqual(["unmatched", "unmatched"]);
    expect(await snapshot(["acme", "ghost"])).toEqual(before);
    expect(unmatched.map((event) => event.eventType)).toEqual([
      "refund.created",
      "charge.refunded",
    ]);
  });
});
