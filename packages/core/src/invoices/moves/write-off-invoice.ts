import { defineMove } from "../../service/internal/define-move";
import { cancelPendingDeliveries } from "../internal/cancel-pending-deliveries";
import { invoiceEventData, invoiceSubject } from "../internal/invoice-event-data";
import { loadInvoiceForMove, saveInvoice } from "../internal/load-invoice-for-move";
import { withBalances } from "../internal/settle-invoice";
import { reasonedMoveInputSchema } from "./simple-moves";

/** The input of `remit.invoices.writeOff`: the invoice and why it will not be collected. */
export const writeOffInvoiceInputSchema = reasonedMoveInputSchema;

/**
 * `remit.invoices.writeOff`: gives up on collecting an issued invoice's balance (bad debt):
 * `pending_payment` or `past_due` → `uncollectible`, with the amount due recorded as
 * `writtenOff`. Pending sends and reminders are cancelled, and the past-due sweep and late fees
 * pass it by. Payments are still taken: each lowers `writtenOff`, and the invoice is `paid` once
 * they cover it. A refund or credit note later moves `writtenOff`, never the status. Emits
 * `invoice.written_off`. (Cancel is for invoices without money; this is for the ones the
 * customer owes and will not pay.)
 *
 * @since 0.3.0
 */
export const writeOffInvoice = defineMove(
  { move: "write off", actors: ["user"], input: writeOffInvoiceInputSchema },
  async (scope, input) => {
    const previous = await loadInvoiceForMove(scope, input, "write off", [
      "pending_payment",
      "past_due",
    ]);
    await cancelPendingDeliveries(scope, previous.id, "invoice_written_off");
    const invoice = await saveInvoice(
      scope,
      previous,
      withBalances({
        ...previous,
        status: "uncollectible",
        writeOffReason: input.reason,
        writtenOffAt: scope.now,
      }),
    );
    scope.emit(
      "invoice.written_off",
      invoiceSubject(invoice),
      invoiceEventData(invoice, previous.status, {
        reason: input.reason,
        amount: invoice.writtenOff,
      }),
    );
    return { invoice };
  },
);
