import type { Invoice } from "../invoices/invoice";
import { addMoney } from "../money/money-arithmetic";

/**
 * What an invoice's `late_fee` lines add up to: `total` with their taxes (what the customer is
 * charged for being late, as the overdue message says) and `net` before tax (what the rule's
 * `maximumTotal` caps).
 * @since 0.3.0
 * @group Late fees
 */
export function sumLateFees(invoice: Pick<Invoice, "currency" | "totals">): {
  total: string;
  net: string;
} {
  // `totals` is absent only on partial invoices built by hand for messages; they carry no fees.
  const lines = (invoice.totals?.lines ?? []).filter((line) => line.kind === "late_fee");
  return {
    total: addMoney(invoice.currency, ...lines.map((line) => line.total)),
    net: addMoney(invoice.currency, ...lines.map((line) => line.excludingTax)),
  };
}

/** The late fees on an invoice with their taxes, for messages. */
export function totalOfLateFees(invoice: Pick<Invoice, "currency" | "totals">): string {
  return sumLateFees(invoice).total;
}
