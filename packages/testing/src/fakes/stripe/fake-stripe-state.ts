import type Stripe from "stripe";

/** Everything the fake Stripe holds; connected-account objects are keyed by account. */
export type FakeStripeState = {
  accounts: Map<string, Stripe.Account>;
  sessions: Map<
    string,
    {
      account: string;
      session: Stripe.Checkout.Session;
      /** `payment_intent_data`, for the PaymentIntent made when the session is paid. */
      feeMinor: number;
      intentMetadata: Record<string, string>;
      intentDescription: string | null;
    }
  >;
  intents: Map<string, { account: string; intent: Stripe.PaymentIntent }>;
  charges: Map<string, { account: string; charge: Stripe.Charge }>;
  refunds: Map<string, { account: string; refund: Stripe.Refund }>;
  disputes: Map<string, { account: string; dispute: Stripe.Dispute }>;
  /** Events Stripe would send, oldest first, until a test takes them. */
  outbox: Stripe.Event[];
  /** The fake's clock, in Unix seconds; tests set it to Remit's clock. */
  now: number;
  /** Status new refunds get (card refunds usually succeed at once). */
  refundStatus: "succeeded" | "pending";
  /** Connected accounts whose owner took the platform's access away (`deauthorizeAccount`). */
  deauthorized: Set<string>;
  /** Where a new Checkout Session's `url` points (see `startFakeStripeApi`'s `checkoutPageUrl`). */
  checkoutPageUrl: (sessionId: string) => string;
};

/** Stripe's hosted Checkout page for a session, as Stripe answers `url`. */
export function stripeCheckoutPageUrl(sessionId: string): string {
  return `https://checkout.stripe.com/c/pay/${sessionId}`;
}

export function createFakeStripeState(): FakeStripeState {
  return {
    accounts: new Map(),
    sessions: new Map(),
    intents: new Map(),
    charges: new Map(),
    refunds: new Map(),
    disputes: new Map(),
    outbox: [],
    now: Math.floor(Date.parse("2026-03-02T15:00:00.000Z") / 1000),
    refundStatus: "succeeded",
    deauthorized: new Set(),
    checkoutPageUrl: stripeCheckoutPageUrl,
  };
}

let sequence = 0;

/** A new id in Stripe's style, unique in this process (`cs_test_fake000001`). */
export function fakeId(prefix: string): string {
  sequence += 1;
  return `${prefix}_fake${String(sequence).padStart(6, "0")}`;
}
