import type { Payment } from "../../invoices/payment";

/**
 * Payments recorded against the tenant's invoices and quotes (deposits).
 * @group Store port
 */
export type PaymentCollection = {
  /** The payment, or `undefined`. */
  get(input: { id: string }): Promise<Payment | undefined>;
  /**
   * Inserts a payment. Throws `IdempotencyKeyTakenError` (and writes nothing; the transaction stays
   * usable) when the tenant has a payment with the same `idempotencyKey`.
   */
  insert(input: { record: Payment }): Promise<void>;
  /**
   * Replaces a payment (its status, the invoice a deposit is applied to; the amount never
   * changes). Throws `NotFoundError` when the tenant has no payment with that id.
   */
  update(input: { record: Payment }): Promise<void>;
  /** An invoice's payments, by id. */
  listByInvoice(input: { invoiceId: string }): Promise<Payment[]>;
  /** Every payment recorded against a quote (deposits), applied to an invoice or not, by id. */
  listByQuote(input: { quoteId: string }): Promise<Payment[]>;
};
