import type { Invoice } from "../../invoices/invoice";
import type { InvoiceStatus } from "../../invoices/invoice-status";
import type { Page, PageInput } from "./page";
import type { VersionedCollection } from "./versioned-collection";

/**
 * Filters for listing invoices; every filter is optional and they combine with AND.
 * @group Store port
 */
export type InvoiceFilter = {
  /** Any of these statuses. */
  status?: readonly InvoiceStatus[];
  customerId?: string;
  /** Due on or after / on or before (`YYYY-MM-DD`). */
  dueFrom?: string;
  dueTo?: string;
  /** The exact invoice number. */
  number?: string;
  /**
   * Case-insensitive text, taken literally (`%` and `_` are no wildcards), in the customer's name
   * or in the number; a match never spans the two.
   */
  search?: string;
  workOrderId?: string;
};

/**
 * The tenant's invoices (the current state; the history is in `revisions`).
 * @group Store port
 */
export type InvoiceCollection = VersionedCollection<Invoice> & {
  /** Newest first by id; `cursor` is opaque and comes from a previous page. */
  list(input: PageInput & { filter: InvoiceFilter }): Promise<Page<Invoice>>;
  /**
   * `pending_payment` invoices whose `dueDate` is before `before`, ordered by id, after the id
   * `after`, at most `limit`: the past-due sweep's batches.
   */
  listDueBefore(input: { before: string; after?: string; limit: number }): Promise<Invoice[]>;
  /**
   * A customer's invoices that hold credit (`credit > 0`), every currency and status, by id: the
   * balances of the customer's credit ledger. Optional for stores written before 0.3;
   * `customers.getCredit` needs it.
   * @since 0.3.0
   */
  listWithCredit?(input: { customerId: string }): Promise<Invoice[]>;
  /**
   * `past_due` invoices that carry a late-fee rule (`lateFee` not null), ordered by id, after the
   * id `after`, at most `limit`: the late-fee sweep's batches. Optional for stores written before
   * 0.3; a store without it cannot keep `lateFee`, so issuing under a late-fee rule and the
   * late-fee sweep refuse with `not_supported` there.
   * @since 0.3.0
   */
  listLateFeeCandidates?(input: { after?: string; limit: number }): Promise<Invoice[]>;
  /**
   * Open invoices (`pending_payment` and `past_due`), ordered by id, after the id `after`, at most
   * `limit`: the aging report's batches, so that it never loads paid or draft invoices. Optional
   * for stores written before 0.3; `reports.aging` needs it.
   * @since 0.3.0
   */
  listOpen?(input: { after?: string; limit: number }): Promise<Invoice[]>;
};
