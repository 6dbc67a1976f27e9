import type { InvoiceStore } from "@remit/core";
import type { StoreProbe } from "../store-conformance/conformance-harness";
import type { MemoryStoreState } from "./create-memory-store";

/**
 * Reads a memory store's rows directly, for the conformance suite.
 * @group Memory store
 */
export function createMemoryProbe(store: InvoiceStore): StoreProbe {
  const state = (store as InvoiceStore & { state: MemoryStoreState }).state;
  const countIn = (table: { groups: Map<string, Map<string, unknown>> }, tenantId: string) => {
    let count = 0;
    for (const [group, rows] of table.groups)
      if (group === tenantId || group.startsWith(`${tenantId}\u0000`)) count += rows.size;
    return count;
  };
  return {
    invoice: async (tenantId, id) => state.invoices.get(tenantId, id),
    count: async (tenantId, table) => countIn(state[table], tenantId),
    invoiceNumbers: async (tenantId) =>
      state.invoices
        .list(tenantId)
        .map((invoice) => invoice.number)
        .filter((number): number is string => number !== null),
    creditNoteNumbers: async (tenantId) =>
      state.creditNotes.list(tenantId).map((note) => note.number),
    planOccurrenceDates: async (tenantId, planId) =>
      state.planOccurrences
        .list(`${tenantId}\u0000${planId}`)
        .map((occurrence) => occurrence.date)
        .sort(),
    invoiceProgress: async (tenantId, id) => state.invoices.get(tenantId, id)?.progress,
    quote: async (tenantId, id) => {
      const quote = state.quotes.get(tenantId, id);
      return quote && { publicToken: quote.publicToken, depositRequired: quote.depositRequired };
    },
  };
}
