import { minorUnitsOf } from "../../money/currencies";
import { isZeroMoney, subtractFloorZero } from "../../money/money-arithmetic";
import { localDateAt } from "../../tenants/tenant-dates";
import type { Invoice } from "../invoice";
import type { InvoiceStatus } from "../invoice-status";

/** Recomputes `amountDue` and `credit` from `total` and `amountPaid`. */
export function withBalances(invoice: Invoice): Invoice {
  const digits = minorUnitsOf(invoice.currency);
  return {
    ...invoice,
    amountDue: subtractFloorZero(digits, invoice.total, invoice.amountPaid),
    credit: subtractFloorZero(digits, invoice.amountPaid, invoice.total),
  };
}

/**
 * The status of an issued invoice after its money changed: `paid` when nothing is due; otherwise
 * `past_due` when the tenant's local date is after the due date, else `pending_payment`.
 * A cancelled invoice stays cancelled.
 */
export function settledStatus(invoice: Invoice, now: string, timeZone: string): InvoiceStatus {
  if (invoice.status === "cancelled") return "cancelled";
  if (isZeroMoney(invoice.amountDue)) return "paid";
  if (invoice.dueDate !== null && localDateAt(now, timeZone) > invoice.dueDate) return "past_due";
  return "pending_payment";
}
