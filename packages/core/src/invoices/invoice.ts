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
  /**
   * Set on the invoices of progress billing (`remit.workOrders.billStage` and `billRetainage`):
   * which stage of which work order it bills, and what it withholds. `null` on every other
   * invoice. The retained amount lowers `amountDue` (never a negative line), so always
   * `amountDue − credit = total − creditNoteTotal − amountPaid − writtenOff − progress.retained`.
   * @since 0.3.0
   */
  progress: InvoiceProgress | null;
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
 * What a progress-billing invoice bills of its work order. Stage invoices are numbered 1, 2, 3…
 * per work order; the retainage invoice takes the number after the final stage. At most one live
 * (not cancelled) invoice per work order and number; an invoice without `progress` counts as
 * number 0, so a work order billed in one go has at most one live invoice, as before.
 * @since 0.3.0
 * @group Invoices
 */
export type InvoiceProgress = {
  workOrderId: string;
  /** The stage's number (1 for the first); for the retainage invoice, the final stage's + 1. */
  stage: number;
  /** `stage` bills part of the contract; `retainage` bills what the stages withheld. */
  kind: "stage" | "retainage";
  /** Whether this stage billed everything left of the contract (`false` on a retainage invoice). */
  final: boolean;
  /** Withheld from this stage's amount due, billed later by the retainage invoice. */
  retained: string;
  /** The retainage percent the stage withheld at (of its net); `"0"` for none. */
  retainagePercent: string;
  /** Net billed per contract line (work order entry or fee id) by this invoice. */
  billed: Record<string, string>;
  /**
   * The quote's deposit applied to this stage at issue: min(deposit left, what the stage asks
   * after retainage). Counted in `amountPaid`; it goes back to the quote if the stage is cancelled.
   */
  depositApplied: string;
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
