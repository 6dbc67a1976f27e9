import { z } from "zod";
import { NotFoundError } from "../../errors/not-found-error";
import { ValidationError } from "../../errors/validation-error";
import { minorUnitsOf } from "../../money/currencies";
import { readDecimal } from "../../money/decimal-value";
import { addMoney, compareMoney, roundMoney, subtractMoney } from "../../money/money-arithmetic";
import type { PaymentProvider } from "../../ports/payment-provider";
import { defineMove } from "../../service/internal/define-move";
import { insertOutboxJob } from "../../service/internal/new-outbox-job";
import type { MoveScope } from "../../service/internal/run-move";
import { textSchema } from "../../validation/text-schema";
import { afterMoneyMoved, emitPaidIfSettled } from "../internal/after-paid";
import { invoiceEventData, invoiceSubject } from "../internal/invoice-event-data";
import { loadInvoiceForMove, saveInvoice } from "../internal/load-invoice-for-move";
import {
  expectedVersionSchema,
  idempotencyKeySchema,
  recordIdSchema,
} from "../internal/move-input-fields";
import { settledStatus, withBalances } from "../internal/settle-invoice";
import type { Invoice } from "../invoice";
import type { Refund } from "../payment";
import { moneyAmountSchema } from "./record-payment";

/** @group Invoices */
export const refundPaymentInputSchema = z.object({
  /** The invoice the payment was recorded on. */
  id: recordIdSchema,
  paymentId: recordIdSchema,
  amount: moneyAmountSchema,
  reason: textSchema.trim().min(1).max(1_000).optional(),
  /** From a provider: its refund id; the refund already happened there. */
  providerRefundId: textSchema.min(1).max(255).optional(),
  /** Required: the same key twice is one refund. */
  idempotencyKey: idempotencyKeySchema,
  expectedVersion: expectedVersionSchema.optional(),
});

/** @group Invoices @interface */
export type RefundPaymentInput = z.input<typeof refundPaymentInputSchema>;

const refundableFrom = [
  "paid",
  "pending_payment",
  "past_due",
  "uncollectible",
  "cancelled",
] as const;

/** The invoice after a refund counted (succeeded): less paid, status settled. */
async function applySucceededRefund(
  scope: MoveScope,
  previous: Invoice,
  amount: string,
  wasPending: boolean,
) {
  const digits = minorUnitsOf(previous.currency);
  let next = withBalances({
    ...previous,
    amountPaid: subtractMoney(digits, previous.amountPaid, amount),
    refundPending: wasPending
      ? subtractMoney(digits, previous.refundPending, amount)
      : previous.refundPending,
  });
  next = { ...next, status: settledStatus(next, scope.now, scope.tenant.timeZone) };
  if (next.status !== "paid") next = { ...next, paidAt: null };
  return afterMoneyMoved(scope, previous, next);
}

/**
 * What of `requested` the provider cannot refund (its amounts are coarser than the currency's
 * ISO digits), with the provider's reason, or `null` when all of it can be. Nothing refundable is
 * a `ValidationError`: a refund that can only fail is never created.
 */
function keptByProvider(
  provider: PaymentProvider,
  requested: string,
  currency: string,
): { amount: string; reason: string } | null {
  const fit = provider.refundableAmount?.({ amount: requested, currency });
  if (!fit || compareMoney(fit.refundable, requested) >= 0) return null;
  const reason = fit.reason ?? `${provider.name} cannot refund ${requested} ${currency} exactly`;
  if (compareMoney(fit.refundable, "0") <= 0) {
    throw new ValidationError({
      issues: [
        {
          path: "amount",
          message: `${reason}: nothing of ${requested} ${currency} can be refunded through ${provider.name}; it stays on the invoice`,
        },
      ],
    });
  }
  return {
    amount: subtractMoney(minorUnitsOf(currency), requested, fit.refundable),
    reason,
  };
}

/**
 * `remit.invoices.refund`: returns money of one payment, at most its unrefunded amount (pending
 * refunds count). Through a provider that moves money (Stripe), the refund is stored `pending`
 * and requested by the outbox worker with the refund's id as idempotency key; it counts once the
 * provider confirms. Otherwise (a check returned by hand, or a refund a provider reports) it
 * counts at once. A paid invoice refunded below its total goes back to `pending_payment` or
 * `past_due`. Emits `invoice.refunded`.
 *
 * A provider whose amounts are coarser than the currency's digits (Stripe takes BHD, JOD, KWD, OMR
 * and TND in multiples of ten minor units) refunds the largest part of `amount` it accepts
 * (`PaymentProvider.refundableAmount`); the rest is `kept` on the invoice, still counted as paid
 * (credit, where it was an overpayment), with the provider's reason in the result and in the
 * event's `kept`. When nothing of `amount` fits, the refund is refused (`ValidationError` at
 * `amount`, saying why): no refund is created that could only fail.
 */
export const refundPayment = defineMove(
  { move: "refund", actors: ["user", "provider"], input: refundPaymentInputSchema },
  async (scope, input) => {
    const previous = await loadInvoiceForMove(scope, input, "refund", refundableFrom);
    const payment = await scope.transaction.payments.get({ id: input.paymentId });
    if (!payment || payment.invoiceId !== previous.id || payment.status !== "succeeded") {
      throw new NotFoundError({ resource: "payment on this invoice", id: input.paymentId });
    }
    const digits = minorUnitsOf(previous.currency);
    const decimal = readDecimal(input.amount);
    if (decimal && decimal.scale > digits) {
      throw new ValidationError({
        issues: [
          {
            path: "amount",
            message: `an amount in ${previous.currency} has at most ${digits} decimals`,
          },
        ],
      });
    }
    const earlier = await scope.transaction.refunds.listByPayment({ paymentId: payment.id });
    const committed = addMoney(
      digits,
      "0",
      ...earlier.filter((refund) => refund.status !== "failed").map((refund) => refund.amount),
    );
    const refundable = subtractMoney(digits, payment.amount, committed);
    if (compareMoney(input.amount, refundable) > 0) {
      throw new ValidationError({
        issues: [
          {
            path: "amount",
            message: `at most ${refundable} ${previous.currency} of this payment can still be refunded`,
          },
        ],
      });
    }
    // Credit applied from this invoice to another left with it: what the invoice still holds
    // (less refunds already asked for) is the most a user may give back. A provider's report is
    // money that already moved, and is recorded whatever it leaves owed.
    const held = subtractMoney(digits, previous.amountPaid, previous.refundPending);
    if (scope.context.actor.type === "user" && compareMoney(input.amount, held) > 0) {
      throw new ValidationError({
        issues: [
          {
            path: "amount",
            message: `the invoice holds ${held} ${previous.currency} (credit applied to other invoices left with them); refund at most that`,
          },
        ],
      });
    }
    const fromProvider = scope.context.actor.type === "provider";
    const provider = payment.provider === null ? undefined : scope.deps.payments[payment.provider];
    const viaProvider =
      !fromProvider && provider?.capabilities.refunds === true && provider.refund !== undefined;
    const requested = roundMoney(input.amount, digits);
    const kept = viaProvider ? keptByProvider(provider, requested, previous.currency) : null;
    const refund: Refund = {
      tenantId: previous.tenantId,
      id: scope.deps.ids.newId("ref"),
      invoiceId: previous.id,
      paymentId: payment.id,
      amount: kept ? subtractMoney(digits, requested, kept.amount) : requested,
      currency: previous.currency,
      status: viaProvider ? "pending" : "succeeded",
      reason: input.reason ?? null,
      provider: fromProvider || viaProvider ? payment.provider : null,
      providerRefundId: input.providerRefundId ?? null,
      idempotencyKey: input.idempotencyKey,
      actor: scope.context.actor,
      createdAt: scope.now,
      updatedAt: scope.now,
    };
    await scope.transaction.refunds.insert({ record: refund });
    let next: Invoice;
    if (viaProvider) {
      next = {
        ...previous,
        refundPending: addMoney(digits, previous.refundPending, refund.amount),
      };
      await insertOutboxJob(scope, {
        kind: "provider_refund",
        runAt: scope.now,
        payload: { invoiceId: previous.id, refundId: refund.id },
      });
    } else {
      next = await applySucceededRefund(scope, previous, refund.amount, false);
    }
    const invoice = await saveInvoice(scope, previous, next);
    scope.emit(
      "invoice.refunded",
      invoiceSubject(invoice),
      invoiceEventData(invoice, previous.status, {
        refundId: refund.id,
        paymentId: payment.id,
        amount: refund.amount,
        refundStatus: refund.status,
        reason: refund.reason,
        ...(kept ? { requestedAmount: requested, kept } : {}),
      }),
    );
    emitPaidIfSettled(scope, previous, invoice);
    return { invoice, refund, kept };
  },
);

export const resolveRefundInputSchema = z.object({
  id: recordIdSchema,
  refundId: recordIdSchema,
  status: z.enum(["succeeded", "failed"]),
  providerRefundId: textSchema.min(1).max(255).optional(),
  idempotencyKey: idempotencyKeySchema,
});

/** @group Invoices @interface */
export type ResolveRefundInput = z.input<typeof resolveRefundInputSchema>;

/**
 * A provider's answer to a pending refund: `succeeded` lowers `amountPaid`; `failed` releases the
 * amount and appends `invoice.refunded` with `refundStatus: "failed"` (`data.status` is the
 * invoice's, as on every invoice event). A refund already resolved is left as it is (providers
 * report twice).
 */
export const resolveRefund = defineMove(
  { move: "resolve refund", actors: ["provider", "system"], input: resolveRefundInputSchema },
  async (scope, input) => {
    const previous = await loadInvoiceForMove(scope, input, "resolve refund", refundableFrom);
    const refund = await scope.transaction.refunds.get({ id: input.refundId });
    if (!refund || refund.invoiceId !== previous.id)
      throw new NotFoundError({ resource: "refund", id: input.refundId });
    if (refund.status !== "pending") return { invoice: previous, refund };
    const digits = minorUnitsOf(previous.currency);
    const resolved: Refund = {
      ...refund,
      status: input.status,
      providerRefundId: input.providerRefundId ?? refund.providerRefundId,
      updatedAt: scope.now,
    };
    await scope.transaction.refunds.update({ record: resolved });
    const next =
      input.status === "succeeded"
        ? await applySucceededRefund(scope, previous, refund.amount, true)
        : {
            ...previous,
            refundPending: subtractMoney(digits, previous.refundPending, refund.amount),
          };
    const invoice = await saveInvoice(scope, previous, next);
    scope.emit(
      "invoice.refunded",
      invoiceSubject(invoice),
      invoiceEventData(invoice, previous.status, {
        refundId: refund.id,
        paymentId: refund.paymentId,
        amount: refund.amount,
        refundStatus: input.status,
        reason: refund.reason,
      }),
    );
    emitPaidIfSettled(scope, previous, invoice);
    return { invoice, refund: resolved };
  },
);
