import type { InvoiceCalculation } from "../calculation/invoice-calculation";
import type { InvoiceInput } from "../calculation/invoice-input-schema";
import type { CustomerSnapshot } from "../customers/customer";
import type { Actor } from "../service/actor";
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
  /** Payments minus succeeded refunds. */
  amountPaid: string;
  /** `max(0, total − amountPaid)`. */
  amountDue: string;
  /** `max(0, amountPaid − total)`: an overpayment, kept until refunded. */
  credit: string;
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
