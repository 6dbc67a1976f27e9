import { createMemoryStore } from "@remit/testing";
import type { InvoiceStore, StoreTransaction } from "../../src/index";

/**
 * A memory store as one written before a release: its transactions lack the named collections
 * (`creditNotes`, …) and the named optional reads of `invoices` (`listOpen`, …), as an adapter
 * that predates them would. Used to check that new calls refuse with `not_supported` there.
 */
export function olderStore(missing: {
  collections?: (keyof StoreTransaction)[];
  invoiceReads?: (keyof StoreTransaction["invoices"])[];
}): InvoiceStore {
  const inner = createMemoryStore();
  return {
    ...inner,
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
