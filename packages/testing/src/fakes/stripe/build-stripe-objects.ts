import type Stripe from "stripe";
import stripeFixtures from "./fixtures/stripe-fixtures.json";

// Stripe's own example objects (the ones stripe-mock answers with), copied from stripe/openapi's
// fixtures3.json into ./fixtures with its MIT license (shipped beside the build). Every object the
// fake answers with starts from one of them; the overrides are typed against the `stripe` package's
// own types, so a field renamed in the SDK breaks the build here. The JSON is bundled into the
// build, so it is found whatever the module format.
const fixtures = stripeFixtures as { resources: Record<string, unknown> };

function fixture<T>(name: string): T {
  const found = fixtures.resources[name];
  if (!found) throw new Error(`No Stripe fixture for ${name}`);
  return structuredClone(found) as T;
}

/** An account, from Stripe's fixture. */
export function buildAccount(overrides: Partial<Stripe.Account> & { id: string }): Stripe.Account {
  return { ...fixture<Stripe.Account>("account"), ...overrides };
}

export function buildAccountLink(overrides: Partial<Stripe.AccountLink>): Stripe.AccountLink {
  return { ...fixture<Stripe.AccountLink>("account_link"), ...overrides };
}

export function buildCheckoutSession(
  overrides: Partial<Stripe.Checkout.Session> & { id: string },
): Stripe.Checkout.Session {
  return {
    ...fixture<Stripe.Checkout.Session>("checkout.session"),
    // The fixture's sample values that a fresh session never has.
    shipping_cost: null,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    currency_conversion: null,
    invoice_creation: null,
    shipping_address_collection: null,
    ...overrides,
  };
}

export function buildPaymentIntent(
  overrides: Partial<Stripe.PaymentIntent> & { id: string },
): Stripe.PaymentIntent {
  return {
    ...fixture<Stripe.PaymentIntent>("payment_intent"),
    canceled_at: null,
    last_payment_error: null,
    next_action: null,
    processing: null,
    transfer_data: null,
    ...overrides,
  };
}

export function buildCharge(overrides: Partial<Stripe.Charge> & { id: string }): Stripe.Charge {
  const charge: Stripe.Charge = {
    ...fixture<Stripe.Charge>("charge"),
    source: null,
    transfer_data: null,
    ...overrides,
  };
  // API versions since 2022-11-15 leave `refunds` out of a charge unless expanded.
  delete charge.refunds;
  return charge;
}

export function buildRefund(overrides: Partial<Stripe.Refund> & { id: string }): Stripe.Refund {
  return { ...fixture<Stripe.Refund>("refund"), ...overrides };
}

export function buildDispute(overrides: Partial<Stripe.Dispute> & { id: string }): Stripe.Dispute {
  return { ...fixture<Stripe.Dispute>("dispute"), ...overrides };
}

/** The platform's Connect application (the `data.object` of `account.application.*`). */
export function buildApplication(
  overrides: Partial<Stripe.Application> & { id: string },
): Stripe.Application {
  return { ...fixture<Stripe.Application>("application"), ...overrides };
}

/** An event as Stripe sends it to a webhook endpoint, around `object`. */
export function buildEvent(input: {
  id: string;
  type: Stripe.Event["type"];
  object: { object: string };
  account: string | null;
  created: number;
  previousAttributes?: Record<string, unknown>;
}): Stripe.Event {
  const base = fixture<Stripe.Event>("event");
  return {
    ...base,
    id: input.id,
    type: input.type,
    created: input.created,
    api_version: "2026-10-28.endive",
    pending_webhooks: 1,
    ...(input.account ? { account: input.account } : {}),
    data: {
      object: input.object,
      ...(input.previousAttributes ? { previous_attributes: input.previousAttributes } : {}),
    },
  } as Stripe.Event;
}
