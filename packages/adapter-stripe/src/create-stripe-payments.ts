import type { Context, Invoice, PaymentProvider, Quote, Refund, Remit, Tenant } from "@remit/core";
import { parseWithSchema, ValidationError } from "@remit/core";
import type Stripe from "stripe";
import { z } from "zod";
import {
  type ConnectAccountInput,
  type ConnectedStripeAccount,
  type CreateAccountLinkInput,
  connectStripeAccount,
  createStripeAccountLink,
  syncStripeAccount,
} from "./connect-account";
import {
  createCheckoutSession,
  type StartCheckoutInput,
  type StripeCheckout,
  startStripeCheckout,
} from "./create-checkout";
import {
  createDepositCheckoutSession,
  type StripeDepositCheckout,
} from "./create-deposit-checkout";
import {
  type ExpireOpenCheckoutsInput,
  expireOpenStripeCheckouts,
  registerCheckoutExpiry,
} from "./expire-open-checkouts";
import { requestStripeRefund } from "./internal/request-refund";
import {
  isSupportedStripeApiVersion,
  unsupportedStripeApiVersionMessage,
} from "./internal/stripe-api-version";
import {
  rememberConfig,
  type StripePaymentsConfig,
  type StripeUnmatchedEvent,
} from "./internal/stripe-payments-config";
import { refundableStripeAmount } from "./internal/to-stripe-amount";

const secretSchema = z
  .string()
  .regex(/^whsec_\S+$/, "must be a webhook signing secret (whsec_…) from the endpoint's settings");

const percentSchema = z
  .union([z.string(), z.number()])
  .transform((value) => String(value))
  .refine(
    (value) => /^\d{1,2}(\.\d{1,4})?$/.test(value),
    'must be a percent from 0 to 99.9999, such as "2.9"',
  );

/**
 * The options of `createStripePayments`.
 * @group Payments
 */
export const stripePaymentsOptionsSchema = z.object({
  /** Your platform's `stripe` client (`new Stripe(secretKey)`). */
  stripe: z.custom<Stripe>(
    (value) =>
      typeof value === "object" &&
      value !== null &&
      "checkout" in value &&
      "webhooks" in value &&
      "refunds" in value,
    "must be a Stripe client: new Stripe(secretKey)",
  ),
  /**
   * Signing secrets of your webhook endpoints: the platform endpoint's and the Connect endpoint's
   * (events from connected accounts). Each event is checked against each.
   */
  webhookSecrets: z.union([
    z.object({ platform: secretSchema, connect: secretSchema }),
    z.array(secretSchema).min(1).max(10),
  ]),
  /** The platform's cut of each online payment, as a percent of the invoice amount paid. */
  applicationFeePercent: percentSchema.optional(),
  /**
   * A card surcharge, as a percent of the invoice amount paid, shown as its own line on
   * card-only checkouts and never counted as payment of the invoice. Check the rules where your
   * tenants work (caps, disclosure, no debit cards) before turning it on.
   */
  cardSurchargePercent: percentSchema.optional(),
  /** Whether a refund also returns the application fee to the contractor. Default true. */
  refundApplicationFee: z.boolean().default(true),
  /** Methods a checkout offers: `"card"`, `"ach"` (US bank debit). Default `["card"]`. */
  paymentMethods: z
    .array(z.enum(["card", "ach"]))
    .min(1)
    .max(2)
    .default(["card"]),
  /** How old (seconds) a webhook signature may be. Default 300, as Stripe's SDK. */
  webhookToleranceSeconds: z.number().int().min(1).max(86_400).default(300),
  /**
   * Called for each verified event Remit answers as unmatched without writing anything (an event
   * naming a tenant Remit never saved), with the reason: store it or alert on it. Awaited; if it
   * throws, the webhook throws too, so Stripe delivers the event again.
   */
  onUnmatched: z
    .custom<(event: StripeUnmatchedEvent) => void | Promise<void>>(
      (value) => typeof value === "function",
      "must be a function",
    )
    .optional(),
  /** Where the webhook handler logs what it did not record (an unmatched event). Default `console`. */
  logger: z
    .custom<{ warn(message: string, details?: unknown): void }>(
      (value) =>
        typeof value === "object" &&
        value !== null &&
        typeof (value as { warn?: unknown }).warn === "function",
      "must have a warn(message, details) method, as console has",
    )
    .optional(),
});

/** @group Payments @interface */
export type StripePaymentsOptions = z.input<typeof stripePaymentsOptionsSchema>;

/**
 * Remit's Stripe payment provider, with the Connect helpers a host app calls. Pass it to
 * `createRemit({ payments: { stripe } })` and to `handleStripeWebhook`.
 * @group Payments
 */
export type StripePayments = PaymentProvider & {
  readonly name: "stripe";
  /** The client it was made with. */
  readonly stripe: Stripe;
  /** Port: a Checkout Session for `amount` of the invoice; needs `tenant`. */
  createCheckout(input: {
    invoice: Invoice;
    amount: string;
    successUrl: string;
    cancelUrl: string;
    tenant?: Tenant;
  }): Promise<StripeCheckout>;
  /**
   * Port: a Checkout Session for `amount` of an approved quote's deposit (the hosted quote page's
   * "Pay deposit"); its webhook records the deposit. @since 0.3.0
   */
  createDepositCheckout(input: {
    quote: Quote;
    amount: string;
    successUrl: string;
    cancelUrl: string;
    tenant: Tenant;
  }): Promise<StripeDepositCheckout>;
  /** Port: refunds through Stripe (run by the outbox worker). */
  refund(input: {
    refund: Refund;
    providerPaymentReference: string;
    tenant?: Tenant;
  }): Promise<{ providerRefundId: string; status: "pending" | "succeeded" | "failed" }>;
  /**
   * Port: the largest part of `amount` Stripe can refund (three-decimal currencies in multiples
   * of ten minor units); `remit.invoices.refund` keeps the rest on the invoice.
   */
  refundableAmount(input: { amount: string; currency: string }): {
    refundable: string;
    reason: string | null;
  };
  /** Creates (or returns) the tenant's connected account. */
  connectAccount(
    remit: Remit,
    context: Context,
    input: ConnectAccountInput,
  ): Promise<ConnectedStripeAccount>;
  /** An onboarding link for the tenant's connected account. */
  createAccountLink(
    remit: Remit,
    context: Context,
    input: CreateAccountLinkInput,
  ): Promise<{ url: string; expiresAt: string }>;
  /** Reads the connected account's status from Stripe onto the tenant. */
  syncAccount(remit: Remit, context: Context): Promise<ConnectedStripeAccount | null>;
  /** The Pay button: a Checkout Session for the invoice's amount due (or a part). */
  startCheckout(remit: Remit, context: Context, input: StartCheckoutInput): Promise<StripeCheckout>;
  /** Expires an invoice's open Checkout Sessions. */
  expireOpenCheckouts(
    remit: Remit,
    context: Context,
    input: ExpireOpenCheckoutsInput,
  ): Promise<{ expired: string[] }>;
  /** Registers outbox handlers that expire open sessions on update, cancel and payment. */
  expireCheckoutsOnChange(remit: Remit): () => void;
};

/**
 * Creates Remit's payment provider on Stripe Connect: each tenant (contractor) connects its own
 * Stripe account, and its customers pay it directly through Checkout (direct charges), with an
 * optional application fee for the platform.
 *
 * @example
 * ```ts
 * const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
 * const payments = createStripePayments({
 *   stripe,
 *   webhookSecrets: { platform: "whsec_…", connect: "whsec_…" },
 *   applicationFeePercent: "1",
 * });
 * const remit = createRemit({ store, payments: { stripe: payments } });
 * payments.expireCheckoutsOnChange(remit);
 * ```
 * @group Payments
 */
export function createStripePayments(options: StripePaymentsOptions): StripePayments {
  const parsed = parseWithSchema(stripePaymentsOptionsSchema, options, { pathPrefix: "options" });
  // The adapter reads fields by their names in a range of API versions: refuse others up front.
  const apiVersion: unknown =
    typeof parsed.stripe.getApiField === "function" ? parsed.stripe.getApiField("version") : null;
  if (typeof apiVersion === "string" && !isSupportedStripeApiVersion(apiVersion)) {
    throw new ValidationError({
      issues: [{ path: "options.stripe", message: unsupportedStripeApiVersionMessage(apiVersion) }],
    });
  }
  const config: StripePaymentsConfig = {
    stripe: parsed.stripe,
    webhookSecrets: Array.isArray(parsed.webhookSecrets)
      ? parsed.webhookSecrets
      : [parsed.webhookSecrets.connect, parsed.webhookSecrets.platform],
    applicationFeePercent: parsed.applicationFeePercent,
    cardSurchargePercent: parsed.cardSurchargePercent,
    refundApplicationFee: parsed.refundApplicationFee,
    paymentMethods: parsed.paymentMethods,
    webhookToleranceSeconds: parsed.webhookToleranceSeconds,
    onUnmatched: parsed.onUnmatched,
    logger: parsed.logger ?? console,
  };
  const payments: StripePayments = {
    specificationVersion: "v1",
    name: "stripe",
    capabilities: { checkout: true, refunds: true },
    stripe: config.stripe,
    createCheckout: (input) => createCheckoutSession(config, input),
    createDepositCheckout: (input) => createDepositCheckoutSession(config, input),
    refund: (input) => requestStripeRefund(config, input),
    refundableAmount: ({ amount, currency }) => refundableStripeAmount(amount, currency),
    connectAccount: (remit, context, input) => connectStripeAccount(config, remit, context, input),
    createAccountLink: (remit, context, input) =>
      createStripeAccountLink(config, remit, context, input),
    syncAccount: (remit, context) => syncStripeAccount(config, remit, context),
    startCheckout: (remit, context, input) => startStripeCheckout(config, remit, context, input),
    expireOpenCheckouts: (remit, context, input) =>
      expireOpenStripeCheckouts(config, remit, context, input),
    expireCheckoutsOnChange: (remit) => registerCheckoutExpiry(config, remit),
  };
  rememberConfig(payments, config);
  return payments;
}
