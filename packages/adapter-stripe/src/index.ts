/**
 * `@remit/adapter-stripe`: contractors get paid online through their own Stripe account.
 *
 * Each tenant (contractor business) connects a Stripe account through Connect; its customers pay
 * invoices on Stripe Checkout, on that account (direct charges), with an optional application fee
 * for the platform. Stripe's webhooks become Remit moves (payments, refunds, disputes, account
 * status), idempotently and in any order; refunds from Remit are moved by the outbox worker.
 *
 * @example
 * ```ts
 * import Stripe from "stripe";
 * import { createRemit } from "@remit/core";
 * import { createStripePayments, handleStripeWebhook } from "@remit/adapter-stripe";
 *
 * const payments = createStripePayments({
 *   stripe: new Stripe(process.env.STRIPE_SECRET_KEY!),
 *   webhookSecrets: { platform: process.env.STRIPE_WEBHOOK_SECRET!, connect: process.env.STRIPE_CONNECT_WEBHOOK_SECRET! },
 * });
 * const remit = createRemit({ store, payments: { stripe: payments } });
 * payments.expireCheckoutsOnChange(remit);
 *
 * // The Pay button on the customer's invoice page:
 * const { url } = await payments.startCheckout(remit, ctx, { invoiceId, successUrl, cancelUrl });
 * // The webhook endpoint:
 * await handleStripeWebhook(remit, payments, { rawBody, signature });
 * ```
 *
 * @module
 */
export {
  type ConnectAccountInput,
  type ConnectedStripeAccount,
  type CreateAccountLinkInput,
  connectAccountInputSchema,
} from "./connect-account";
export {
  type StartCheckoutInput,
  type StripeCheckout,
  startCheckoutInputSchema,
} from "./create-checkout";
export { depositDue, type StripeDepositCheckout } from "./create-deposit-checkout";
export {
  createStripePayments,
  type StripePayments,
  type StripePaymentsOptions,
  stripePaymentsOptionsSchema,
} from "./create-stripe-payments";
export { StripeAccountMismatchError } from "./errors/stripe-account-mismatch-error";
export { checkoutExpiringEvents, type ExpireOpenCheckoutsInput } from "./expire-open-checkouts";
export {
  handleStripeWebhook,
  type StripeWebhookInput,
  type StripeWebhookResult,
  webhookErrorStatus,
} from "./handle-stripe-webhook";
export { supportedStripeApiVersions } from "./internal/stripe-api-version";
export type { StripeUnmatchedEvent } from "./internal/stripe-payments-config";
export { toProviderError } from "./internal/to-provider-error";
export {
  fromStripeAmount,
  refundableStripeAmount,
  type StripeAmount,
  stripeCurrencyRule,
  toStripeAmount,
} from "./internal/to-stripe-amount";
export type { WebhookStep as StripeWebhookStep } from "./internal/webhook/webhook-scope";
