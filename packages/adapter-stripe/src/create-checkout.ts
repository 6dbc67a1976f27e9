import {
  compareMoney,
  InvalidTransitionError,
  type Invoice,
  isMoneyAmount,
  minorUnitsOf,
  parseWithSchema,
  type Remit,
  scaleOfMoney,
  type Tenant,
  ValidationError,
} from "@remit/core";
import type Stripe from "stripe";
import { z } from "zod";
import { chargingAccountOf } from "./internal/charging-account";
import { metadataKeys } from "./internal/metadata-keys";
import { parseContext } from "./internal/remit-access";
import { stableHash } from "./internal/stable-hash";
import type { StripeCheckoutMethod, StripePaymentsConfig } from "./internal/stripe-payments-config";
import { callStripe } from "./internal/to-provider-error";
import {
  fromStripeAmount,
  percentOfStripeAmount,
  toStripeAmount,
} from "./internal/to-stripe-amount";

const urlSchema = z.url({ protocol: /^https?$/ }).max(2_000);
const amountSchema = z
  .string()
  .regex(/^\d{1,15}(\.\d{1,4})?$/, 'must be a positive decimal amount such as "125.00"');
const methodsSchema = z
  .array(z.enum(["card", "ach"]))
  .min(1)
  .max(2);

/**
 * What `startCheckout` takes: the invoice, and optionally a part of its amount due.
 * @group Checkout
 */
export const startCheckoutInputSchema = z.object({
  invoiceId: z.string().min(1).max(64),
  /** Defaults to the amount due; less only where the tenant allows partial online payment. */
  amount: amountSchema.optional(),
  successUrl: urlSchema,
  cancelUrl: urlSchema,
  /** Overrides the provider's `paymentMethods` for this checkout. */
  paymentMethods: methodsSchema.optional(),
});

/** @group Checkout @interface */
export type StartCheckoutInput = z.input<typeof startCheckoutInputSchema>;

// The port's input comes from Remit or the host app: check what is read from it.
const portInputSchema = z.object({
  invoice: z.looseObject({
    id: z.string().min(1),
    tenantId: z.string().min(1),
    version: z.number().int(),
    status: z.string(),
    currency: z.string(),
    amountDue: z.string(),
    number: z.string().nullable(),
  }),
  tenant: z.looseObject({ id: z.string().min(1) }, { error: "is required for Stripe Connect" }),
  amount: amountSchema,
  successUrl: urlSchema,
  cancelUrl: urlSchema,
});

/**
 * A Checkout Session made for an invoice, and what it charges.
 * @group Checkout
 */
export type StripeCheckout = {
  /** Where to send the customer (Stripe's hosted page). */
  url: string;
  /** The Checkout Session id (`cs_…`), on the tenant's connected account. */
  providerReference: string;
  sessionId: string;
  /** The part of the invoice paid, as asked. */
  amount: string;
  /** That part as Stripe charges it (rounded up to what the currency allows). */
  charged: string;
  /** `charged − amount`; kept as credit on the invoice once paid. */
  excess: string;
  /** The card surcharge line, or `null`; never counted as payment of the invoice. */
  surcharge: string | null;
  /** What the customer pays in all: `charged + surcharge`. */
  total: string;
  /** The platform's application fee, or `null`. */
  applicationFee: string | null;
  /** When Stripe expires the session if unpaid (UTC ISO 8601). */
  expiresAt: string | null;
};

/** Stripe's payment method type of each Remit checkout method. */
export const stripeMethodOf: Record<StripeCheckoutMethod, "card" | "us_bank_account"> = {
  card: "card",
  ach: "us_bank_account",
};

function assertPayable(invoice: Invoice, tenant: Tenant, amount: string) {
  if (tenant.id !== invoice.tenantId) {
    throw new ValidationError({
      issues: [{ path: "tenant", message: "must be the invoice's tenant" }],
    });
  }
  const account = chargingAccountOf(tenant);
  if (invoice.status !== "pending_payment" && invoice.status !== "past_due") {
    throw new InvalidTransitionError({
      status: invoice.status,
      move: "pay online",
      reason: "only an issued invoice with an amount due can be paid",
    });
  }
  if (!isMoneyAmount(amount) || compareMoney(amount, "0") <= 0) {
    throw new ValidationError({ issues: [{ path: "amount", message: "must be positive" }] });
  }
  if (scaleOfMoney(amount) > minorUnitsOf(invoice.currency)) {
    throw new ValidationError({
      issues: [
        {
          path: "amount",
          message: `an amount in ${invoice.currency} has at most ${minorUnitsOf(invoice.currency)} decimals`,
        },
      ],
    });
  }
  const comparison = compareMoney(amount, invoice.amountDue);
  if (comparison > 0) {
    throw new ValidationError({
      issues: [{ path: "amount", message: `must be at most the amount due, ${invoice.amountDue}` }],
    });
  }
  if (comparison < 0 && !tenant.allowPartialOnlinePayment) {
    throw new ValidationError({
      issues: [
        {
          path: "amount",
          message: "the tenant does not allow partial online payment: pay the amount due",
        },
      ],
    });
  }
  return account;
}

/**
 * Creates a Checkout Session on the tenant's connected account (direct charge) for `amount` of
 * the invoice. The invoice and tenant ids go in the metadata of the session and of its
 * PaymentIntent; an application fee and a card surcharge line are added when configured.
 */
export async function createCheckoutSession(
  config: StripePaymentsConfig,
  rawInput: {
    invoice: Invoice;
    tenant?: Tenant;
    amount: string;
    successUrl: string;
    cancelUrl: string;
    paymentMethods?: readonly StripeCheckoutMethod[];
  },
): Promise<StripeCheckout> {
  const parsed = parseWithSchema(portInputSchema, rawInput);
  const invoice = rawInput.invoice;
  const tenant = rawInput.tenant as Tenant;
  const account = assertPayable(invoice, tenant, parsed.amount);
  const methods = rawInput.paymentMethods ?? config.paymentMethods;
  const currency = invoice.currency;
  const invoicePart = toStripeAmount(parsed.amount, currency);
  // A surcharge may only be added to card payments, so only to a card-only checkout.
  const cardOnly = methods.length === 1 && methods[0] === "card";
  const surchargeMinor =
    cardOnly && config.cardSurchargePercent
      ? percentOfStripeAmount(invoicePart.minor, config.cardSurchargePercent, currency, "up")
      : 0;
  const feeMinor = config.applicationFeePercent
    ? percentOfStripeAmount(invoicePart.minor, config.applicationFeePercent, currency, "down")
    : 0;
  const partial = compareMoney(parsed.amount, invoice.amountDue);
  const title = invoice.number ? `Invoice ${invoice.number}` : "Invoice";
  const metadata = {
    [metadataKeys.tenantId]: invoice.tenantId,
    [metadataKeys.invoiceId]: invoice.id,
    [metadataKeys.surchargeMinor]: String(surchargeMinor),
  };
  const stripeCurrency = currency.toLowerCase();
  const params: Stripe.Checkout.SessionCreateParams = {
    mode: "payment",
    // Adaptive Pricing would let the customer pay in another currency, at Stripe's rate: the
    // amount Stripe reports would no longer be the invoice's.
    adaptive_pricing: { enabled: false },
    allowed_payment_method_types: methods.map((method) => stripeMethodOf[method]),
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: stripeCurrency,
          unit_amount: invoicePart.minor,
          product_data: { name: partial < 0 ? `Payment toward ${title}` : title },
        },
      },
      ...(surchargeMinor > 0
        ? [
            {
              quantity: 1,
              price_data: {
                currency: stripeCurrency,
                unit_amount: surchargeMinor,
                product_data: { name: `Card surcharge (${config.cardSurchargePercent}%)` },
              },
            },
          ]
        : []),
    ],
    client_reference_id: invoice.id,
    ...(invoice.customer?.email ? { customer_email: invoice.customer.email } : {}),
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
      // The same invoice version and request give the same session: a double click pays once.
      idempotencyKey: `remit:checkout:${invoice.id}:${invoice.version}:${stableHash(params)}`,
    }),
  );
  if (!session.url) {
    throw new ValidationError({
      issues: [{ path: "session.url", message: "Stripe returned a session without a URL" }],
    });
  }
  return {
    url: session.url,
    providerReference: session.id,
    sessionId: session.id,
    amount: parsed.amount,
    charged: invoicePart.charged,
    excess: invoicePart.excess,
    surcharge: surchargeMinor > 0 ? fromStripeAmount(surchargeMinor, currency) : null,
    total: fromStripeAmount(invoicePart.minor + surchargeMinor, currency),
    applicationFee: feeMinor > 0 ? fromStripeAmount(feeMinor, currency) : null,
    expiresAt: session.expires_at ? new Date(session.expires_at * 1000).toISOString() : null,
  };
}

/**
 * Starts an online payment of an invoice: reads the invoice and its tenant from Remit and creates
 * the Checkout Session (see {@link createCheckoutSession}).
 */
export async function startStripeCheckout(
  config: StripePaymentsConfig,
  remit: Remit,
  rawContext: unknown,
  rawInput: StartCheckoutInput,
): Promise<StripeCheckout> {
  const context = parseContext(rawContext);
  const input = parseWithSchema(startCheckoutInputSchema, rawInput);
  const [{ invoice }, tenant] = await Promise.all([
    remit.invoices.get(context, { id: input.invoiceId }),
    remit.tenants.get(context),
  ]);
  return createCheckoutSession(config, {
    invoice,
    tenant,
    amount: input.amount ?? invoice.amountDue,
    successUrl: input.successUrl,
    cancelUrl: input.cancelUrl,
    ...(input.paymentMethods ? { paymentMethods: input.paymentMethods } : {}),
  });
}
