import type { CreditApplication } from "../../credit-notes/credit-application";

/**
 * Customer credit moved between invoices: the entries of each customer's credit ledger. Written
 * once, never changed.
 *
 * @since 0.3.0
 */
export type CreditApplicationCollection = {
  /** Inserts an entry. */
  insert(input: { record: CreditApplication }): Promise<void>;
  /** The entries that took credit from or gave credit to an invoice, by id. */
  listByInvoice(input: { invoiceId: string }): Promise<CreditApplication[]>;
  /** A customer's entries, every currency, by id. */
  listByCustomer(input: { customerId: string }): Promise<CreditApplication[]>;
};
