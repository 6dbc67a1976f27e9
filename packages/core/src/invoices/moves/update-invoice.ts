import { z } from "zod";
import { currencySchema } from "../../calculation/invoice-input-schema";
import { ValidationError, type ValidationIssue } from "../../errors/validation-error";
import { isZeroMoney } from "../../money/money-arithmetic";
import { requireCollection } from "../../service/internal/require-collection";
import { runMove } from "../../service/internal/run-move";
import type { RemitDependencies } from "../../service/remit-dependencies";
import { calculateDueDate, paymentTermsSchema } from "../../tenants/payment-terms";
import { formatIssuePath } from "../../validation/format-issue-path";
import { afterMoneyMoved, emitPaidIfSettled } from "../internal/after-paid";
import { calculateInvoiceContent } from "../internal/calculate-invoice-content";
import { editIssuesAfterCredit } from "../internal/edit-issues-after-credit";
import { invoiceEventData, invoiceSubject } from "../internal/invoice-event-data";
import { loadInvoiceForMove, saveInvoice } from "../internal/load-invoice-for-move";
import {
  expectedVersionSchema,
  idempotencyKeySchema,
  invoiceContentFields,
  recordIdSchema,
} from "../internal/move-input-fields";
import { readCustomerSnapshot } from "../internal/read-customer-snapshot";
import { settledStatus, withBalances } from "../internal/settle-invoice";
import type { Invoice } from "../invoice";

/**
 * The input of `remit.invoices.update`: the fields to change; the rest are kept.
 * @group Invoices
 */
export const updateInvoiceInputSchema = z.object({
  id: recordIdSchema,
  /** Required: the version you read, so two editors never overwrite each other. */
  expectedVersion: expectedVersionSchema,
  customerId: recordIdSchema.optional(),
  currency: currencySchema.optional(),
  terms: paymentTermsSchema.optional(),
  ...invoiceContentFields,
  idempotencyKey: idempotencyKeySchema.optional(),
});

/** @group Invoices @interface */
export type UpdateInvoiceInput = z.input<typeof updateInvoiceInputSchema>;

// `paid` too: a part added after the invoice was paid in full is an edit, and the invoice goes
// back to owing (the status follows the money rule).
const editable = [
  "pending_action",
  "pending_review",
  "pending_payment",
  "past_due",
  "paid",
] as const;

/**
 * `remit.invoices.update`: stores a new revision. After issue it keeps the number and issue date,
 * refuses a new currency or customer, and recomputes the due date only when the terms change. An
 * issued invoice with payments or credit notes can be edited while its new total less the credit
 * notes stays at least the amount paid (payments less refunds), and no credited line drops below
 * what was credited on it; a lower total needs a credit note, and the refusal says so. The status
 * follows the money rule (a paid invoice given a new part owes again). Emits `invoice.updated`;
 * notifies nobody.
 */
export async function updateInvoice(
  deps: RemitDependencies,
  context: unknown,
  rawInput: UpdateInvoiceInput,
) {
  const parsed = updateInvoiceInputSchema.safeParse(rawInput);
  const idempotencyKey = parsed.data?.idempotencyKey;
  return runMove(
    deps,
    context,
    { move: "update", actors: ["user"], idempotencyKey, args: rawInput },
    async (scope) => {
      const issues: ValidationIssue[] = (parsed.error?.issues ?? []).map((issue) => ({
        path: formatIssuePath(issue.path),
        message: issue.message,
      }));
      if (!parsed.success) throw new ValidationError({ issues });
      const input = parsed.data;
      const previous = await loadInvoiceForMove(scope, input, "update", editable);
      const issued = previous.number !== null;
      if (issued && input.currency !== undefined && input.currency !== previous.currency) {
        issues.push({ path: "currency", message: "cannot change after the invoice is issued" });
      }
      if (issued && input.customerId !== undefined && input.customerId !== previous.customer?.id) {
        issues.push({ path: "customerId", message: "cannot change after the invoice is issued" });
      }
      const raw = rawInput as Record<string, unknown>;
      // A stage's figures are what the stage billed of its work order (and what later stages
      // count as billed): change them by cancelling it and billing the stage again.
      if (previous.progress !== null)
        for (const field of ["currency", "lines", "taxRates", "discounts", "fees", "rounding"])
          if (raw[field] !== undefined)
            issues.push({
              path: field,
              message: "is set by the progress stage: cancel the invoice and bill the stage again",
            });
      const currency = input.currency ?? previous.currency;
      const calculated = calculateInvoiceContent(currency, {
        lines: raw.lines ?? previous.content.lines,
        taxRates: raw.taxRates ?? previous.content.taxRates,
        discounts: raw.discounts ?? previous.content.discounts,
        fees: raw.fees ?? previous.content.fees,
        rounding: raw.rounding ?? previous.content.rounding,
        memo: input.memo ?? previous.content.memo,
      });
      if (!calculated.ok) issues.push(...calculated.issues);
      else if (issued) {
        const credited = isZeroMoney(previous.creditNoteTotal)
          ? []
          : (
              await requireCollection(scope.transaction.creditNotes, "creditNotes").listByInvoice({
                invoiceId: previous.id,
              })
            ).flatMap((note) => note.lines);
        issues.push(
          ...editIssuesAfterCredit({
            currency,
            totals: calculated.totals,
            previousTotal: previous.total,
            creditNoteTotal: previous.creditNoteTotal,
            amountPaid: previous.amountPaid,
            credited,
          }),
        );
      }
      let customer = previous.customer;
      if (input.customerId !== undefined && !issued) {
        const found = await readCustomerSnapshot(scope, input.customerId);
        if ("issue" in found) issues.push(found.issue);
        else customer = found.snapshot;
      }
      const terms = input.terms ?? previous.terms;
      const termsChanged = JSON.stringify(terms) !== JSON.stringify(previous.terms);
      let dueDate = previous.dueDate;
      if (issued && termsChanged && previous.issueDate !== null) {
        dueDate = calculateDueDate(terms, previous.issueDate);
        if (dueDate < previous.issueDate)
          issues.push({ path: "terms", message: "the due date cannot be before the issue date" });
      }
      if (!calculated.ok || issues.length > 0) throw new ValidationError({ issues });

      let next: Invoice = withBalances({
        ...previous,
        revision: previous.revision + 1,
        currency,
        customer,
        terms,
        dueDate,
        content: calculated.content,
        totals: calculated.totals,
        total: calculated.totals.total,
      });
      if (issued) next = { ...next, status: settledStatus(next, scope.now, scope.tenant.timeZone) };
      if (next.status !== "paid") next = { ...next, paidAt: null };
      // An edit down to a zero total settles it: paid, with `invoice.paid` and no more reminders.
      next = await afterMoneyMoved(scope, previous, next);
      const invoice = await saveInvoice(scope, previous, next);
      await scope.transaction.revisions.append({
        record: {
          tenantId: invoice.tenantId,
          invoiceId: invoice.id,
          revision: invoice.revision,
          currency,
          customer,
          terms,
          content: invoice.content,
          totals: invoice.totals,
          actor: scope.context.actor,
          createdAt: scope.now,
        },
      });
      scope.emit(
        "invoice.updated",
        invoiceSubject(invoice),
        invoiceEventData(invoice, previous.status, { revision: invoice.revision }),
      );
      emitPaidIfSettled(scope, previous, invoice);
      return { invoice };
    },
  );
}
