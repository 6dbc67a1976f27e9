/**
 * A delivery's status only moves forward through this list (email stops at `sent`).
 * @group Invoices
 */
export type DeliveryStatus = "scheduled" | "queued" | "sent" | "delivered" | "failed" | "cancelled";

/**
 * What a message is for.
 * @group Invoices
 */
export type DeliveryPurpose = "invoice" | "reminder" | "receipt";

/**
 * One message on one channel to one recipient.
 * @group Invoices
 */
export type Delivery = {
  tenantId: string;
  id: string;
  invoiceId: string;
  purpose: DeliveryPurpose;
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
