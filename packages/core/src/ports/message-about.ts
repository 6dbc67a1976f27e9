import type { CreditNote } from "../credit-notes/credit-note";
import type { DeliveryPurpose } from "../invoices/delivery";
import type { Invoice } from "../invoices/invoice";

/**
 * The tenant, purpose and invoice a message was rendered from.
 * @group Ports
 */
export type MessageAbout = {
  tenantId: string;
  /** The delivery this message is (also its `idempotencyKey`). */
  deliveryId: string;
  purpose: DeliveryPurpose;
  /** The invoice exactly as rendered into the message. */
  invoice: Invoice;
  /** The credit note a `credit_note` message sends. @since 0.3.0 */
  creditNote?: CreditNote;
};
