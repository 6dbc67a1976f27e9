/**
 * Where an invoice stands. Partial payment is not a status; see `amountPaid` and `amountDue`.
 * @group Invoices
 */
export type InvoiceStatus =
  | "pending_action"
  | "pending_review"
  | "pending_payment"
  | "past_due"
  | "paid"
  | "cancelled";

/** @group Invoices */
export const invoiceStatuses: readonly InvoiceStatus[] = [
  "pending_action",
  "pending_review",
  "pending_payment",
  "past_due",
  "paid",
  "cancelled",
];
