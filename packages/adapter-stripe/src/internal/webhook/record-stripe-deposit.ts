import { wasReplayed } from "@remit/core";
import { metadataKeys } from "../metadata-keys";
import { fromStripeAmount } from "../to-stripe-amount";
import { methodOf, type PaymentFacts, paymentKeyOf } from "./payment-facts";
import { accountKey, memoryOf, paymentPlace, recallFor } from "./webhook-memory";
import { settle, step, tenantOf, type WebhookScope, type WebhookStep } from "./webhook-scope";

/**
 * Records the money of a deposit checkout (a PaymentIntent whose metadata names a quote) once, as
 * `remit.quotes.recordDeposit` with the `stripe` provider actor, whichever of
 * `checkout.session.completed`, `checkout.session.async_payment_succeeded` or
 * `payment_intent.succeeded` reports it first: the same idempotency key as an invoice payment (one
 * per PaymentIntent), so a redelivered event records nothing twice. A deposit in another currency
 * than the quote's is not Remit's to record (`ignored`, with the reason).
 */
export async function recordStripeDeposit(
  scope: WebhookScope,
  facts: PaymentFacts,
  quoteId: string,
): Promise<WebhookStep> {
  const memory = memoryOf(scope).payments;
  const paymentKey = accountKey(scope, facts.paymentIntentId);
  const place = (tenantId: string | undefined) => paymentPlace(tenantId, `quote/${quoteId}`);
  const duplicate = () =>
    step("duplicate", null, `deposit ${facts.paymentIntentId} is recorded on quote ${quoteId}`);
  if (recallFor(scope)?.payments.get(paymentKey) === place(facts.metadata[metadataKeys.tenantId])) {
    return duplicate();
  }
  const tenant = await tenantOf(scope, facts.metadata);
  if (!tenant) return step("ignored", null, "not a payment Remit started");
  return settle(null, async () => {
    const { quote } = await scope.remit.quotes.get(tenant.context, { id: quoteId });
    const currency = facts.currency.toUpperCase();
    if (currency !== quote.currency) {
      return step(
        "ignored",
        null,
        `deposit ${facts.paymentIntentId} is in ${currency}, quote ${quoteId} in ${quote.currency}`,
      );
    }
    if (facts.chargedMinor <= 0) return step("ignored", null, "nothing was paid");
    const result = await scope.remit.quotes.recordDeposit(tenant.context, {
      id: quoteId,
      amount: fromStripeAmount(facts.chargedMinor, currency),
      method: methodOf(facts.paymentMethodTypes),
      reference: facts.paymentIntentId,
      idempotencyKey: paymentKeyOf(facts.paymentIntentId),
    });
    memory.set(paymentKey, place(tenant.tenantId));
    if (wasReplayed(result)) return duplicate();
    return step("recorded", null, `deposit ${facts.paymentIntentId} recorded on quote ${quoteId}`);
  });
}
