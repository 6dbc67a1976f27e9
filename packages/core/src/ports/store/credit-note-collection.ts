import type { CreditNote } from "../../credit-notes/credit-note";

/**
 * The tenant's credit notes: written once, at issue, never changed.
 *
 * @since 0.3.0
 */
export type CreditNoteCollection = {
  /** The credit note, or `undefined`. */
  get(input: { id: string }): Promise<CreditNote | undefined>;
  /**
   * Inserts a credit note. Numbers are unique per tenant: a second note with a number the tenant
   * already used is refused by the store (the core never asks for one: numbers come from
   * `sequences.next`).
   */
  insert(input: { record: CreditNote }): Promise<void>;
  /** An invoice's credit notes, by id (oldest first). */
  listByInvoice(input: { invoiceId: string }): Promise<CreditNote[]>;
};
