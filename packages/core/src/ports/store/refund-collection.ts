import type { Refund } from "../../invoices/payment";

/** Refunds of the tenant's payments. */
export type RefundCollection = {
  /** The refund, or `undefined`. */
  get(input: { id: string }): Promise<Refund | undefined>;
  insert(input: { record: Refund }): Promise<void>;
  /** Replaces a refund (its status as the provider reports it). */
  update(input: { record: Refund }): Promise<void>;
  /** A payment's refunds, by id. */
  listByPayment(input: { paymentId: string }): Promise<Refund[]>;
  /** An invoice's refunds, by id. */
  listByInvoice(input: { invoiceId: string }): Promise<Refund[]>;
};
