import {
  compareMoney,
  InvalidTransitionError,
  minorUnitsOf,
  parseWithSchema,
  type Quote,
  scaleOfMoney,
  subtractMoney,
  type Tenant,
  ValidationError,
} from "@remit/core";
import type Stripe from "stripe";
import { z } from "zod";
import { stripeMethodOf } from "./create-checkout";
import { chargingAccountOf } from "./internal/charging-account";
import { metadataKeys } from "./internal/metadata-keys";
import { stableHash } from "./internal/stable-hash";
import type { StripePaymentsConfig } from "./internal/stripe-payments-config";
import { callStripe } from "./internal/to-provider-error";
import { percentOfStripeAmount, toStripeAmount } from "./internal/to-stripe-amount";

const urlSchema = z.url({ protocol: /^https?$/ }).max(2_000);

// The port's input comes from Remit or the host app: check what is read from it.
const depositInputSchema = z.object({
  quote: z.looseObject({
    id: z.string().min(1),
    tenantId: z.string().min(1),
    version: z.number().int(),
    status: z.string(),
    currency: z.string(),
    depositRequired: z.string().nullable(),
    depositHeld: z.string(),
  }),
  tenant: z.looseObject({ id: z.string().min(1) }, { error: "is required for Stripe Connect" }),
  amount: z
    .string()
    .regex(/^\d{1,15}(\.\d{1,4})?$/, 'must be a positive decimal amount such as "125.00"'),
  successUrl: urlSchema,
  cancelUrl: urlSchema,
});

/**
 * A Checkout Session made for a quote's deposit.
 * @group Checkout
 */
export type StripeDepositCheckout = {
  /** Where to send the customer (Stripe's hosted page). */
  url: string;
  /** The Checkout Session id (`cs_…`), on the tenant's connected account. */
  providerReference: string;
};

/** What of the deposit is still to pay: asked less held, never below zero. */
export function depositDue(quote: Quote): string {
  if (quote.depositRequired === null) return "0";
  const digits = minorUnitsOf(quote.currency);
  const due = subtractMoney(digits, quote.depositRequired, quote.depositHeld);
  return compareMoney(due, "0") > 0 ? due : "0";
}

function assertDepositPayable(quote: Quote, tenant: Tenant, amount: string) {
  if (tenant.id !== quote.tenantId) {
    throw new ValidationError({
      issues: [{ path: "tenant", message: "must be the quote's tenant" }],
    });
  }
  const account = chargingAccountOf(tenant);
  // `recordDeposit` takes money on approved quotes only: a deposit paid before would be refused.
  if (quote.status !== "approved") {
    throw new InvalidTransitionError({
      status: quote.status,
      move: "pay deposit online",
      reason: "only an approved quote takes a deposit",
    });
  }
  if (scaleOfMoney(amount) > minorUnitsOf(quote.currency)) {
    throw new ValidationError({
      issues: [
        {
          path: "amount",
          message: `an amount in ${quote.currency} has at most ${minorUnitsOf(quote.currency)} decimals`,
        },
      ],
    });
  }
  const due = depositDue(quote);
  if (compareMoney(amount, "0") <= 0 || compareMoney(amount, due) > 0) {
    throw new ValidationError({
      issues: [
        {
          path: "amount",
          message: `must be positive and at most the deposit still to pay, ${due}`,
        },
      ],
    });
  }
  return account;
}

/**
 * Creates a Checkout Session on the tenant's connected account (direct charge) for `amount` of a
 * quote's deposit: the hosted quote page's "Pay deposit". The tenant and quote ids go in the
 * metadata of the session and its PaymentIntent, so `handleStripeWebhook` records the money with
 * `remit.quotes.recordDeposit`, once per PaymentIntent. The platform's application fee applies as
 * to invoices; no card surcharge is added to a deposit.
 */
export async function createDepositCheckoutSession(
  config: StripePaymentsConfig,
  rawInput: { quote: Quote; tenant: Tenant; amount: string; successUrl: string; cancelUrl: string },
): Promise<StripeDepositCheckout> {
  const parsed = parseWithSchema(depositInputSchema, rawInput);
  const { quote, tenant } = rawInput;
  const account = assertDepositPayable(quote, tenant, parsed.amount);
  const currency = quote.currency;
  const deposit = toStripeAmount(parsed.amount, currency);
  const feeMinor = config.applicationFeePercent
    ? percentOfStripeAmount(deposit.minor, config.applicationFeePercent, currency, "down")
    : 0;
  const title = `Deposit for ${quote.title}`;
  const metadata = {
    [metadataKeys.tenantId]: quote.tenantId,
    [metadataKeys.quoteId]: quote.id,
    [metadataKeys.surchargeMinor]: "0",
  };
  const params: Stripe.Checkout.SessionCreateParams = {
    mode: "payment",
    // As for invoices: the deposit is charged in the quote's currency, never converted.
    adaptive_pricing: { enabled: false },
    allowed_payment_method_types: config.paymentMethods.map((method) => stripeMethodOf[method]),
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: currency.toLowerCase(),
          unit_amount: deposit.minor,
          product_data: { name: title },
        },
      },
    ],
    client_reference_id: quote.id,
    ...(quote.customer.email ? { customer_email: quote.customer.email } : {}),
    success_url: parsed.successUrl,
    cancel_url: parsed.cancelUrl,
    metadata,
    payment_intent_data: {
      description: title,
      metadata,
      ...(feeMinor > 0 ? { application_fee_amount: feeMinor } : {}),
    },
  };
  const session = await callStripe(() =>
    config.stripe.checkout.sessions.create(params, {
      stripeAccount: account.accountId,
      // The same quote version and request give the same session: a double click pays once.
      idempotencyKey: `remit:deposit-checkout:${quote.id}:${quote.version}:${stableHash(params)}`,
    }),
  );
  if (!session.url) {
    throw new ValidationError({
      issues: [{ path: "session.url", message: "Stripe returned a session without a URL" }],
    });
  }
  return { url: session.url, providerReference: session.id };
}
