import { compareMoney, type StoreTransaction } from "@remit/core";
import { groupKey } from "./memory-table";
import type { MemoryTransactionContext } from "./memory-transaction-context";
import { byId } from "./versioned-records";

/** Credit notes and customer credit moved between invoices (`@since 0.3.0` of the port). */
export function creditCollections(context: MemoryTransactionContext) {
  const { state, t, undo, own, indexAdd, indexList } = context;
  return {
    creditNotes: {
      get: async ({ id }) => state.creditNotes.get(t, id),
      insert: async ({ record: note }) => {
        if (state.creditNotes.has(t, note.id))
          throw new Error(`Credit note ${note.id} already exists`);
        // Unique per tenant, as the SQL store's index has it.
        const numbers = groupKey(t, "credit-note-numbers", note.number);
        if (state.index.groups.get(numbers)?.size)
          throw new Error(`Credit note number ${note.number} is already used`);
        indexAdd(numbers, note.id);
        state.creditNotes.set(t, note.id, own(note), undo);
        indexAdd(groupKey(t, "invoice-credit-notes", note.invoiceId), note.id);
      },
      listByInvoice: async ({ invoiceId }) =>
        indexList(state.creditNotes, groupKey(t, "invoice-credit-notes", invoiceId)).sort(byId),
    },
    creditApplications: {
      insert: async ({ record: application }) => {
        if (state.creditApplications.has(t, application.id))
          throw new Error(`Credit application ${application.id} already exists`);
        state.creditApplications.set(t, application.id, own(application), undo);
        indexAdd(groupKey(t, "invoice-credit", application.fromInvoiceId), application.id);
        indexAdd(groupKey(t, "invoice-credit", application.toInvoiceId), application.id);
        indexAdd(groupKey(t, "customer-credit", application.customerId), application.id);
      },
      listByInvoice: async ({ invoiceId }) =>
        indexList(state.creditApplications, groupKey(t, "invoice-credit", invoiceId)).sort(byId),
      listByCustomer: async ({ customerId }) =>
        indexList(state.creditApplications, groupKey(t, "customer-credit", customerId)).sort(byId),
    },
  } satisfies Partial<StoreTransaction>;
}

/** `invoices.listWithCredit`: a customer's invoices holding credit, by id. */
export function listInvoicesWithCredit(context: MemoryTransactionContext) {
  const { state, t } = context;
  return async ({ customerId }: { customerId: string }) =>
    state.invoices
      .list(t)
      .filter(
        (invoice) => invoice.customer?.id === customerId && compareMoney(invoice.credit, "0") > 0,
      )
      .sort(byId);
}
