/**
 * What a statement line records: an invoice issued, money received or given back, a credit note,
 * a write-off, or customer credit moved from one of the customer's invoices to another.
 * @group Reports
 * @since 0.3.0
 */
export type StatementLineKind =
  | "invoice"
  | "payment"
  | "refund"
  | "credit_note"
  | "write_off"
  | "credit_applied";

/**
 * One dated line of a statement. `change` is what it does to the customer's balance (what they
 * owe, less the credit they hold): an invoice adds its total, a refund adds what went back; a
 * payment, credit note or write-off takes its amount off. Credit applied moves money between two
 * of the customer's invoices, so its change is zero.
 * @group Reports
 * @since 0.3.0
 */
export type StatementLine = {
  /** The local date in the tenant's time zone. */
  date: string;
  kind: StatementLineKind;
  /** The record: invoice, payment, refund, credit note or credit application. */
  id: string;
  invoiceId: string;
  invoiceNumber: string | null;
  /** The credit note's number on a `credit_note` line, else the invoice's. */
  reference: string | null;
  /** The amount as recorded, never negative. */
  amount: string;
  change: string;
  /** The balance after this line. */
  balance: string;
};

/**
 * An invoice of the customer that is still open at the time the statement was taken.
 * @group Reports
 * @since 0.3.0
 */
export type StatementOpenInvoice = {
  invoiceId: string;
  number: string | null;
  issueDate: string | null;
  dueDate: string | null;
  status: string;
  total: string;
  amountDue: string;
};

/**
 * A customer's statement in one currency for the local dates `from` to `to` (both included). It
 * reconciles exactly: `openingBalance + invoiced − paid + refunded − credited − writtenOff =
 * closingBalance`, and the lines' changes add up to the same difference.
 * @group Reports
 * @since 0.3.0
 */
export type CustomerStatement = {
  customerId: string;
  customerName: string;
  customerEmail: string | null;
  currency: string;
  from: string;
  to: string;
  timeZone: string;
  /** The balance at the start of `from`: every line before it. */
  openingBalance: string;
  /** The lines dated `from` to `to`, oldest first. */
  lines: StatementLine[];
  /** The sums of the period's lines by kind. */
  invoiced: string;
  paid: string;
  refunded: string;
  credited: string;
  writtenOff: string;
  creditApplied: string;
  /** The balance at the end of `to`. */
  closingBalance: string;
  /** The customer's open invoices in the currency now (`pending_payment`, `past_due`). */
  openInvoices: StatementOpenInvoice[];
};
