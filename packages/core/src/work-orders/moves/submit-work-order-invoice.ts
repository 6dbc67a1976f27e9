import { z } from "zod";
import { InvalidTransitionError } from "../../errors/invalid-transition-error";
import {
  expectedVersionSchema,
  idempotencyKeySchema,
  recordIdSchema,
} from "../../invoices/internal/move-input-fields";
import { createInvoiceInScope } from "../../invoices/moves/create-invoice";
import { issueInvoiceInScope } from "../../invoices/moves/issue-invoice";
import { submitInvoiceInScope } from "../../invoices/moves/simple-moves";
import { defineMove } from "../../service/internal/define-move";
import { textSchema } from "../../validation/text-schema";
import {
  draftInvoiceFromWorkOrder,
  draftInvoiceOptionsSchema,
} from "../draft-invoice-from-work-order";
import { loadWorkOrderForMove, saveWorkOrder } from "../internal/load-work-order";
import { listWorkOrderInvoices, liveProgressInvoices } from "../internal/progress-invoices";

/** @group Work orders */
export const submitWorkOrderInvoiceInputSchema = z.object({
  /** The work order. */
  id: recordIdSchema,
  expectedVersion: expectedVersionSchema.optional(),
  /**
   * The user's changes to the draft: any field of `remit.invoices.create` (lines, taxRates,
   * discounts, fees, terms, memo, …) replaces the draft's.
   */
  changes: z.record(textSchema, z.unknown()).default({}),
  /** How the draft is made: rounding of material prices and of the invoice, a memo. */
  draft: draftInvoiceOptionsSchema.optional(),
  idempotencyKey: idempotencyKeySchema.optional(),
});

/** @group Work orders @interface */
export type SubmitWorkOrderInvoiceInput = z.input<typeof submitWorkOrderInvoiceInputSchema>;

/**
 * "Review & submit": creates the invoice from a `complete_invoice_needed` work order (its draft
 * with the user's changes) and, in the same transaction, submits it for review, or issues it where
 * the tenant needs no review. The work order moves to `invoiced` and the two are linked. A second
 * submit for the same work order, even a concurrent one, is `invalid_transition` and creates no
 * second invoice.
 */
export const submitWorkOrderInvoice = defineMove(
  { move: "submit work order invoice", actors: ["user"], input: submitWorkOrderInvoiceInputSchema },
  async (scope, input) => {
    // Holding the work order serializes double clicks: the second sees it `invoiced`.
    const previous = await loadWorkOrderForMove(scope, input, "submit invoice", [
      "complete_invoice_needed",
    ]);
    const stages = liveProgressInvoices(await listWorkOrderInvoices(scope, previous.id));
    if (stages.length > 0)
      throw new InvalidTransitionError({
        status: previous.status,
        move: "submit invoice",
        reason: "it is billed in stages; bill the final stage instead",
      });
    const { workOrderId, quoteId, ...draft } = draftInvoiceFromWorkOrder(previous, input.draft);
    const created = await createInvoiceInScope(
      scope,
      { ...draft, ...input.changes },
      { workOrderId, ...(quoteId ? { quoteId } : {}) },
    );
    const invoice = scope.tenant.requireReview
      ? await submitInvoiceInScope(scope, { id: created.id })
      : await issueInvoiceInScope(scope, { id: created.id }, { invoice: created, stored: true });
    const workOrder = await saveWorkOrder(
      scope,
      previous,
      { ...previous, status: "invoiced", invoiceId: invoice.id },
      "invoiced",
      {
        invoiceId: invoice.id,
      },
    );
    return { workOrder, invoice };
  },
);
