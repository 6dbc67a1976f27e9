import {
  ConcurrencyError,
  type Invoice,
  type InvoiceFilter,
  type Page,
  type Quote,
  type StoreTransaction,
} from "@remit/core";
import {
  byStatusAndCustomer,
  decodeCursor,
  encodeCursor,
  pageNewestFirst,
  versionedRecords,
} from "./versioned-records";

function matches(invoice: Invoice, filter: InvoiceFilter): boolean {
  if (filter.status && !filter.status.includes(invoice.status)) return false;
  if (filter.customerId && invoice.customer?.id !== filter.customerId) return false;
  if (filter.dueFrom && (invoice.dueDate === null || invoice.dueDate < filter.dueFrom))
    return false;
  if (filter.dueTo && (invoice.dueDate === null || invoice.dueDate > filter.dueTo)) return false;
  if (filter.number && invoice.number !== filter.number) return false;
  if (filter.workOrderId && invoice.workOrderId !== filter.workOrderId) return false;
  if (filter.search) {
    // In either field, never across the two (the SQL store's search text keeps them apart).
    const needle = filter.search.toLowerCase();
    const fields = [invoice.customer?.name ?? "", invoice.number ?? ""];
    if (!fields.some((field) => field.toLowerCase().includes(needle))) return false;
  }
  return true;
}

import { groupKey } from "./memory-table";
import type { MemoryTransactionContext } from "./memory-transaction-context";

/** The records that make an invoice: tenants, customers, invoices, work orders, quotes, revisions, numbers. */
export function invoiceCollections(context: MemoryTransactionContext) {
  const { state, t, undo, own, indexAdd } = context;

  /**
   * At most one live (not cancelled) invoice per work order and stage, as the SQL store's
   * `invoices_live_work_order_stage_key`: an invoice without `progress` counts as stage 0.
   */
  function assertOneLivePerStage(invoice: Invoice): void {
    if (invoice.workOrderId === null || invoice.status === "cancelled") return;
    const stage = invoice.progress?.stage ?? 0;
    const taken = state.invoices
      .list(t)
      .some(
        (other) =>
          other.id !== invoice.id &&
          other.workOrderId === invoice.workOrderId &&
          other.status !== "cancelled" &&
          (other.progress?.stage ?? 0) === stage,
      );
    if (taken)
      throw new Error(
        `Work order ${invoice.workOrderId} already has a live invoice for stage ${stage}`,
      );
  }

  /**
   * Stores an invoice, inserted or updated, with the lookups the SQL store keeps as unique
   * indexes: its number in the tenant, and its public token across tenants (set when inserted
   * already issued, or when an update issues it).
   */
  function writeInvoice(invoice: Invoice, current: Invoice | undefined): void {
    assertOneLivePerStage(invoice);
    if (invoice.number !== null && invoice.number !== current?.number) {
      const numbers = groupKey(t, "invoice-numbers", invoice.number);
      if (state.index.groups.get(numbers)?.size)
        throw new Error(`Invoice number ${invoice.number} is already used`);
      indexAdd(numbers, invoice.id);
    }
    if (invoice.publicToken !== null && invoice.publicToken !== current?.publicToken) {
      if (state.publicTokens.has("", invoice.publicToken))
        throw new Error("The public token is already used");
      state.publicTokens.set("", invoice.publicToken, { tenantId: t, id: invoice.id }, undo);
    }
    state.invoices.set(t, invoice.id, invoice, undo);
  }

  return {
    tenants: {
      get: async () => state.tenants.get(t, "settings"),
      put: async ({ record }) => {
        own({ tenantId: record.id });
        state.tenants.set(t, "settings", record, undo);
      },
    },
    customers: {
      ...versionedRecords({
        table: state.customers,
        tenantId: t,
        resource: "Customer",
        own,
        undo,
      }),
      list: async ({ search, limit, cursor }) => {
        const after = cursor ? decodeCursor(cursor) : undefined;
        const needle = search?.toLowerCase();
        const rows = state.customers
          .list(t)
          .filter(
            (customer) =>
              (after === undefined || customer.id > after) &&
              (!needle ||
                [customer.name, customer.email ?? "", customer.phone ?? ""].some((field) =>
                  field.toLowerCase().includes(needle),
                )),
          )
          .sort((a, b) => (a.id < b.id ? -1 : 1));
        const items = rows.slice(0, limit);
        const last = items.at(-1);
        return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
      },
    },
    invoices: {
      get: async ({ id }) => state.invoices.get(t, id),
      insert: async ({ record: invoice }) => {
        if (state.invoices.has(t, invoice.id))
          throw new Error(`Invoice ${invoice.id} already exists`);
        writeInvoice(own(invoice), undefined);
      },
      update: async ({ record: invoice, expectedVersion }) => {
        const current = state.invoices.get(t, invoice.id);
        if (!current || current.version !== expectedVersion) {
          throw new ConcurrencyError({ expectedVersion, actualVersion: current?.version ?? 0 });
        }
        writeInvoice(own(invoice), current);
      },
      list: async ({ filter, limit, cursor }): Promise<Page<Invoice>> =>
        pageNewestFirst(
          state.invoices.list(t).filter((invoice) => matches(invoice, filter)),
          limit,
          cursor,
        ),
      listDueBefore: async ({ before, after, limit }) =>
        state.invoices
          .list(t)
          .filter(
            (invoice) =>
              invoice.status === "pending_payment" &&
              invoice.dueDate !== null &&
              invoice.dueDate < before &&
              (after === undefined || invoice.id > after),
          )
          .sort((a, b) => (a.id < b.id ? -1 : 1))
          .slice(0, limit),
      listLateFeeCandidates: async ({ after, limit }) =>
        state.invoices
          .list(t)
          .filter(
            (invoice) =>
              invoice.status === "past_due" &&
              invoice.lateFee != null &&
              (after === undefined || invoice.id > after),
          )
          .sort((a, b) => (a.id < b.id ? -1 : 1))
          .slice(0, limit),
    },
    workOrders: (() => {
      const records = versionedRecords({
        table: state.workOrders,
        tenantId: t,
        resource: "Work order",
        own,
        undo,
      });
      return {
        ...records,
        list: ({ filter, limit, cursor }) =>
          records.list(byStatusAndCustomer(filter), limit, cursor),
      };
    })(),
    quotes: (() => {
      const records = versionedRecords({
        table: state.quotes,
        tenantId: t,
        resource: "Quote",
        own,
        undo,
      });
      /**
       * A new token joins the invoices' in `publicTokens`: one space across tenants and kinds, as
       * the SQL store's `public_tokens` keeps it, so a token is never both a quote's and an invoice's.
       */
      const registerToken = (quote: Quote, current: Quote | undefined) => {
        const token = quote.publicToken ?? null;
        if (token === null || token === (current?.publicToken ?? null)) return;
        if (state.publicTokens.has("", token)) throw new Error("The public token is already used");
        state.publicTokens.set("", token, { tenantId: t, id: quote.id }, undo);
      };
      return {
        ...records,
        insert: async (input: { record: Quote }) => {
          if (state.quotes.has(t, input.record.id))
            throw new Error(`Quote ${input.record.id} already exists`);
          registerToken(input.record, undefined);
          await records.insert(input);
        },
        update: async (input: { record: Quote; expectedVersion: number }) => {
          const current = state.quotes.get(t, input.record.id);
          // The version is checked first: a refused update registers no token.
          if (current && current.version === input.expectedVersion)
            registerToken(input.record, current);
          await records.update(input);
        },
        list: ({ filter, limit, cursor }) =>
          records.list(byStatusAndCustomer(filter), limit, cursor),
        listExpiring: async ({ before, after, limit }) =>
          state.quotes
            .list(t)
            .filter(
              (quote) =>
                quote.status === "sent" &&
                quote.expiresOn !== null &&
                quote.expiresOn < before &&
                (after === undefined || quote.id > after),
            )
            .sort((a, b) => (a.id < b.id ? -1 : 1))
            .slice(0, limit),
      };
    })(),
    revisions: {
      append: async ({ record: revision }) => {
        const group = groupKey(t, revision.invoiceId);
        if (state.revisions.has(group, String(revision.revision)))
          throw new Error("Revisions are never rewritten");
        state.revisions.set(group, String(revision.revision), own(revision), undo);
      },
      list: async ({ invoiceId }) =>
        state.revisions.list(groupKey(t, invoiceId)).sort((a, b) => a.revision - b.revision),
    },
    sequences: {
      next: async ({ series }) => {
        const value = (state.sequences.get(t, series) ?? 0) + 1;
        state.sequences.set(t, series, value, undo);
        return value;
      },
    },
  } satisfies Partial<StoreTransaction>;
}
