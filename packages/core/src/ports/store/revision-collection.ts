import type { InvoiceRevision } from "../../invoices/invoice";

/**
 * Every saved revision of an invoice's content, append-only.
 * @group Store port
 */
export type RevisionCollection = {
  /** Appends a revision; revisions are never rewritten. */
  append(input: { record: InvoiceRevision }): Promise<void>;
  /** An invoice's revisions, oldest first (empty for an unknown invoice). */
  list(input: { invoiceId: string }): Promise<InvoiceRevision[]>;
};
