import { z } from "zod";
import { batchInputFields, progressCallbackSchema } from "../../batch/batch-input-fields";
import { defineBatch } from "../../batch/define-batch";
import { InvalidTransitionError } from "../../errors/invalid-transition-error";
import type { RemitEvent } from "../../events/remit-event";
import type { Invoice } from "../../invoices/invoice";
import { draftInvoiceOptionsSchema } from "../draft-invoice-from-work-order";
import type { WorkOrder } from "../work-order";
import { submitWorkOrderInvoice } from "./submit-work-order-invoice";

/**
 * What one work order of `submitInvoices` gives: the same as `submitInvoice`.
 * @group Work orders
 */
export type SubmittedWorkOrderInvoice = {
  workOrder: WorkOrder;
  invoice: Invoice;
  events: RemitEvent[];
};

export const submitWorkOrderInvoicesInputSchema = z.object({
  ...batchInputFields,
  /** How each draft is made (rounding, a memo), the same for every work order. */
  draft: draftInvoiceOptionsSchema.optional(),
  onProgress: progressCallbackSchema<SubmittedWorkOrderInvoice>(),
});

export type SubmitWorkOrderInvoicesInput = z.input<typeof submitWorkOrderInvoicesInputSchema>;

/**
 * "Invoice selected": review & submit for many `complete_invoice_needed` work orders, each in its
 * own transaction with a key derived from `batchKey`, as `submitInvoice` without changes. A work
 * order that is already `invoiced` is `skipped` (`already_done`); one in another status is
 * `refused` (`invalid_transition`), and so on per item; the others go on.
 */
export const submitWorkOrderInvoices = defineBatch(
  {
    move: "submit work order invoices",
    actors: ["user"],
    input: submitWorkOrderInvoicesInputSchema,
    // Invoiced by another call (a single click, another batch): nothing left to do for it.
    alreadyDone: (error) => InvalidTransitionError.isInstance(error) && error.status === "invoiced",
  },
  (deps, context, input, item) =>
    submitWorkOrderInvoice(deps, context, {
      id: item.id,
      idempotencyKey: item.idempotencyKey,
      ...(input.draft ? { draft: input.draft } : {}),
    }) as Promise<SubmittedWorkOrderInvoice>,
);
