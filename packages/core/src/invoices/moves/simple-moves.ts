import type { z } from "zod";
import { InvalidTransitionError } from "../../errors/invalid-transition-error";
import { minorUnitsOf } from "../../money/currencies";
import { isZeroMoney, subtractMoney } from "../../money/money-arithmetic";
import { defineMove } from "../../service/internal/define-move";
import type { MoveScope } from "../../service/internal/run-move";
import { assertReadyToBill } from "../internal/assert-ready-to-bill";
import { cancelPendingDeliveries } from "../internal/cancel-pending-deliveries";
import { invoiceEventData, invoiceSubject } from "../internal/invoice-event-data";
import { loadInvoiceForMove, saveInvoice } from "../internal/load-invoice-for-move";
import { reasonSchema, recordMoveInputSchema } from "../internal/move-input-fields";
import { withBalances } from "../internal/settle-invoice";
import type { Invoice } from "../invoice";

const moveInputSchema = recordMoveInputSchema;

/**
 * The input of `remit.invoices.requestChanges` and `cancel`: the invoice and a reason.
 * @group Invoices
 */
export const reasonedMoveInputSchema = moveInputSchema.extend({ reason: reasonSchema });

/** @group Invoices @interface */
export type InvoiceMoveInput = z.input<typeof moveInputSchema>;
/** @group Invoices @interface */
export type ReasonedInvoiceMoveInput = z.input<typeof reasonedMoveInputSchema>;

/** Submit for review inside a move: `pending_action` → `pending_review`. */
export async function submitInvoiceInScope(
  scope: MoveScope,
  input: InvoiceMoveInput,
): Promise<Invoice> {
  const previous = await loadInvoiceForMove(scope, input, "submit", ["pending_action"]);
  assertReadyToBill(previous);
  const invoice = await saveInvoice(scope, previous, {
    ...previous,
    status: "pending_review",
    changesRequestedReason: null,
  });
  scope.emit(
    "invoice.submitted",
    invoiceSubject(invoice),
    invoiceEventData(invoice, previous.status),
  );
  return invoice;
}

/** `remit.invoices.submit`: sends a draft for a manager's review. Emits `invoice.submitted`. */
export const submitInvoice = defineMove(
  { move: "submit", actors: ["user"], input: moveInputSchema },
  async (scope, input) => ({ invoice: await submitInvoiceInScope(scope, input) }),
);

/** `remit.invoices.requestChanges`: sends a reviewed invoice back with a reason. */
export const requestInvoiceChanges = defineMove(
  { move: "request changes", actors: ["user"], input: reasonedMoveInputSchema },
  async (scope, input) => {
    const previous = await loadInvoiceForMove(scope, input, "request changes", ["pending_review"]);
    const invoice = await saveInvoice(scope, previous, {
      ...previous,
      status: "pending_action",
      changesRequestedReason: input.reason,
    });
    scope.emit(
      "invoice.changes_requested",
      invoiceSubject(invoice),
      invoiceEventData(invoice, previous.status, { reason: input.reason }),
    );
    return { invoice };
  },
);

/**
 * `remit.invoices.cancel`: withdraws an invoice (kept, with its number) for a reason. Refused
 * while money is recorded on it (refund first). Cancels pending sends and reminders.
 */
export const cancelInvoice = defineMove(
  { move: "cancel", actors: ["user"], input: reasonedMoveInputSchema },
  async (scope, input) => {
    const previous = await loadInvoiceForMove(scope, input, "cancel", [
      "pending_action",
      "pending_review",
      "pending_payment",
      "past_due",
    ]);
    // Deposits from a quote go back to the quote; any other money must be refunded first.
    const deposits = (await scope.deps.hooks.depositsOnInvoice?.(scope, previous)) ?? "0";
    const otherMoney = subtractMoney(
      minorUnitsOf(previous.currency),
      previous.amountPaid,
      deposits,
    );
    if (!isZeroMoney(otherMoney) || !isZeroMoney(previous.refundPending)) {
      throw new InvalidTransitionError({
        status: previous.status,
        move: "cancel",
        reason: `${previous.amountPaid} ${previous.currency} is recorded as paid; refund it first`,
      });
    }
    await cancelPendingDeliveries(scope, previous.id, "invoice_cancelled");
    const returned = (await scope.deps.hooks.beforeInvoiceCancelled?.(scope, previous)) ?? previous;
    const invoice = await saveInvoice(scope, previous, {
      ...withBalances(returned),
      status: "cancelled",
      cancellationReason: input.reason,
      cancelledAt: scope.now,
    });
    scope.emit(
      "invoice.cancelled",
      invoiceSubject(invoice),
      invoiceEventData(invoice, previous.status, { reason: input.reason }),
    );
    return { invoice };
  },
);
