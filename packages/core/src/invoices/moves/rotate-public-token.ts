import { defineMove } from "../../service/internal/define-move";
import { invoiceEventData, invoiceSubject } from "../internal/invoice-event-data";
import { loadInvoiceForMove, saveInvoice } from "../internal/load-invoice-for-move";
import { recordMoveInputSchema } from "../internal/move-input-fields";

/**
 * `remit.invoices.rotatePublicToken`: revokes the customer's link and makes a new one, for a link
 * that was forwarded or leaked. The old token stops finding the invoice at once; send the new
 * link (`invoice.publicToken`) again. Allowed on every issued invoice, paid and cancelled ones
 * included. Emits `invoice.public_token_rotated`, whose data names neither token (events reach
 * webhooks).
 */
export const rotatePublicToken = defineMove(
  { move: "rotate public token", actors: ["user", "system"], input: recordMoveInputSchema },
  async (scope, input) => {
    const previous = await loadInvoiceForMove(scope, input, "rotate public token", [
      "pending_payment",
      "past_due",
      "paid",
      "uncollectible",
      "cancelled",
    ]);
    const invoice = await saveInvoice(scope, previous, {
      ...previous,
      publicToken: scope.deps.ids.newPublicToken(),
    });
    scope.emit(
      "invoice.public_token_rotated",
      invoiceSubject(invoice),
      invoiceEventData(invoice, previous.status),
    );
    return { invoice };
  },
);
