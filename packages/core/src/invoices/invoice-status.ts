/**
 * Where an invoice stands. Partial payment is not a status; see `amountPaid` and `amountDue`.
 * `uncollectible` is an issued invoice whose balance was written off as bad debt
 * (`remit.invoices.writeOff`); it still takes payments, and becomes `paid` once they cover it.
 * @group Invoices
 */
export type InvoiceStatus =
  | "pending_action"
  | "pending_review"
  | "pending_payment"
  | "past_due"
  | "paid"
  | "uncollectible"
  | "cancelled";

/** @group Invoices */
export const invoiceStatuses: readonly InvoiceStatus[] = [
  "pending_action",
  "pending_review",
  "pending_payment",
  "past_due",
  "paid",
  "uncollectible",
  "cancelled",
];
