import {
  ConcurrencyError,
  type Customer,
  type Delivery,
  IdempotencyKeyTakenError,
  type IdempotencyRecord,
  type Invoice,
  type InvoiceFilter,
  type InvoiceRevision,
  type InvoiceStore,
  NotFoundError,
  type OutboxJob,
  type Page,
  type Payment,
  type Quote,
  type Refund,
  type RemitEvent,
  type StoreTransaction,
  type Tenant,
  ValidationError,
  type WorkOrder,
} from "@remit/core";
import { AsyncLock } from "./async-lock";
import { groupKey, MemoryTable } from "./memory-table";

/** The rows of a memory store, for tests that look at the backend directly (`probe`). */
export type MemoryStoreState = ReturnType<typeof createState>;

function createState() {
  return {
    tenants: new MemoryTable<Tenant>(),
    workOrders: new MemoryTable<WorkOrder>(),
    quotes: new MemoryTable<Quote>(),
    customers: new MemoryTable<Customer>(),
    invoices: new MemoryTable<Invoice>(),
    publicTokens: new MemoryTable<{ tenantId: string; id: string }>(),
    revisions: new MemoryTable<InvoiceRevision>(),
    sequences: new MemoryTable<number>(),
    payments: new MemoryTable<Payment>(),
    refunds: new MemoryTable<Refund>(),
    deliveries: new MemoryTable<Delivery>(),
    events: new MemoryTable<RemitEvent>(),
    jobs: new MemoryTable<OutboxJob>(),
    idempotency: new MemoryTable<IdempotencyRecord>(),
    /** Secondary indexes: a group of ids under a parent (invoice, payment, quote, subject). */
    index: new MemoryTable<true>(),
  };
}

const encodeCursor = (id: string) => btoa(id);
const decodeCursor = (cursor: string) => {
  try {
    return atob(cursor);
  } catch {
    return "";
  }
};

/** A page of rows newest first by id, after the cursor's id. */
function pageNewestFirst<T extends { id: string }>(
  rows: T[],
  limit: number,
  cursor: string | undefined,
): Page<T> {
  const before = cursor ? decodeCursor(cursor) : undefined;
  const sorted = rows
    .filter((row) => before === undefined || row.id < before)
    .sort((a, b) => (a.id < b.id ? 1 : -1));
  const items = sorted.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: sorted.length > limit && last ? encodeCursor(last.id) : null };
}

function matches(invoice: Invoice, filter: InvoiceFilter): boolean {
  if (filter.status && !filter.status.includes(invoice.status)) return false;
  if (filter.customerId && invoice.customer?.id !== filter.customerId) return false;
  if (filter.dueFrom && (invoice.dueDate === null || invoice.dueDate < filter.dueFrom))
    return false;
  if (filter.dueTo && (invoice.dueDate === null || invoice.dueDate > filter.dueTo)) return false;
  if (filter.number && invoice.number !== filter.number) return false;
  if (filter.workOrderId && invoice.workOrderId !== filter.workOrderId) return false;
  if (filter.search) {
    const needle = filter.search.toLowerCase();
    const haystack = `${invoice.customer?.name ?? ""} ${invoice.number ?? ""}`.toLowerCase();
    if (!haystack.includes(needle)) return false;
  }
  return true;
}

/**
 * The in-memory store: a real, supported adapter of the store port for unit tests, prototypes and
 * examples, passing the same conformance suite as PostgreSQL. One transaction runs at a time
 * (a whole-store lock), and a transaction that throws is undone. Nothing survives the process.
 *
 * @example
 * ```ts
 * const store = createMemoryStore();
 * const remit = createRemit({ store });
 * ```
 */
export function createMemoryStore(): InvoiceStore & { readonly state: MemoryStoreState } {
  const state = createState();
  const lock = new AsyncLock();

  const indexAdd = (parent: string, id: string, undo: (() => void)[]) =>
    state.index.set(parent, id, true, undo);
  const indexList = <T>(table: MemoryTable<T>, tenantId: string, parent: string): T[] =>
    [...(state.index.groups.get(parent)?.keys() ?? [])]
      .map((id) => table.get(tenantId, id))
      .filter((row): row is T => row !== undefined);

  function openTransaction(tenantId: string, undo: (() => void)[]): StoreTransaction {
    const t = tenantId;
    // A record stamped with another tenant is refused before anything is written, as in SQL.
    const own = <T extends { tenantId: string }>(record: T): T => {
      if (record.tenantId !== t) {
        throw new ValidationError({
          issues: [
            {
              path: "tenantId",
              message: `the record belongs to tenant "${record.tenantId}", not "${t}"`,
            },
          ],
        });
      }
      return record;
    };
    const mustExist = (table: MemoryTable<unknown>, resource: string, id: string) => {
      if (!table.has(t, id)) throw new NotFoundError({ resource, id });
    };
    return {
      tenantId,
      tenants: {
        get: async () => state.tenants.get(t, "settings"),
        put: async (tenant) => state.tenants.set(t, "settings", tenant, undo),
      },
      customers: {
        get: async (id) => state.customers.get(t, id),
        insert: async (customer) => state.customers.set(t, customer.id, own(customer), undo),
        update: async (customer, expectedVersion) => {
          const current = state.customers.get(t, customer.id);
          if (!current || current.version !== expectedVersion) {
            throw new ConcurrencyError({ expectedVersion, actualVersion: current?.version ?? 0 });
          }
          state.customers.set(t, customer.id, own(customer), undo);
        },
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
        get: async (id) => state.invoices.get(t, id),
        insert: async (invoice) => {
          if (state.invoices.has(t, invoice.id))
            throw new Error(`Invoice ${invoice.id} already exists`);
          state.invoices.set(t, invoice.id, own(invoice), undo);
        },
        update: async (invoice, expectedVersion) => {
          const current = state.invoices.get(t, invoice.id);
          if (!current || current.version !== expectedVersion) {
            throw new ConcurrencyError({ expectedVersion, actualVersion: current?.version ?? 0 });
          }
          if (invoice.number !== null && invoice.number !== current.number) {
            // A unique index on (tenant, number), as the SQL store has.
            const numbers = groupKey(t, "invoice-numbers", invoice.number);
            if (state.index.groups.get(numbers)?.size)
              throw new Error(`Invoice number ${invoice.number} is already used`);
            indexAdd(numbers, invoice.id, undo);
          }
          if (invoice.publicToken !== null && invoice.publicToken !== current.publicToken) {
            state.publicTokens.set("", invoice.publicToken, { tenantId: t, id: invoice.id }, undo);
          }
          state.invoices.set(t, invoice.id, own(invoice), undo);
        },
        list: async ({ filter, limit, cursor }): Promise<Page<Invoice>> => {
          const before = cursor ? decodeCursor(cursor) : undefined;
          const rows = state.invoices
            .list(t)
            .filter(
              (invoice) =>
                (before === undefined || invoice.id < before) && matches(invoice, filter),
            )
            .sort((a, b) => (a.id < b.id ? 1 : -1));
          const items = rows.slice(0, limit);
          const last = items.at(-1);
          return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
        },
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
      },
      workOrders: {
        get: async (id) => state.workOrders.get(t, id),
        insert: async (workOrder) => {
          if (state.workOrders.has(t, workOrder.id))
            throw new Error(`Work order ${workOrder.id} already exists`);
          state.workOrders.set(t, workOrder.id, own(workOrder), undo);
        },
        update: async (workOrder, expectedVersion) => {
          const current = state.workOrders.get(t, workOrder.id);
          if (!current || current.version !== expectedVersion) {
            throw new ConcurrencyError({ expectedVersion, actualVersion: current?.version ?? 0 });
          }
          state.workOrders.set(t, workOrder.id, own(workOrder), undo);
        },
        list: async ({ filter, limit, cursor }) =>
          pageNewestFirst(
            state.workOrders
              .list(t)
              .filter(
                (row) =>
                  (!filter.status || filter.status.includes(row.status)) &&
                  (!filter.customerId || row.customer.id === filter.customerId),
              ),
            limit,
            cursor,
          ),
      },
      quotes: {
        get: async (id) => state.quotes.get(t, id),
        insert: async (quote) => {
          if (state.quotes.has(t, quote.id)) throw new Error(`Quote ${quote.id} already exists`);
          state.quotes.set(t, quote.id, own(quote), undo);
        },
        update: async (quote, expectedVersion) => {
          const current = state.quotes.get(t, quote.id);
          if (!current || current.version !== expectedVersion) {
            throw new ConcurrencyError({ expectedVersion, actualVersion: current?.version ?? 0 });
          }
          state.quotes.set(t, quote.id, own(quote), undo);
        },
        list: async ({ filter, limit, cursor }) =>
          pageNewestFirst(
            state.quotes
              .list(t)
              .filter(
                (row) =>
                  (!filter.status || filter.status.includes(row.status)) &&
                  (!filter.customerId || row.customer.id === filter.customerId),
              ),
            limit,
            cursor,
          ),
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
      },
      revisions: {
        append: async (revision) => {
          const group = groupKey(t, revision.invoiceId);
          if (state.revisions.has(group, String(revision.revision)))
            throw new Error("Revisions are never rewritten");
          state.revisions.set(group, String(revision.revision), own(revision), undo);
        },
        list: async (invoiceId) =>
          state.revisions.list(groupKey(t, invoiceId)).sort((a, b) => a.revision - b.revision),
      },
      sequences: {
        next: async (series) => {
          const value = (state.sequences.get(t, series) ?? 0) + 1;
          state.sequences.set(t, series, value, undo);
          return value;
        },
      },
      payments: {
        get: async (id) => state.payments.get(t, id),
        insert: async (payment) => {
          const keyGroup = groupKey(t, "payment-key", payment.idempotencyKey);
          if (state.index.groups.get(keyGroup)?.size)
            throw new IdempotencyKeyTakenError(payment.idempotencyKey);
          indexAdd(keyGroup, payment.id, undo);
          state.payments.set(t, payment.id, own(payment), undo);
          if (payment.invoiceId)
            indexAdd(groupKey(t, "invoice-payments", payment.invoiceId), payment.id, undo);
          if (payment.quoteId)
            indexAdd(groupKey(t, "quote-payments", payment.quoteId), payment.id, undo);
        },
        update: async (payment) => {
          const current = state.payments.get(t, payment.id);
          if (!current) throw new NotFoundError({ resource: "payment", id: payment.id });
          state.payments.set(t, payment.id, own(payment), undo);
          if (payment.invoiceId && payment.invoiceId !== current.invoiceId) {
            indexAdd(groupKey(t, "invoice-payments", payment.invoiceId), payment.id, undo);
          }
        },
        listByInvoice: async (invoiceId) =>
          indexList(state.payments, t, groupKey(t, "invoice-payments", invoiceId)).filter(
            (payment) => payment.invoiceId === invoiceId,
          ),
        listByQuote: async (quoteId) =>
          indexList(state.payments, t, groupKey(t, "quote-payments", quoteId)),
      },
      refunds: {
        get: async (id) => state.refunds.get(t, id),
        insert: async (refund) => {
          state.refunds.set(t, refund.id, own(refund), undo);
          indexAdd(groupKey(t, "payment-refunds", refund.paymentId), refund.id, undo);
          if (refund.invoiceId)
            indexAdd(groupKey(t, "invoice-refunds", refund.invoiceId), refund.id, undo);
        },
        update: async (refund) => {
          mustExist(state.refunds, "refund", refund.id);
          state.refunds.set(t, refund.id, own(refund), undo);
        },
        listByPayment: async (paymentId) =>
          indexList(state.refunds, t, groupKey(t, "payment-refunds", paymentId)),
        listByInvoice: async (invoiceId) =>
          indexList(state.refunds, t, groupKey(t, "invoice-refunds", invoiceId)),
      },
      deliveries: {
        get: async (id) => state.deliveries.get(t, id),
        insert: async (delivery) => {
          const unique = groupKey(
            t,
            "delivery-source",
            delivery.sourceId,
            delivery.channel,
            delivery.recipient,
          );
          if (state.index.groups.get(unique)?.size) return false;
          indexAdd(unique, delivery.id, undo);
          state.deliveries.set(t, delivery.id, own(delivery), undo);
          indexAdd(groupKey(t, "invoice-deliveries", delivery.invoiceId), delivery.id, undo);
          return true;
        },
        update: async (delivery) => {
          mustExist(state.deliveries, "delivery", delivery.id);
          state.deliveries.set(t, delivery.id, own(delivery), undo);
        },
        listByInvoice: async (invoiceId) =>
          indexList(state.deliveries, t, groupKey(t, "invoice-deliveries", invoiceId)),
        findByProviderMessageId: async (providerMessageId) =>
          state.deliveries
            .list(t)
            .find((delivery) => delivery.providerMessageId === providerMessageId),
      },
      events: {
        append: async (events, runAt) => {
          for (const event of events) {
            state.events.set(t, event.id, own(event), undo);
            indexAdd(groupKey(t, "subject-events", event.subject.id), event.id, undo);
            const job: OutboxJob = {
              tenantId: t,
              id: `job_${event.id}`,
              kind: "event",
              runAt,
              status: "pending",
              attempts: 0,
              payload: { event },
              state: {},
              lockedBy: null,
              lockedUntil: null,
              lastError: null,
              createdAt: runAt,
              updatedAt: runAt,
            };
            state.jobs.set(t, job.id, job, undo);
          }
        },
        listBySubject: async (subjectId) =>
          indexList(state.events, t, groupKey(t, "subject-events", subjectId)),
        list: async ({ after, limit }) => {
          const events = state.events.list(t);
          const start =
            after === undefined ? 0 : events.findIndex((event) => event.id === after) + 1;
          return events.slice(start, start + limit);
        },
      },
      jobs: {
        insert: async (job) => state.jobs.set(t, job.id, own(job), undo),
        get: async (id) => state.jobs.get(t, id),
        cancelPendingForInvoice: async (invoiceId, kinds) => {
          let count = 0;
          for (const job of state.jobs.list(t)) {
            if (
              job.status === "pending" &&
              kinds.includes(job.kind) &&
              job.payload.invoiceId === invoiceId
            ) {
              state.jobs.set(t, job.id, { ...job, status: "cancelled" }, undo);
              count++;
            }
          }
          return count;
        },
      },
      idempotency: {
        get: async (key) => state.idempotency.get(t, key),
        put: async (record) => {
          if (state.idempotency.has(t, record.key)) throw new IdempotencyKeyTakenError(record.key);
          state.idempotency.set(t, record.key, own(record), undo);
        },
      },
    };
  }

  return {
    specificationVersion: "v1",
    capabilities: { multiProcess: false },
    state,

    transaction: (tenantId, work) =>
      lock.run(async () => {
        const undo: (() => void)[] = [];
        try {
          return await work(openTransaction(tenantId, undo));
        } catch (error) {
          for (const step of undo.reverse()) step();
          throw error;
        }
      }),

    findInvoiceByPublicToken: (token) =>
      lock.run(async () => {
        const found = state.publicTokens.get("", token);
        return found ? state.invoices.get(found.tenantId, found.id) : undefined;
      }),

    claimJobs: ({ workerId, now, limit, leaseMs, kinds }) =>
      lock.run(async () => {
        const due: OutboxJob[] = [];
        for (const job of state.jobs.all()) {
          if (kinds && !kinds.includes(job.kind)) continue;
          const claimable =
            (job.status === "pending" && job.runAt <= now) ||
            (job.status === "running" && job.lockedUntil !== null && job.lockedUntil <= now);
          if (claimable) due.push(job);
        }
        due.sort((a, b) => (a.runAt < b.runAt ? -1 : a.runAt > b.runAt ? 1 : a.id < b.id ? -1 : 1));
        const lockedUntil = new Date(Date.parse(now) + leaseMs).toISOString();
        return due.slice(0, limit).map((job) => {
          const claimed: OutboxJob = {
            ...job,
            status: "running",
            attempts: job.attempts + 1,
            lockedBy: workerId,
            lockedUntil,
            updatedAt: now,
          };
          state.jobs.set(job.tenantId, job.id, claimed, []);
          return structuredClone(claimed);
        });
      }),

    completeJob: ({ tenantId, id, workerId, now }) =>
      lock.run(async () => {
        const job = state.jobs.get(tenantId, id);
        if (job?.status !== "running" || job.lockedBy !== workerId) return false;
        state.jobs.set(
          tenantId,
          id,
          { ...job, status: "done", lockedBy: null, lockedUntil: null, updatedAt: now },
          [],
        );
        return true;
      }),

    failJob: ({ tenantId, id, workerId, now, error, retryAt, state: progress }) =>
      lock.run(async () => {
        const job = state.jobs.get(tenantId, id);
        if (job?.status !== "running" || job.lockedBy !== workerId) return false;
        state.jobs.set(
          tenantId,
          id,
          {
            ...job,
            status: retryAt === null ? "dead" : "pending",
            runAt: retryAt ?? job.runAt,
            lastError: error,
            state: progress ?? job.state,
            lockedBy: null,
            lockedUntil: null,
            updatedAt: now,
          },
          [],
        );
        return true;
      }),

    listTenantIds: ({ after, limit }) =>
      lock.run(async () => {
        const ids = new Set<string>();
        for (const table of [state.tenants, state.invoices, state.customers]) {
          for (const group of table.groups.keys()) ids.add(group);
        }
        return [...ids]
          .filter((id) => after === undefined || id > after)
          .sort()
          .slice(0, limit);
      }),
  };
}
