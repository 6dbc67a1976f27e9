import {
  compareMoney,
  type InvoiceDetails,
  type Payment,
  roundMoney,
  scaleOfMoney,
  subtractMoney,
} from "@remit/core";
import { metadataKeys } from "../metadata-keys";
import { refundStatusOf } from "../request-refund";
import { fromStripeAmount } from "../to-stripe-amount";
import { factsOfIntent, findStripePayment, recordStripePayment } from "./record-stripe-payment";
import { accountKey, memoryOf, recallFor } from "./webhook-memory";
import { idOf, type PaymentIntentShape, type RefundShape } from "./webhook-objects";
import {
  invoiceDetails,
  retrievePaymentIntent,
  settle,
  step,
  type TenantScope,
  tenantOf,
  type WebhookScope,
  type WebhookStep,
} from "./webhook-scope";

type PaidInvoice = { tenant: TenantScope; details: InvoiceDetails; payment: Payment };

/**
 * The invoice and the Remit payment of a PaymentIntent, recording the payment first if its own
 * events have not arrived yet (events come in any order). `null` when there is none to refund:
 * not Remit's payment, the invoice is unknown, or the payment is stored unmatched.
 */
async function paidInvoiceOf(
  scope: WebhookScope,
  intentId: string,
): Promise<PaidInvoice | WebhookStep> {
  const intent: PaymentIntentShape | null = await retrievePaymentIntent(scope, intentId);
  if (!intent) return step("ignored", null, `no PaymentIntent ${intentId} on this account`);
  const tenant = await tenantOf(scope, intent.metadata);
  const invoiceId = intent.metadata?.[metadataKeys.invoiceId];
  if (!tenant || !invoiceId) return step("ignored", null, "not a payment Remit started");
  let details = await invoiceDetails(tenant, scope.remit, invoiceId);
  if (details && !findStripePayment(details.payments, intent.id) && intent.status === "succeeded") {
    await recordStripePayment(scope, factsOfIntent(intent), { tenant, details });
    details = await invoiceDetails(tenant, scope.remit, invoiceId);
  }
  const payment = details ? findStripePayment(details.payments, intent.id) : undefined;
  if (!details || !payment) {
    return step("ignored", invoiceId, `no payment on invoice ${invoiceId} for ${intent.id}`);
  }
  return { tenant, details, payment };
}

/**
 * What of `amount` still counts against the payment: a refund or dispute of the whole charge
 * also returns the surcharge, which was never part of the payment, so Remit counts the invoice
 * part first, up to what of the payment is not yet refunded (pending refunds included).
 */
function countedAmount(amount: string, paid: PaidInvoice): string {
  // Stored amounts carry the currency's digits; Stripe's come back with them (fromStripeAmount).
  const digits = scaleOfMoney(paid.payment.amount);
  let left = paid.payment.amount;
  for (const refund of paid.details.refunds) {
    if (refund.paymentId !== paid.payment.id || refund.status === "failed") continue;
    left = subtractMoney(digits, left, refund.amount);
  }
  const counted = compareMoney(amount, left) <= 0 ? amount : left;
  return compareMoney(counted, "0") > 0 ? roundMoney(counted, digits) : "0";
}

/**
 * A Stripe refund, from `charge.refunded`, `charge.refund.updated` or `refund.created|updated|failed`
 * (each carries the refund as it was then; a refund only leaves `pending` once). One Remit refund per Stripe
 * Refund id (partial refunds of one charge stay separate). A refund Remit requested (its id in the
 * metadata) resolves that pending refund; one made in Stripe's dashboard is recorded once it
 * succeeds.
 */
export async function applyStripeRefund(
  scope: WebhookScope,
  refund: RefundShape,
): Promise<WebhookStep> {
  const intentId = idOf(refund.payment_intent);
  if (!intentId) return step("ignored", null, `refund ${refund.id} has no PaymentIntent`);
  const status = refundStatusOf(refund.status ?? null);
  const remitRefundId = refund.metadata?.[metadataKeys.refundId];
  const memory = memoryOf(scope).refunds;
  const refundKey = accountKey(scope, refund.id);
  // Settled before, from this account: answered as the store would answer it, without reading it.
  const settled = recallFor(scope)?.refunds.get(refundKey);
  if (settled && settled.remitRefundId === (remitRefundId ?? null)) {
    if (!remitRefundId)
      return step("duplicate", settled.invoiceId, `refund ${refund.id} is recorded`);
    if (status === "pending")
      return step("ignored", settled.invoiceId, `refund ${refund.id} is pending`);
    return step("duplicate", settled.invoiceId, `refund ${remitRefundId} is ${settled.status}`);
  }
  const paid = await paidInvoiceOf(scope, intentId);
  if ("outcome" in paid) return paid;
  const { tenant, details, payment } = paid;
  const invoiceId = details.invoice.id;
  const remember = (outcome: "succeeded" | "failed") =>
    memory.set(refundKey, { invoiceId, remitRefundId: remitRefundId ?? null, status: outcome });
  if (remitRefundId) {
    const requested = details.refunds.find((candidate) => candidate.id === remitRefundId);
    if (!requested) return step("ignored", invoiceId, `no Remit refund ${remitRefundId}`);
    if (status === "pending") return step("ignored", invoiceId, `refund ${refund.id} is pending`);
    if (requested.status !== "pending") {
      remember(requested.status);
      return step("duplicate", invoiceId, `refund ${remitRefundId} is ${requested.status}`);
    }
    return settle(invoiceId, async () => {
      await scope.remit.invoices.resolveRefund(tenant.context, {
        id: invoiceId,
        refundId: remitRefundId,
        status,
        providerRefundId: refund.id,
        // The worker resolves with the same key: whichever comes first counts, once.
        idempotencyKey: `resolve-refund:${remitRefundId}`,
      });
      remember(status);
      return step("recorded", invoiceId, `refund ${remitRefundId} ${status}`);
    });
  }
  if (details.refunds.some((candidate) => candidate.providerRefundId === refund.id)) {
    remember("succeeded");
    return step("duplicate", invoiceId, `refund ${refund.id} is recorded`);
  }
  if (status !== "succeeded") {
    return step("ignored", invoiceId, `refund ${refund.id} is ${refund.status ?? "pending"}`);
  }
  const amount = countedAmount(
    fromStripeAmount(refund.amount, refund.currency.toUpperCase()),
    paid,
  );
  if (amount === "0") return step("ignored", invoiceId, "only the surcharge was refunded");
  return settle(invoiceId, async () => {
    await scope.remit.invoices.refund(tenant.context, {
      id: invoiceId,
      paymentId: payment.id,
      amount,
      reason: refund.reason ? `Refunded in Stripe (${refund.reason})` : "Refunded in Stripe",
      providerRefundId: refund.id,
      idempotencyKey: `stripe:refund:${refund.id}`,
    });
    remember("succeeded");
    return step("recorded", invoiceId, `refund ${refund.id} recorded`);
  });
}

/**
 * `charge.dispute.funds_withdrawn` is a refund with reason `"dispute"`; `_reinstated` (the
 * dispute was won) is a new payment of the same amount. Each is keyed by the dispute id.
 */
export async function applyStripeDispute(
  scope: WebhookScope,
  dispute: { id: string; amount: number; currency: string; payment_intent?: unknown },
  kind: "funds_withdrawn" | "funds_reinstated",
): Promise<WebhookStep> {
  const intentId = idOf(dispute.payment_intent as string | { id: string } | null);
  if (!intentId) return step("ignored", null, `dispute ${dispute.id} has no PaymentIntent`);
  const paid = await paidInvoiceOf(scope, intentId);
  if ("outcome" in paid) return paid;
  const { tenant, details, payment } = paid;
  const invoiceId = details.invoice.id;
  const disputed = fromStripeAmount(dispute.amount, dispute.currency.toUpperCase());
  const withdrawn = details.refunds.find((refund) => refund.providerRefundId === dispute.id);
  if (kind === "funds_withdrawn") {
    if (withdrawn) return step("duplicate", invoiceId, `dispute ${dispute.id} is recorded`);
    const amount = countedAmount(disputed, paid);
    if (amount === "0") return step("ignored", invoiceId, "nothing of the payment is left");
    return settle(invoiceId, async () => {
      await scope.remit.invoices.refund(tenant.context, {
        id: invoiceId,
        paymentId: payment.id,
        amount,
        reason: "dispute",
        providerRefundId: dispute.id,
        idempotencyKey: `stripe:dispute:${dispute.id}:funds_withdrawn`,
      });
      return step("recorded", invoiceId, `dispute ${dispute.id} withdrew funds`);
    });
  }
  if (findStripePayment(details.payments, dispute.id)) {
    return step("duplicate", invoiceId, `dispute ${dispute.id} reinstatement is recorded`);
  }
  // Either order gives one amount: what the withdrawal counted, or would count.
  const amount =
    withdrawn?.amount ?? countedAmount(disputed, { ...paid, details: { ...details, refunds: [] } });
  return settle(invoiceId, async () => {
    await scope.remit.invoices.recordPayment(tenant.context, {
      id: invoiceId,
      amount,
      currency: payment.currency,
      method: payment.method,
      reference: dispute.id,
      idempotencyKey: `stripe:dispute:${dispute.id}:funds_reinstated`,
    });
    return step("recorded", invoiceId, `dispute ${dispute.id} reinstated funds`);
  });
}
