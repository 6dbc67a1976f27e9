import { z } from "zod";
import { ValidationError } from "../../errors/validation-error";
import { afterMoneyMoved, emitPaidIfSettled } from "../../invoices/internal/after-paid";
import { formatInvoiceNumber } from "../../invoices/internal/format-invoice-number";
import { invoiceEventData, invoiceSubject } from "../../invoices/internal/invoice-event-data";
import { loadInvoiceForMove, saveInvoice } from "../../invoices/internal/load-invoice-for-move";
import {
  expectedVersionSchema,
  idempotencyKeySchema,
  reasonSchema,
  recordIdSchema,
} from "../../invoices/internal/move-input-fields";
import { settledStatus, withBalances } from "../../invoices/internal/settle-invoice";
import { moneyAmountSchema } from "../../invoices/moves/record-payment";
import { minorUnitsOf } from "../../money/currencies";
import { addMoney, scaleOfMoney } from "../../money/money-arithmetic";
import { defineMove } from "../../service/internal/define-move";
import { requireCollection } from "../../service/internal/require-collection";
import { localDateAt } from "../../tenants/tenant-dates";
import { textSchema } from "../../validation/text-schema";
import { type CreditNoteRequest, calculateCreditNote } from "../calculate-credit-note";
import type { CreditNote } from "../credit-note";

/** The sequences row of credit notes is apart from invoices': its series never meet. */
const creditNoteSeriesPrefix = "credit-note:";

/**
 * The input of `remit.invoices.issueCreditNote`. Exactly one of `amount` and `lines` is given;
 * the move refuses both or neither at the one left out or given twice (a plain object, so that a
 * server can document its body from it).
 */
export const issueCreditNoteInputSchema = z.object({
  /** The invoice credited. */
  id: recordIdSchema,
  /** An amount with tax, shared over the lines; or `lines`. */
  amount: moneyAmountSchema.optional(),
  /** Lines to credit, each with an amount with tax (all that is left of it when omitted). */
  lines: z
    .array(
      z.object({
        lineId: textSchema.min(1).max(255),
        amount: moneyAmountSchema.optional(),
      }),
    )
    .min(1)
    .max(10_000)
    .optional(),
  reason: reasonSchema,
  expectedVersion: expectedVersionSchema.optional(),
  idempotencyKey: idempotencyKeySchema.optional(),
});

export type IssueCreditNoteInput = z.input<typeof issueCreditNoteInputSchema>;

const creditableFrom = ["pending_payment", "past_due", "paid", "uncollectible"] as const;

/** Refuses amounts with more decimals than the currency has, naming each. */
function assertDigits(input: z.output<typeof issueCreditNoteInputSchema>, currency: string): void {
  const digits = minorUnitsOf(currency);
  const amounts: [string, string][] = [
    ...(input.amount !== undefined ? [["amount", input.amount] as [string, string]] : []),
    ...(input.lines ?? []).flatMap((line, index) =>
      line.amount !== undefined
        ? [[`lines[${index}].amount`, line.amount] as [string, string]]
        : [],
    ),
  ];
  const issues = amounts
    .filter(([, amount]) => scaleOfMoney(amount) > digits)
    .map(([path]) => ({
      path,
      message: `an amount in ${currency} has at most ${digits} decimals`,
    }));
  if (issues.length > 0) throw new ValidationError({ issues });
}

/**
 * `remit.invoices.issueCreditNote`: credits part of an issued invoice (`pending_payment`,
 * `past_due`, `paid` or `uncollectible`), by an `amount` with tax or by `lines`, never more than
 * the invoice's total less earlier credit notes (see {@link calculateCreditNote}). The note gets
 * the next number of the tenant's credit-note series. The invoice's amount due drops by the note's
 * total; what falls below the amount already paid becomes credit, and an invoice nothing is due
 * on any more is `paid` (an uncollectible one keeps its status: its written-off amount shrinks).
 * Emits `credit_note.issued` and `invoice.credited` (and `invoice.paid`).
 */
export const issueCreditNote = defineMove(
  { move: "issue credit note", actors: ["user"], input: issueCreditNoteInputSchema },
  async (scope, input) => {
    if ((input.amount === undefined) === (input.lines === undefined)) {
      throw new ValidationError({
        issues: [
          {
            path: input.amount === undefined ? "amount" : "lines",
            message: "give either amount or lines",
          },
        ],
      });
    }
    const creditNotes = requireCollection(scope.transaction.creditNotes, "creditNotes");
    const previous = await loadInvoiceForMove(scope, input, "issue credit note", creditableFrom);
    assertDigits(input, previous.currency);
    const earlier = await creditNotes.listByInvoice({ invoiceId: previous.id });
    const request: CreditNoteRequest =
      input.amount !== undefined ? { amount: input.amount } : { lines: input.lines ?? [] };
    const calculated = calculateCreditNote(
      previous.totals,
      earlier.flatMap((note) => note.lines),
      request,
    );
    const digits = minorUnitsOf(previous.currency);
    let next = withBalances({
      ...previous,
      creditNoteTotal: addMoney(digits, previous.creditNoteTotal, calculated.total),
    });
    next = { ...next, status: settledStatus(next, scope.now, scope.tenant.timeZone) };
    next = await afterMoneyMoved(scope, previous, next);
    const invoice = await saveInvoice(scope, previous, next);

    // The number last, as at issue: it locks the series' counter until commit.
    const issueDate = localDateAt(scope.now, scope.tenant.timeZone);
    const numbering = formatInvoiceNumber(
      scope.tenant.creditNoteNumberFormat ?? "CN-{SEQ:4}",
      issueDate,
    );
    const sequence = await scope.transaction.sequences.next({
      series: `${creditNoteSeriesPrefix}${numbering.series}`,
    });
    const creditNote: CreditNote = {
      tenantId: previous.tenantId,
      id: scope.deps.ids.newId("cn"),
      invoiceId: previous.id,
      invoiceNumber: previous.number,
      invoiceRevision: previous.revision,
      number: numbering.numberFor(sequence),
      series: numbering.series,
      sequence,
      currency: previous.currency,
      customer: previous.customer,
      issueDate,
      reason: input.reason,
      ...calculated,
      idempotencyKey: input.idempotencyKey ?? null,
      actor: scope.context.actor,
      createdAt: scope.now,
    };
    await creditNotes.insert({ record: creditNote });
    scope.emit(
      "credit_note.issued",
      { type: "credit_note", id: creditNote.id, version: 1 },
      { creditNote },
    );
    scope.emit(
      "invoice.credited",
      invoiceSubject(invoice),
      invoiceEventData(invoice, previous.status, {
        creditNoteId: creditNote.id,
        creditNoteNumber: creditNote.number,
        amount: creditNote.total,
        reason: creditNote.reason,
        creditNoteTotal: invoice.creditNoteTotal,
      }),
    );
    emitPaidIfSettled(scope, previous, invoice);
    return { invoice, creditNote };
  },
);
