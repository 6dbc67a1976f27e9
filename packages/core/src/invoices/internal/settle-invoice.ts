import { minorUnitsOf } from "../../money/currencies";
import {
  isZeroMoney,
  roundMoney,
  subtractFloorZero,
  subtractMoney,
} from "../../money/money-arithmetic";
import { localDateAt } from "../../tenants/tenant-dates";
import type { Invoice } from "../invoice";
import type { InvoiceStatus } from "../invoice-status";

/** What progress billing withholds from the invoice until its retainage invoice; `"0"` if none. */
export function retainedOf(invoice: Invoice): string {
  return invoice.progress?.retained ?? "0";
}

/**
 * What the invoice asks for now: its total less the credit notes issued on it and less the
 * retainage it withholds (billed later by the retainage invoice, never as a negative line).
 */
export function netTotalOf(invoice: Invoice): string {
  const digits = minorUnitsOf(invoice.currency);
  return subtractMoney(
    digits,
    subtractMoney(digits, invoice.total, invoice.creditNoteTotal),
    retainedOf(invoice),
  );
}

/**
 * Recomputes `amountDue`, `credit` and (while `uncollectible`) `writtenOff` from `total`,
 * `creditNoteTotal`, `amountPaid` and the retainage withheld (`progress.retained`), so that always
 * `amountDue − credit = total − creditNoteTotal − amountPaid − writtenOff − retained`, none
 * negative.
 * On an uncollectible invoice the written-off amount absorbs every change: nothing is due.
 */
export function withBalances(invoice: Invoice): Invoice {
  const digits = minorUnitsOf(invoice.currency);
  const net = netTotalOf(invoice);
  const unpaid = subtractFloorZero(digits, net, invoice.amountPaid);
  const uncollectible = invoice.status === "uncollectible";
  return {
    ...invoice,
    amountDue: uncollectible ? roundMoney("0", digits) : unpaid,
    credit: subtractFloorZero(digits, invoice.amountPaid, net),
    writtenOff: uncollectible ? unpaid : invoice.writtenOff,
  };
}

/**
 * The status of an issued invoice after its money changed: `paid` when nothing is due; otherwise
 * `past_due` when the tenant's local date is after the due date, else `pending_payment`.
 * A cancelled invoice stays cancelled; an uncollectible one stays uncollectible (a refund or a
 * credit note moves its written-off amount, not its status; see {@link settledAfterPayment}).
 */
export function settledStatus(invoice: Invoice, now: string, timeZone: string): InvoiceStatus {
  if (invoice.status === "cancelled" || invoice.status === "uncollectible") return invoice.status;
  if (isZeroMoney(invoice.amountDue)) return "paid";
  if (invoice.dueDate !== null && localDateAt(now, timeZone) > invoice.dueDate) return "past_due";
  return "pending_payment";
}

/**
 * The status after money came in (a payment, customer credit applied): as {@link settledStatus},
 * except that an uncollectible invoice whose written-off amount the money covered is `paid`.
 */
export function settledAfterPayment(
  invoice: Invoice,
  now: string,
  timeZone: string,
): InvoiceStatus {
  if (invoice.status === "uncollectible" && isZeroMoney(invoice.writtenOff)) return "paid";
  return settledStatus(invoice, now, timeZone);
}
