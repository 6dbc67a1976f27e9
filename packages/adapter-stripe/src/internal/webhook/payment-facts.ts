import type { PaymentMethod } from "@remit/core";

/** What a Checkout Session or a PaymentIntent says about money received. */
export type PaymentFacts = {
  paymentIntentId: string;
  /** What Stripe charged in all, in its minor units (invoice part + surcharge). */
  chargedMinor: number;
  currency: string;
  metadata: Record<string, string>;
  paymentMethodTypes: readonly string[];
};

const methodOfStripeType: Record<string, PaymentMethod> = {
  card: "card",
  link: "card",
  us_bank_account: "ach",
  sepa_debit: "bank_transfer",
  bacs_debit: "bank_transfer",
  acss_debit: "bank_transfer",
  au_becs_debit: "bank_transfer",
  customer_balance: "bank_transfer",
};

/**
 * Remit's method for the payment method types a session or intent allowed. Both report the same
 * list, so either event records the same payment; a mix of kinds is `"other"`.
 */
export function methodOf(types: readonly string[]): PaymentMethod {
  const methods = new Set(types.map((type) => methodOfStripeType[type] ?? "other"));
  const [only] = methods;
  return methods.size === 1 && only ? only : "other";
}

/** The idempotency key of the payment a PaymentIntent made: one payment per intent. */
export function paymentKeyOf(paymentIntentId: string): string {
  return `stripe:payment:${paymentIntentId}`;
}
