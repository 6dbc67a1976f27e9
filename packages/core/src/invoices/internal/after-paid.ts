import type { MoveScope } from "../../service/internal/run-move";
import type { Invoice } from "../invoice";
import { cancelPendingDeliveries } from "./cancel-pending-deliveries";
import { invoiceEventData, invoiceSubject } from "./invoice-event-data";

/**
 * When a move brought the amount due to 0: appends `invoice.paid`, stamps `paidAt`, and cancels
 * the invoice's pending sends and reminders. Returns the invoice as stamped (not yet saved).
 */
export async function afterMoneyMoved(
  scope: MoveScope,
  previous: Invoice,
  next: Invoice,
): Promise<Invoice> {
  if (next.status !== "paid" || previous.status === "paid") return next;
  const paid = { ...next, paidAt: scope.now };
  await cancelPendingDeliveries(scope, paid.id, "invoice_paid");
  return paid;
}

/** Appends `invoice.paid` for a saved invoice that this move made paid. */
export function emitPaidIfSettled(scope: MoveScope, previous: Invoice, saved: Invoice): void {
  if (saved.status === "paid" && previous.status !== "paid") {
    scope.emit("invoice.paid", invoiceSubject(saved), invoiceEventData(saved, previous.status));
  }
}
