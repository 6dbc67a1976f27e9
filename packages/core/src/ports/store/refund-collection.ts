import type { Refund } from "../../invoices/payment";

/**
 * Refunds of the tenant's payments.
 * @group Store port
 */
export type RefundCollection = {
  /** The refund, or `undefined`. */
  get(input: { id: string }): Promise<Refund | undefined>;
  /**
   * Inserts a refund. Throws `IdempotencyKeyTakenError` (and writes nothing; the transaction stays
   * usable) when the tenant has a refund with the same `idempotencyKey`.
   */
  insert(input: { record: Refund }): Promise<void>;
  /**
   * Replaces a refund (its status as the provider reports it). Throws `NotFoundError` when the
   * tenant has no refund with that id.
   */
  update(input: { record: Refund }): Promise<void>;
  /** A payment's refunds, by id. */
  listByPayment(input: { paymentId: string }): Promise<Refund[]>;
  /** An invoice's refunds, by id. */
  listByInvoice(input: { invoiceId: string }): Promise<Refund[]>;
};
