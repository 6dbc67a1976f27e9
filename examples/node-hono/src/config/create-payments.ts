import { createStripePayments, type StripePayments } from "@remit/adapter-stripe";
import type { ExampleServices } from "./create-service-clients";

/**
 * Remit's Stripe provider from the Stripe settings, or `undefined` without them (the hosted page
 * then offers payment instructions only). One secret per webhook endpoint: the platform's, and the
 * Connect endpoint's when events from connected accounts come to a separate endpoint.
 */
export function createPayments(stripe: ExampleServices["stripe"]): StripePayments | undefined {
  if (!stripe) return undefined;
  return createStripePayments({
    stripe: stripe.client,
    webhookSecrets: stripe.connectWebhookSecret
      ? { platform: stripe.webhookSecret, connect: stripe.connectWebhookSecret }
      : [stripe.webhookSecret],
    ...(stripe.applicationFeePercent
      ? { applicationFeePercent: stripe.applicationFeePercent }
      : {}),
  });
}
