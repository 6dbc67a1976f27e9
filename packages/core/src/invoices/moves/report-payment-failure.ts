import { z } from "zod";
import { NotFoundError } from "../../errors/not-found-error";
import { defineMove } from "../../service/internal/define-move";
import { textSchema } from "../../validation/text-schema";
import { invoiceEventData, invoiceSubject } from "../internal/invoice-event-data";
import { idempotencyKeySchema, recordIdSchema } from "../internal/move-input-fields";

/** @group Invoices */
export const reportPaymentFailureInputSchema = z.object({
  id: recordIdSchema,
  /** The provider's payment reference (a PaymentIntent id). */
  reference: textSchema.min(1).max(255),
  /** The provider's reason, e.g. `card_declined`. */
  reason: textSchema.min(1).max(1_000),
  idempotencyKey: idempotencyKeySchema,
});

/** @group Invoices @interface */
export type ReportPaymentFailureInput = z.input<typeof reportPaymentFailureInputSchema>;

/**
 * `remit.invoices.reportPaymentFailure`: a provider says an attempt to pay failed (a declined card,
 * a returned ACH debit before it settled). Appends `invoice.payment_failed` so the tenant can
 * follow up; the invoice and its version are left as they are.
 */
export const reportPaymentFailure = defineMove(
  { move: "report payment failure", actors: ["provider"], input: reportPaymentFailureInputSchema },
  async (scope, input) => {
    const invoice = await scope.transaction.invoices.get({ id: input.id });
    if (!invoice) throw new NotFoundError({ resource: "invoice", id: input.id });
    scope.emit(
      "invoice.payment_failed",
      invoiceSubject(invoice),
      invoiceEventData(invoice, invoice.status, {
        reference: input.reference,
        reason: input.reason,
      }),
    );
    return { invoice };
  },
);
