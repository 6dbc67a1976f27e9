import { z } from "zod";
import { addDueLateFees } from "../../late-fees/moves/add-due-late-fees";
import type { ServiceCall } from "../../service/internal/define-move";
import { defineSweep } from "../../service/internal/define-sweep";
import { localDateAt } from "../../tenants/tenant-dates";
import { parseWithSchema } from "../../validation/to-validation-error";
import { invoiceEventData, invoiceSubject } from "../internal/invoice-event-data";
import { saveInvoice } from "../internal/load-invoice-for-move";
import { instantSchema } from "../internal/move-input-fields";

export const sweepPastDueInputSchema = z.object({
  /** The instant to sweep at; defaults to the Clock's now. */
  at: instantSchema.optional(),
  batchSize: z.number().int().min(1).max(1_000).default(100),
});

/** @group Invoices @interface */
export type SweepPastDueInput = z.input<typeof sweepPastDueInputSchema>;

/**
 * Moves each `pending_payment` invoice whose due date is before the tenant's local date at `at`
 * to `past_due`, one batch per transaction, skipping any that changed meanwhile. Idempotent: a
 * second run changes nothing. Emits `invoice.past_due` for each.
 */
const markPastDue = defineSweep(
  {
    move: "mark past due",
    input: sweepPastDueInputSchema.prefault({}),
    batchSize: (input) => input.batchSize,
  },
  async (scope, input, after) => {
    const today = localDateAt(input.at ?? scope.now, scope.tenant.timeZone);
    const candidates = await scope.transaction.invoices.listDueBefore({
      before: today,
      after,
      limit: input.batchSize,
    });
    let moved = 0;
    for (const candidate of candidates) {
      const previous = await scope.transaction.invoices.get({
        id: candidate.id,
        forUpdate: true,
      });
      // Skip what changed since the batch was listed (paid, edited to a later due date, …).
      if (
        previous?.status !== "pending_payment" ||
        previous.dueDate === null ||
        previous.dueDate >= today
      )
        continue;
      const invoice = await saveInvoice(scope, previous, { ...previous, status: "past_due" });
      scope.emit(
        "invoice.past_due",
        invoiceSubject(invoice),
        invoiceEventData(invoice, previous.status),
      );
      moved++;
    }
    return { ids: candidates.map((candidate) => candidate.id), moved };
  },
);

/**
 * `remit.invoices.sweepPastDue`: marks what is past due, then charges the late fees now due
 * (`addDueLateFees`), so that an invoice going past due today gets a fee due today in the same
 * run. A second run changes nothing.
 */
export const sweepPastDue: ServiceCall<
  SweepPastDueInput | undefined,
  { moved: number; lateFeesAdded: number }
> = async (deps, context, rawInput) => {
  const input = parseWithSchema(sweepPastDueInputSchema.prefault({}), rawInput);
  const { moved } = await markPastDue(deps, context, rawInput);
  const lateFeesAdded = await addDueLateFees(deps, context, input);
  return { moved, lateFeesAdded };
};
