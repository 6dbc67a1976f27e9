import type { Invoice } from "@remit/core";
import type { MemoryTransactionContext } from "./memory-transaction-context";
import { byId } from "./versioned-records";

/** `invoices.listOpen`: the tenant's open invoices by id, in batches, as the aging report reads them. */
export function listOpenInvoices(context: MemoryTransactionContext) {
  const { state, t } = context;
  return async ({ after, limit }: { after?: string; limit: number }): Promise<Invoice[]> =>
    state.invoices
      .list(t)
      .filter(
        (invoice) =>
          (invoice.status === "pending_payment" || invoice.status === "past_due") &&
          (after === undefined || invoice.id > after),
      )
      .sort(byId)
      .slice(0, limit);
}
