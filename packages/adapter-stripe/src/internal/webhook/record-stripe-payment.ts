import { type InvoiceDetails, type Payment, wasReplayed } from "@remit/core";
import { metadataKeys } from "../metadata-keys";
import { fromStripeAmount } from "../to-stripe-amount";
import { methodOf, type PaymentFacts, paymentKeyOf } from "./payment-facts";
import { recordStripeDeposit } from "./record-stripe-deposit";
import { accountKey, memoryOf, paymentPlace, recallFor } from "./webhook-memory";
import { idOf, type PaymentIntentShape } from "./webhook-objects";
import {
  settle,
  step,
  type TenantScope,
  tenantOf,
  type WebhookScope,
  type WebhookStep,
} from "./webhook-scope";

/** The Remit payment a PaymentIntent (or a reinstated dispute) made, if recorded. */
export function findStripePayment(payments: readonly Payment[], reference: string) {
  return payments.find(
    (payment) =>
      payment.reference === reference &&
      payment.provider === "stripe" &&
      payment.status === "succeeded",
  );
}

/**
 * Records the money of a PaymentIntent once, whichever of `checkout.session.completed`,
 * `checkout.session.async_payment_succeeded` or `payment_intent.succeeded` reports it first: the
 * amount is what Stripe charged less the surcharge (which never counts as payment), keyed by the
 * PaymentIntent id. An unknown invoice or another currency is stored unmatched by Remit. A
 * PaymentIntent of a quote's deposit checkout is recorded on the quote (`recordStripeDeposit`).
 */
export async function recordStripePayment(
  scope: WebhookScope,
  facts: PaymentFacts,
  /** The tenant and the invoice as the caller just read them. */
  known?: { tenant: TenantScope; details: InvoiceDetails },
): Promise<WebhookStep> {
  const invoiceId = facts.metadata[metadataKeys.invoiceId] ?? null;
  // A deposit checkout names a quote instead: the same webhook path, recorded on the quote.
  const quoteId = facts.metadata[metadataKeys.quoteId];
  if (!invoiceId && quoteId && quoteId.length <= 64) {
    return recordStripeDeposit(scope, facts, quoteId);
  }
  const memory = memoryOf(scope).payments;
  const paymentKey = accountKey(scope, facts.paymentIntentId);
  if (
    invoiceId &&
    recallFor(scope)?.payments.get(paymentKey) ===
      paymentPlace(facts.metadata[metadataKeys.tenantId], invoiceId)
  ) {
    return step("duplicate", invoiceId, `payment ${facts.paymentIntentId} is recorded`);
  }
  const tenant = known?.tenant ?? (await tenantOf(scope, facts.metadata));
  if (!tenant || !invoiceId) return step("ignored", null, "not a payment Remit started");
  const recorded = () => memory.set(paymentKey, paymentPlace(tenant.tenantId, invoiceId));
  return settle(invoiceId, async () => {
    const surchargeMinor = Number.parseInt(facts.metadata[metadataKeys.surchargeMinor] ?? "0", 10);
    const amountMinor =
      facts.chargedMinor - (Number.isSafeInteger(surchargeMinor) ? surchargeMinor : 0);
    if (amountMinor <= 0) return step("ignored", invoiceId, "nothing but a surcharge was paid");
    const currency = facts.currency.toUpperCase();
    // A caller that read the invoice already checks its payments; otherwise the payment's key
    // (one per PaymentIntent) tells: a repeat answers with the first result, marked replayed.
    if (known && findStripePayment(known.details.payments, facts.paymentIntentId)) {
      recorded();
      return step("duplicate", invoiceId, `payment ${facts.paymentIntentId} is recorded`);
    }
    const result = await scope.remit.invoices.recordPayment(tenant.context, {
      id: invoiceId,
      amount: fromStripeAmount(amountMinor, currency),
      currency,
      method: methodOf(facts.paymentMethodTypes),
      reference: facts.paymentIntentId,
      idempotencyKey: paymentKeyOf(facts.paymentIntentId),
    });
    if (result.invoice === null) {
      return step("unmatched", invoiceId, `payment ${facts.paymentIntentId} stored as unmatched`);
    }
    recorded();
    if (wasReplayed(result)) {
      return step("duplicate", invoiceId, `payment ${facts.paymentIntentId} is recorded`);
    }
    return step("recorded", invoiceId, `payment ${facts.paymentIntentId} recorded`);
  });
}

/** The facts of a succeeded PaymentIntent. */
export function factsOfIntent(intent: PaymentIntentShape): PaymentFacts {
  return {
    paymentIntentId: intent.id,
    chargedMinor: intent.amount_received || intent.amount,
    currency: intent.currency,
    metadata: intent.metadata ?? {},
    paymentMethodTypes: intent.payment_method_types,
  };
}

/**
 * Reports a failed attempt to pay (a declined card, a returned ACH debit) as
 * `invoice.payment_failed`, once per attempt (the failed charge).
 */
export async function reportStripePaymentFailure(
  scope: WebhookScope,
  intent: PaymentIntentShape,
): Promise<WebhookStep> {
  const metadata = intent.metadata ?? {};
  const invoiceId = metadata[metadataKeys.invoiceId] ?? null;
  const tenant = await tenantOf(scope, metadata);
  if (!tenant || !invoiceId) return step("ignored", null, "not a payment Remit started");
  const failure = intent.last_payment_error;
  const attempt = failure?.charge ?? idOf(intent.latest_charge) ?? scope.event.id;
  return settle(invoiceId, async () => {
    await scope.remit.invoices.reportPaymentFailure(tenant.context, {
      id: invoiceId,
      reference: intent.id,
      reason: failure?.decline_code || failure?.code || failure?.message || "payment_failed",
      idempotencyKey: `stripe:payment-failed:${intent.id}:${attempt}`,
    });
    return step("recorded", invoiceId, `payment failure of ${intent.id} reported`);
  });
}
