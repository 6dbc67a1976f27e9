import { createMemoryStore } from "@remit/testing";
import type { InvoiceStore, StoreTransaction } from "../../src/index";

/**
 * A memory store as one written before a release: its transactions lack the named collections
 * (`creditNotes`, …), the named optional reads of `invoices` (`listOpen`, …) and of the store, as an adapter
 * that predates them would. Used to check that new calls refuse with `not_supported` there.
 */
export function olderStore(missing: {
  collections?: (keyof StoreTransaction)[];
  invoiceReads?: (keyof StoreTransaction["invoices"])[];
  /** Optional reads of the store itself (`findQuoteByPublicToken`, …). */
  storeReads?: (keyof InvoiceStore)[];
}): InvoiceStore {
  const inner = createMemoryStore();
  const outer: Record<string, unknown> = { ...inner };
  for (const read of missing.storeReads ?? []) delete outer[read];
  return {
    ...(outer as InvoiceStore),
    transaction: ({ work, ...rest }) =>
      inner.transaction({
        ...rest,
        work: (transaction) => {
          const invoices = { ...transaction.invoices };
          for (const read of missing.invoiceReads ?? []) delete invoices[read];
          const older: Record<string, unknown> = { ...transaction, invoices };
          for (const collection of missing.collections ?? []) delete older[collection];
          return work(older as StoreTransaction);
        },
      }),
  };
}
