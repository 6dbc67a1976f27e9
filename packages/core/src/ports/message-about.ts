import type { CreditNote } from "../credit-notes/credit-note";
import type { DeliveryPurpose } from "../invoices/delivery";
import type { Invoice } from "../invoices/invoice";
import type { Quote } from "../quotes/quote";

/**
 * The tenant, purpose and invoice (or quote) a message was rendered from.
 * @group Ports
 */
export type MessageAbout = {
  tenantId: string;
  /** The delivery this message is (also its `idempotencyKey`). */
  deliveryId: string;
  purpose: DeliveryPurpose;
  /**
   * The invoice exactly as rendered into the message; absent on a quote's message (`quote`),
   * since 0.3.0.
   */
  invoice?: Invoice;
  /** The quote a `quote` message sends, as rendered. @since 0.3.0 */
  quote?: Quote;
  /** The credit note a `credit_note` message sends. @since 0.3.0 */
  creditNote?: CreditNote;
};
