import { z } from "zod";
import { InvalidTransitionError } from "../../errors/invalid-transition-error";
import { ValidationError } from "../../errors/validation-error";
import { lateFeeAtIssue } from "../../late-fees/internal/late-fee-at-issue";
import { defineMove } from "../../service/internal/define-move";
import { insertOutboxJob } from "../../service/internal/new-outbox-job";
import type { MoveScope } from "../../service/internal/run-move";
import { calculateDueDate } from "../../tenants/payment-terms";
import { addDaysToDate, instantAtLocalTime, localDateAt } from "../../tenants/tenant-dates";
import { afterMoneyMoved, emitPaidIfSettled } from "../internal/after-paid";
import { assertReadyToBill } from "../internal/assert-ready-to-bill";
import { formatInvoiceNumber } from "../internal/format-invoice-number";
import { invoiceEventData, invoiceSubject } from "../internal/invoice-event-data";
import {
  assertMoveAllowed,
  insertInvoice,
  loadInvoiceForMove,
  saveInvoice,
} from "../internal/load-invoice-for-move";
import {
  expectedVersionSchema,
  idempotencyKeySchema,
  recordIdSchema,
} from "../internal/move-input-fields";
import { settledStatus, withBalances } from "../internal/settle-invoice";
import type { Invoice } from "../invoice";

export const issueInvoiceInputSchema = z.object({
  id: recordIdSchema,
  expectedVersion: expectedVersionSchema.optional(),
  idempotencyKey: idempotencyKeySchema.optional(),
});

export type IssueInvoiceInput = z.input<typeof issueInvoiceInputSchema>;

/** Schedules the tenant's reminder rules for a newly issued invoice, at 09:00 local time. */
async function scheduleReminders(scope: MoveScope, invoice: Invoice): Promise<void> {
  if (invoice.dueDate === null || invoice.status === "paid") return;
  for (const [index, rule] of scope.tenant.reminders.entries()) {
    const runAt = instantAtLocalTime(
      addDaysToDate(invoice.dueDate, rule.daysFromDueDate),
      9,
      scope.tenant.timeZone,
    );
    if (runAt <= scope.now) continue;
    await insertOutboxJob(scope, {
      kind: "reminder",
      runAt,
      payload: {
        invoiceId: invoice.id,
        rule: index,
        channels: rule.channels,
        daysFromDueDate: rule.daysFromDueDate,
      },
    });
  }
}

/**
 * Issue inside a move: assigns the next number of the tenant's series, the issue date (the
 * tenant's local date), the due date from the terms and the public token; applies deposits; and
 * ends in `pending_payment`, `past_due` or `paid`.
 *
 * `justCreated` is the invoice this same move created ("save & issue"): no other transaction can
 * see it before commit, so it is issued as it is, without reading it back and locking it; when it
 * is not `stored` yet, the issued invoice is inserted rather than updated. Each saves a statement
 * on the busiest path.
 */
export async function issueInvoiceInScope(
  scope: MoveScope,
  input: IssueInvoiceInput,
  justCreated?: { invoice: Invoice; stored: boolean },
): Promise<Invoice> {
  const allowedFrom = scope.tenant.requireReview
    ? (["pending_review"] as const)
    : (["pending_review", "pending_action"] as const);
  let previous: Invoice;
  try {
    if (justCreated === undefined) {
      previous = await loadInvoiceForMove(scope, input, "issue", allowedFrom);
    } else {
      assertMoveAllowed(justCreated.invoice, "issue", allowedFrom);
      previous = justCreated.invoice;
    }
  } catch (error) {
    if (error instanceof InvalidTransitionError && error.status === "pending_action") {
      throw new InvalidTransitionError({
        status: "pending_action",
        move: "issue",
        reason: "this tenant requires review; submit the invoice and have it approved",
      });
    }
    throw error;
  }
  assertReadyToBill(previous);
  const issueDate = localDateAt(scope.now, scope.tenant.timeZone);
  const dueDate = calculateDueDate(previous.terms, issueDate);
  if (dueDate < issueDate) {
    throw new ValidationError({
      issues: [
        {
          path: "terms",
          message: `the fixed due date ${dueDate} is before the issue date ${issueDate}`,
        },
      ],
    });
  }
  let next: Invoice = {
    ...previous,
    issueDate,
    dueDate,
    publicToken: scope.deps.ids.newPublicToken(),
    issuedAt: scope.now,
    changesRequestedReason: null,
    // The rule in force now stays with the invoice; a later change of the rule does not reach it.
    lateFee: lateFeeAtIssue(scope),
  };
  if (scope.deps.hooks.beforeInvoiceIssued)
    next = await scope.deps.hooks.beforeInvoiceIssued(scope, next);
  next = withBalances(next);
  next = { ...next, status: "pending_payment" };
  next = { ...next, status: settledStatus(next, scope.now, scope.tenant.timeZone) };
  next = await afterMoneyMoved(scope, previous, next);
  await scheduleReminders(scope, next);
  // The number last: taking it locks the tenant's counter row until commit, so every issue of the
  // tenant waits on it. Nothing that can be done before it (deposits, cancelled sends) holds it.
  const numbering = formatInvoiceNumber(scope.tenant.numberFormat, issueDate);
  const sequence = await scope.transaction.sequences.next({ series: numbering.series });
  next = { ...next, number: numbering.numberFor(sequence), series: numbering.series, sequence };
  const invoice =
    justCreated?.stored === false
      ? await insertInvoice(scope, previous, next)
      : await saveInvoice(scope, previous, next);
  scope.emit(
    "invoice.issued",
    invoiceSubject(invoice),
    invoiceEventData(invoice, previous.status, { issueDate, publicToken: invoice.publicToken }),
  );
  emitPaidIfSettled(scope, previous, invoice);
  return invoice;
}

/**
 * `remit.invoices.issue` (approve): numbers the invoice and makes it payable. Emits
 * `invoice.issued` (and `invoice.paid` when deposits already cover it).
 */
export const issueInvoice = defineMove(
  { move: "issue", actors: ["user"], input: issueInvoiceInputSchema },
  async (scope, input) => ({ invoice: await issueInvoiceInScope(scope, input) }),
);
