/**
 * A delivery's status only moves forward through this list (email stops at `sent`).
 * @group Invoices
 */
export type DeliveryStatus = "scheduled" | "queued" | "sent" | "delivered" | "failed" | "cancelled";

/**
 * What a message is for. `credit_note` (`@since 0.3.0`): a credit note on the invoice, named by
 * the delivery's `creditNoteId`. `quote` (`@since 0.3.0`): a quote's link, sent by `quotes.send`;
 * the delivery names the quote (`quoteId`) and no invoice.
 * @group Invoices
 */
export type DeliveryPurpose = "invoice" | "reminder" | "receipt" | "credit_note" | "quote";

/**
 * One message on one channel to one recipient.
 * @group Invoices
 */
export type Delivery = {
  tenantId: string;
  id: string;
  /** The invoice the message is about; `null` on a quote's delivery (`@since 0.3.0`). */
  invoiceId: string | null;
  /**
   * The quote a `quote` delivery sends; `null` (or absent, from a store written before 0.3.0)
   * for every other purpose.
   * @since 0.3.0
   */
  quoteId?: string | null;
  purpose: DeliveryPurpose;
  /**
   * The credit note a `credit_note` delivery sends; `null` (or absent, from a store written
   * before 0.3.0) for every other purpose.
   * @since 0.3.0
   */
  creditNoteId?: string | null;
  channel: "email" | "sms";
  recipient: string;
  status: DeliveryStatus;
  /** The provider's own word for it (`undelivered`, `30007`), kept beside Remit's status. */
  providerStatus: string | null;
  providerMessageId: string | null;
  /** Why it failed or was cancelled (`outcome_unknown`, `invoice_paid`, …). */
  reason: string | null;
  /** The event or schedule that caused it; with channel and recipient, a message is sent once. */
  sourceId: string;
  scheduledFor: string;
  attempts: number;
  createdAt: string;
  updatedAt: string;
};
