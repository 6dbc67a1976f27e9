import type { InvoiceCalculation } from "../calculation/invoice-calculation";
import type { InvoiceInput } from "../calculation/invoice-input-schema";
import type { CustomerSnapshot } from "../customers/customer";
import type { Actor } from "../service/actor";
import type { LateFeeRule } from "../tenants/late-fee-rule";
import type { PaymentTerms } from "../tenants/payment-terms";
import type { InvoiceStatus } from "./invoice-status";

/**
 * What an invoice bills: the input of `calculateInvoice` without its currency, plus notes.
 * @group Invoices
 */
export type InvoiceContent = Omit<InvoiceInput, "currency"> & {
  /** Printed on the invoice for the customer. */
  memo?: string;
};

/**
 * An invoice as stored: its latest revision's content and totals, where it stands, and the money
 * received. All money is decimal strings in `currency`.
 * @group Invoices
 */
export type Invoice = {
  tenantId: string;
  id: string;
  /** Raised by one on every move. Pass it back as `expectedVersion`. */
  version: number;
  status: InvoiceStatus;
  /** The latest revision's number (1 at create). */
  revision: number;
  currency: string;
  customer: CustomerSnapshot | null;
  terms: PaymentTerms;
  content: InvoiceContent;
  totals: InvoiceCalculation;
  total: string;
  /**
   * The sum of the credit notes issued on this invoice (`remit.invoices.issueCreditNote`): what
   * the customer no longer owes. `total − creditNoteTotal` is what the invoice bills now.
   * @since 0.3.0
   */
  creditNoteTotal: string;
  /**
   * Payments minus succeeded refunds, plus customer credit applied to this invoice from another,
   * minus credit applied from this invoice to another.
   */
  amountPaid: string;
  /** `max(0, total − creditNoteTotal − amountPaid)`; 0 while `uncollectible`. */
  amountDue: string;
  /**
   * `max(0, amountPaid − (total − creditNoteTotal))`: an overpayment, or what a credit note took
   * below the amount already paid. Kept until refunded or applied to another invoice of the same
   * customer and currency (customer credit).
   */
  credit: string;
  /**
   * The balance written off as bad debt (`uncollectible`): `max(0, total − creditNoteTotal −
   * amountPaid)` while uncollectible, so a later payment shrinks it and a refund or credit note
   * moves it. `"0"` (with the currency's digits) on every invoice never written off.
   * @since 0.3.0
   */
  writtenOff: string;
  /** Why it was written off, and when; `null` until then. @since 0.3.0 */
  writeOffReason: string | null;
  writtenOffAt: string | null;
  /**
   * The tenant's late-fee rule as it stood at issue (later changes of the rule leave this invoice
   * alone), and how many of its fee periods the past-due sweep has settled. `null` for invoices
   * issued without a rule, and before issue.
   * @since 0.3.0
   */
  lateFee: InvoiceLateFee | null;
  /** Refunds requested from a provider and not yet confirmed. */
  refundPending: string;
  /** Assigned at issue, e.g. `INV-2026-0042`. */
  number: string | null;
  /** The number without its sequence; each series counts 1, 2, 3… */
  series: string | null;
  sequence: number | null;
  issueDate: string | null;
  dueDate: string | null;
  /** The unguessable token of the customer's hosted page, set at issue. */
  publicToken: string | null;
  workOrderId: string | null;
  quoteId: string | null;
  cancellationReason: string | null;
  changesRequestedReason: string | null;
  createdAt: string;
  updatedAt: string;
  issuedAt: string | null;
  paidAt: string | null;
  cancelledAt: string | null;
  createdBy: Actor;
};

/**
 * The late-fee rule an invoice carries from its issue, and the fee periods already settled
 * (fee N is the line with id `late-fee-N`).
 * @since 0.3.0
 * @group Late fees
 */
export type InvoiceLateFee = {
  rule: LateFeeRule;
  /** The highest fee period the sweep has charged; 0 until the first fee. */
  periodsCharged: number;
};

/**
 * An immutable snapshot stored at every create and update.
 * @group Invoices
 */
export type InvoiceRevision = {
  tenantId: string;
  invoiceId: string;
  revision: number;
  currency: string;
  customer: CustomerSnapshot | null;
  terms: PaymentTerms;
  content: InvoiceContent;
  totals: InvoiceCalculation;
  actor: Actor;
  createdAt: string;
};
