import { z } from "zod";
import { currencySchema } from "../../calculation/invoice-input-schema";
import { NotFoundError } from "../../errors/not-found-error";
import { ValidationError } from "../../errors/validation-error";
import { isCurrencyCode, minorUnitsOf } from "../../money/currencies";
import { readDecimal } from "../../money/decimal-value";
import { addMoney, roundMoney } from "../../money/money-arithmetic";
import { defineMove } from "../../service/internal/define-move";
import { textSchema } from "../../validation/text-schema";
import { afterMoneyMoved, emitPaidIfSettled } from "../internal/after-paid";
import { invoiceEventData, invoiceSubject } from "../internal/invoice-event-data";
import { loadInvoiceForMove, saveInvoice } from "../internal/load-invoice-for-move";
import {
  expectedVersionSchema,
  idempotencyKeySchema,
  instantSchema,
  recordIdSchema,
} from "../internal/move-input-fields";
import { settledAfterPayment, withBalances } from "../internal/settle-invoice";
import type { Payment } from "../payment";

/** A positive decimal amount string (or number), checked against the currency's digits later. */
export const moneyAmountSchema = z
  .union([textSchema, z.number()])
  .refine((value) => {
    const decimal = readDecimal(value);
    return (
      decimal !== undefined &&
      decimal.units > 0n &&
      decimal.units < 10n ** BigInt(15 + decimal.scale)
    );
  }, 'must be a positive decimal amount such as "125.00"')
  .transform((value) => readDecimal(value)?.text ?? "");

/** @group Invoices */
export const recordPaymentInputSchema = z.object({
  /** The invoice paid. */
  id: recordIdSchema,
  amount: moneyAmountSchema,
  /** Defaults to the invoice's; a user's payment in another currency is refused. */
  currency: currencySchema.optional(),
  method: z.enum(["card", "ach", "bank_transfer", "check", "cash", "other"]),
  /** Check number, provider payment id, … */
  reference: textSchema.max(255).optional(),
  receivedAt: instantSchema.optional(),
  /** Required: the same key recorded twice is one payment. */
  idempotencyKey: idempotencyKeySchema,
  expectedVersion: expectedVersionSchema.optional(),
});

/** @group Invoices @interface */
export type RecordPaymentInput = z.input<typeof recordPaymentInputSchema>;

/** The amount with exactly the currency's digits ("25.5" USD is "25.50"), when that is exact. */
function normalizedAmount(amount: string, currency: string | undefined): string {
  if (!isCurrencyCode(currency)) return amount;
  const digits = minorUnitsOf(currency);
  const decimal = readDecimal(amount);
  return decimal && decimal.scale <= digits ? roundMoney(amount, digits) : amount;
}

function assertAmountDigits(amount: string, currency: string): void {
  const decimal = readDecimal(amount);
  const digits = minorUnitsOf(currency);
  if (decimal && decimal.scale > digits) {
    throw new ValidationError({
      issues: [
        { path: "amount", message: `an amount in ${currency} has at most ${digits} decimals` },
      ],
    });
  }
}

/**
 * `remit.invoices.recordPayment`: money received (a check, cash, or a provider's report). Lowers
 * the amount due; beyond the total it is kept as credit. On an uncollectible invoice it lowers
 * the written-off amount, and the invoice is `paid` once that reaches 0. On a cancelled invoice only a provider
 * may record one (money that moved after the cancel): it stays `cancelled` for the tenant to
 * refund. From a provider, a payment for an unknown invoice or in another currency is stored as
 * unmatched (`payment.unmatched`), never lost; the result's `invoice` is then `null`.
 */
export const recordPayment = defineMove(
  { move: "record payment", actors: ["user", "provider"], input: recordPaymentInputSchema },
  async (scope, input) => {
    const fromProvider = scope.context.actor.type === "provider";
    const provider = scope.context.actor.type === "provider" ? scope.context.actor.name : null;
    const found = await scope.transaction.invoices.get({ id: input.id, forUpdate: true });
    const currency = input.currency ?? found?.currency;
    const payment: Payment = {
      tenantId: scope.context.tenantId,
      id: scope.deps.ids.newId("pay"),
      invoiceId: found?.id ?? null,
      amount: normalizedAmount(input.amount, currency),
      currency: currency ?? "",
      method: input.method,
      reference: input.reference ?? null,
      provider,
      quoteId: null,
      status: "succeeded",
      receivedAt: input.receivedAt ?? scope.now,
      idempotencyKey: input.idempotencyKey,
      actor: scope.context.actor,
      createdAt: scope.now,
    };
    if (!found || currency !== found.currency) {
      if (!fromProvider) {
        if (!found) throw new NotFoundError({ resource: "invoice", id: input.id });
        throw new ValidationError({
          issues: [
            {
              path: "currency",
              message: `the invoice is in ${found.currency}; record the payment in it`,
            },
          ],
        });
      }
      const unmatched: Payment = { ...payment, invoiceId: null, status: "unmatched" };
      await scope.transaction.payments.insert({ record: unmatched });
      scope.emit(
        "payment.unmatched",
        { type: "payment", id: unmatched.id, version: 1 },
        {
          payment: unmatched,
          invoiceId: input.id,
          reason: found ? "currency_mismatch" : "unknown_invoice",
        },
      );
      return { invoice: null, payment: unmatched };
    }
    assertAmountDigits(input.amount, found.currency);
    const allowed = fromProvider
      ? (["pending_payment", "past_due", "paid", "uncollectible", "cancelled"] as const)
      : (["pending_payment", "past_due", "paid", "uncollectible"] as const);
    const previous = await loadInvoiceForMove(scope, input, "record payment", allowed);
    const digits = minorUnitsOf(previous.currency);
    await scope.transaction.payments.insert({ record: payment });
    let next = withBalances({
      ...previous,
      amountPaid: addMoney(digits, previous.amountPaid, input.amount),
    });
    // Money on a written-off invoice shrinks what was written off; covering it makes it paid.
    next = withBalances({
      ...next,
      status: settledAfterPayment(next, scope.now, scope.tenant.timeZone),
    });
    next = await afterMoneyMoved(scope, previous, next);
    const invoice = await saveInvoice(scope, previous, next);
    scope.emit(
      "invoice.payment_recorded",
      invoiceSubject(invoice),
      invoiceEventData(invoice, previous.status, {
        paymentId: payment.id,
        amount: payment.amount,
        method: payment.method,
        reference: payment.reference,
        provider,
      }),
    );
    emitPaidIfSettled(scope, previous, invoice);
    return { invoice, payment };
  },
);
