import type { InvoiceCalculation } from "../calculation/invoice-calculation";
import type { CustomerSnapshot } from "../customers/customer";
import type { InvoiceContent } from "../invoices/invoice";
import type { Actor } from "../service/actor";
import type { PaymentTerms } from "../tenants/payment-terms";

/**
 * `draft` → `sent` → `approved` or `declined`; a sent quote past `expiresOn` is `expired`.
 * @group Quotes
 */
export type QuoteStatus = "draft" | "sent" | "approved" | "declined" | "expired";

/**
 * A price offered before the work; approved, it may take a deposit and becomes one work order.
 * @group Quotes
 */
export type Quote = {
  tenantId: string;
  id: string;
  version: number;
  status: QuoteStatus;
  revision: number;
  title: string;
  customer: CustomerSnapshot;
  currency: string;
  terms: PaymentTerms;
  content: InvoiceContent;
  totals: InvoiceCalculation;
  /** The last day it can be approved (tenant's local date). */
  expiresOn: string | null;
  /**
   * The deposit asked of the customer before the work (a decimal string in the quote's currency),
   * or `null` when none is. The hosted quote page offers to pay what of it is not held yet.
   * @since 0.3.0
   */
  depositRequired: string | null;
  /** Deposits recorded and not refunded or applied to an invoice yet. */
  depositHeld: string;
  approvedBy: string | null;
  approvedAt: string | null;
  declinedAt: string | null;
  declineReason: string | null;
  sentAt: string | null;
  /**
   * The key of the customer's hosted quote page (`/q/<token>`): made when the quote is first sent,
   * as an invoice's is when it is issued (the same generator, `ids.newPublicToken`), and kept by
   * later sends; `null` for a draft.
   * @since 0.3.0
   */
  publicToken: string | null;
  workOrderId: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy: Actor;
};
