import type { Delivery } from "../../invoices/delivery";

/**
 * Emails and texts sent (or to be sent) about the tenant's invoices and quotes.
 * @group Store port
 */
export type DeliveryCollection = {
  /** The delivery, or `undefined`. */
  get(input: { id: string }): Promise<Delivery | undefined>;
  /**
   * Inserts a delivery. Returns false and writes nothing when one with the same `sourceId`,
   * `channel` and `recipient` exists: a scheduled send that runs twice delivers once.
   */
  insert(input: { record: Delivery }): Promise<boolean>;
  /**
   * Replaces a delivery (its status as the provider reports it). Throws `NotFoundError` when the
   * tenant has no delivery with that id.
   */
  update(input: { record: Delivery }): Promise<void>;
  /** An invoice's deliveries, by id. */
  listByInvoice(input: { invoiceId: string }): Promise<Delivery[]>;
  /**
   * A quote's deliveries (`quotes.send`), by id. Optional for stores written before it: the
   * quote then reads with no deliveries.
   * @since 0.3.0
   */
  listByQuote?(input: { quoteId: string }): Promise<Delivery[]>;
  /** The delivery a provider's status report is about, or `undefined`. */
  findByProviderMessageId(input: { providerMessageId: string }): Promise<Delivery | undefined>;
};
