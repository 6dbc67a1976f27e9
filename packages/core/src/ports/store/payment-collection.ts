import type { Payment } from "../../invoices/payment";

/** Payments recorded against the tenant's invoices and quotes (deposits). */
export type PaymentCollection = {
  /** The payment, or `undefined`. */
  get(input: { id: string }): Promise<Payment | undefined>;
  insert(input: { record: Payment }): Promise<void>;
  /** Replaces a payment (its status and refund totals; the amount never changes). */
  update(input: { record: Payment }): Promise<void>;
  /** An invoice's payments, by id. */
  listByInvoice(input: { invoiceId: string }): Promise<Payment[]>;
  /** Every payment recorded against a quote (deposits), applied to an invoice or not. */
  listByQuote(input: { quoteId: string }): Promise<Payment[]>;
};
