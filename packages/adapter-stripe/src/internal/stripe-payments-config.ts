import { ValidationError } from "@remit/core";
import type Stripe from "stripe";

/** Payment methods a checkout may offer, in Remit's words. */
export type StripeCheckoutMethod = "card" | "ach";

/** The validated options of one `createStripePayments` call. */
export type StripePaymentsConfig = {
  stripe: Stripe;
  webhookSecrets: readonly string[];
  applicationFeePercent: string | undefined;
  cardSurchargePercent: string | undefined;
  refundApplicationFee: boolean;
  paymentMethods: readonly StripeCheckoutMethod[];
  webhookToleranceSeconds: number;
  onUnmatched: ((event: StripeUnmatchedEvent) => void | Promise<void>) | undefined;
  logger: { warn(message: string, details?: unknown): void };
};

/**
 * A verified event Remit could not match to a tenant, as `onUnmatched` gets it.
 * @group Webhooks
 */
export type StripeUnmatchedEvent = {
  eventId: string;
  eventType: string;
  /** The connected account the event came from, or `null` for the platform's own. */
  account: string | null;
  /** The tenant id the event's metadata names; `null` when the event was refused before (its API version). */
  tenantId: string | null;
  /** Why it is unmatched, such as `unknown tenant "t_1"`. */
  reason: string;
};

const configs = new WeakMap<object, StripePaymentsConfig>();

export function rememberConfig(payments: object, config: StripePaymentsConfig): void {
  configs.set(payments, config);
}

/** The options behind a provider made by `createStripePayments`. */
export function configOf(payments: unknown): StripePaymentsConfig {
  const config =
    typeof payments === "object" && payments !== null ? configs.get(payments) : undefined;
  if (!config) {
    throw new ValidationError({
      issues: [
        {
          path: "payments",
          message: "must be the provider returned by createStripePayments(...)",
        },
      ],
    });
  }
  return config;
}
