import { isZeroMoney, ProviderError, parseWithSchema, type Refund, type Tenant } from "@remit/core";
import type Stripe from "stripe";
import { z } from "zod";
import { metadataKeys } from "./metadata-keys";
import type { StripePaymentsConfig } from "./stripe-payments-config";
import { callStripe } from "./to-provider-error";
import { toStripeAmount } from "./to-stripe-amount";

/** Remit's view of a Stripe refund's status. */
export function refundStatusOf(status: string | null): "pending" | "succeeded" | "failed" {
  if (status === "succeeded") return "succeeded";
  if (status === "failed" || status === "canceled") return "failed";
  return "pending";
}

// The port's input comes from the outbox worker (or a host app): check what is read from it.
const refundInputSchema = z.object({
  refund: z.looseObject({
    id: z.string().min(1).max(255),
    tenantId: z.string().min(1),
    invoiceId: z.string().nullable(),
    amount: z.string().min(1),
    currency: z.string().length(3),
    reason: z.string().nullable(),
  }),
  providerPaymentReference: z.string(),
  tenant: z.looseObject({ id: z.string() }).optional(),
});

function refusal(message: string): ProviderError {
  return new ProviderError({ provider: "stripe", message, retryable: false });
}

/**
 * The port's `refund`: asks Stripe to refund part or all of a PaymentIntent on the tenant's
 * connected account, with Remit's refund id as the idempotency key (a retried job cannot refund
 * twice) and in the refund's metadata (so its webhooks resolve this refund, not add another).
 */
export async function requestStripeRefund(
  config: StripePaymentsConfig,
  input: { refund: Refund; providerPaymentReference: string; tenant?: Tenant },
): Promise<{ providerRefundId: string; status: "pending" | "succeeded" | "failed" }> {
  parseWithSchema(refundInputSchema, input);
  const { refund, providerPaymentReference, tenant } = input;
  const account = tenant?.paymentAccounts.stripe;
  if (!tenant || tenant.id !== refund.tenantId || !account) {
    throw refusal("the refund's tenant has no connected Stripe account");
  }
  if (!providerPaymentReference.startsWith("pi_")) {
    throw refusal(`"${providerPaymentReference}" is not a Stripe PaymentIntent id`);
  }
  const amount = toStripeAmount(refund.amount, refund.currency);
  if (!isZeroMoney(amount.excess)) {
    throw refusal(
      `${refund.amount} ${refund.currency} cannot be refunded exactly at Stripe (it takes ${amount.charged})`,
    );
  }
  const params: Stripe.RefundCreateParams = {
    payment_intent: providerPaymentReference,
    amount: amount.minor,
    metadata: {
      [metadataKeys.tenantId]: refund.tenantId,
      [metadataKeys.invoiceId]: refund.invoiceId ?? "",
      [metadataKeys.refundId]: refund.id,
      ...(refund.reason ? { [metadataKeys.reason]: refund.reason.slice(0, 500) } : {}),
    },
    ...(config.applicationFeePercent
      ? { refund_application_fee: config.refundApplicationFee }
      : {}),
  };
  const created = await callStripe(() =>
    config.stripe.refunds.create(params, {
      stripeAccount: account.accountId,
      idempotencyKey: refund.id,
    }),
  );
  return { providerRefundId: created.id, status: refundStatusOf(created.status) };
}
