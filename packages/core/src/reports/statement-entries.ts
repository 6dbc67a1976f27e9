import type { CreditApplication } from "../credit-notes/credit-application";
import type { CreditNote } from "../credit-notes/credit-note";
import type { Invoice } from "../invoices/invoice";
import type { Payment, Refund } from "../invoices/payment";
import { minorUnitsOf } from "../money/currencies";
import { compareMoney, subtractMoney } from "../money/money-arithmetic";
import { localDateAt } from "../tenants/tenant-dates";
import type { StatementLine, StatementLineKind } from "./customer-statement";

/** A statement line before the running balance is known. */
export type StatementEntry = Omit<StatementLine, "balance">;

/** The money records of one issued invoice a statement is built from. */
export type InvoiceMoney = {
  invoice: Invoice;
  payments: Payment[];
  refunds: Refund[];
  creditNotes: CreditNote[];
};

/**
 * One invoice's dated entries. Their changes add up to `amountDue − credit` (the identity
 * total − retained − credit notes − (payments − refunds) − written off, with applied credit netting out
 * across the customer's invoices), which is why a statement reconciles with the invoices.
 * Refunds count when they succeeded (their last update); payments only when matched to the
 * invoice; the write-off with what is written off now.
 */
export function invoiceEntries(money: InvoiceMoney, timeZone: string): StatementEntry[] {
  const { invoice } = money;
  const digits = minorUnitsOf(invoice.currency);
  const negative = (amount: string) => subtractMoney(digits, "0", amount);
  const entry = (
    kind: StatementLineKind,
    id: string,
    date: string,
    amount: string,
    change: string,
    reference = invoice.number,
  ): StatementEntry => ({
    date,
    kind,
    id,
    invoiceId: invoice.id,
    invoiceNumber: invoice.number,
    reference,
    amount,
    change,
  });
  // A progress stage bills its total less the retainage it withholds; the retainage invoice
  // bills that later, so the customer is never charged for it twice.
  const billed = subtractMoney(digits, invoice.total, invoice.progress?.retained ?? "0");
  const entries: StatementEntry[] = [
    entry("invoice", invoice.id, invoice.issueDate ?? "", billed, billed),
  ];
  // A quote deposit applied to a stage is a payment the stage took, not a payment record of its own.
  const deposit = invoice.progress?.depositApplied ?? "0";
  if (compareMoney(deposit, "0") > 0)
    entries.push(
      entry(
        "payment",
        `${invoice.id}:deposit`,
        invoice.issueDate ?? "",
        deposit,
        negative(deposit),
      ),
    );
  for (const payment of money.payments)
    if (payment.status === "succeeded")
      entries.push(
        entry(
          "payment",
          payment.id,
          localDateAt(payment.receivedAt, timeZone),
          payment.amount,
          negative(payment.amount),
        ),
      );
  for (const refund of money.refunds)
    if (refund.status === "succeeded")
      entries.push(
        entry(
          "refund",
          refund.id,
          localDateAt(refund.updatedAt, timeZone),
          refund.amount,
          refund.amount,
        ),
      );
  for (const note of money.creditNotes)
    entries.push(
      entry("credit_note", note.id, note.issueDate, note.total, negative(note.total), note.number),
    );
  if (invoice.writtenOffAt !== null && compareMoney(invoice.writtenOff, "0") > 0)
    entries.push(
      entry(
        "write_off",
        `${invoice.id}:write-off`,
        localDateAt(invoice.writtenOffAt, timeZone),
        invoice.writtenOff,
        negative(invoice.writtenOff),
      ),
    );
  return entries;
}

/** Credit moved between two of the customer's invoices: listed once, on the receiving invoice. */
export function creditAppliedEntry(
  application: CreditApplication,
  to: Invoice,
  timeZone: string,
): StatementEntry {
  return {
    date: localDateAt(application.createdAt, timeZone),
    kind: "credit_applied",
    id: application.id,
    invoiceId: to.id,
    invoiceNumber: to.number,
    reference: to.number,
    amount: application.amount,
    change: subtractMoney(minorUnitsOf(to.currency), "0", "0"),
  };
}

const kindOrder: readonly StatementLineKind[] = [
  "invoice",
  "credit_note",
  "payment",
  "credit_applied",
  "refund",
  "write_off",
];

/** Oldest first; on one day charges before what settles them, then by id. */
export function byStatementOrder(a: StatementEntry, b: StatementEntry): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const kinds = kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind);
  if (kinds !== 0) return kinds;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
