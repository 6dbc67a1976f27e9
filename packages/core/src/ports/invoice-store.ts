import type { Customer } from "../customers/customer";
import type { RemitEvent } from "../events/remit-event";
import type { Delivery } from "../invoices/delivery";
import type { Invoice, InvoiceRevision } from "../invoices/invoice";
import type { InvoiceStatus } from "../invoices/invoice-status";
import type { Payment, Refund } from "../invoices/payment";
import type { OutboxJob } from "../outbox/outbox-job";
import type { Quote, QuoteStatus } from "../quotes/quote";
import type { Tenant } from "../tenants/tenant-settings";
import type { WorkOrder, WorkOrderStatus } from "../work-orders/work-order";

/**
 * The storage port: where Remit keeps tenants, customers, invoices with their revisions,
 * payments, refunds, deliveries, events and outbox jobs.
 *
 * The contract every adapter keeps (and `describeStoreConformance` from `@remit/testing` checks):
 * - **One transaction per move.** `transaction` runs `work` atomically: every write inside it
 *   commits together or not at all. If `work` throws, nothing it wrote is kept and the error is
 *   rethrown unchanged. A failure of the backend itself is thrown as `StoreUnavailableError`.
 * - **Tenant scoping.** A transaction is opened for one tenant; every read and write in it sees and
 *   touches that tenant's rows only. A record of another tenant is "not found", never returned.
 * - **Optimistic concurrency.** `invoices.get(id, { forUpdate: true })` returns the row and holds
 *   it until the transaction ends (a row lock on SQL, a global lock in memory), so a second
 *   mover waits and then sees the new `version`. `update` writes only if the stored version is
 *   still `expectedVersion`, and throws `ConcurrencyError` otherwise.
 * - **Gapless numbers.** `sequences.next(series)` returns 1, 2, 3… per tenant and series, taken
 *   inside the transaction: a rolled-back transaction gives its number back, two transactions
 *   never get the same one.
 * - **Outbox.** `events.append` stores the events and, in the same transaction, one `event` job (payload `{ event }`)
 *   per event, due at once. Jobs are claimed by one worker at a time.
 * - **Idempotency.** `idempotency.put` of a key that exists for the tenant throws
 *   `IdempotencyKeyTakenError` (the core then replays the stored result). Keys are kept forever.
 * - Remit never deletes; the store needs no delete.
 *
 * @since 0.1.0
 */
export type InvoiceStore = {
  readonly specificationVersion: "v1";
  /** What this backend does differently. */
  readonly capabilities: StoreCapabilities;

  /** Runs `work` in one transaction scoped to `tenantId`. */
  transaction<T>(tenantId: string, work: (transaction: StoreTransaction) => Promise<T>): Promise<T>;

  /**
   * Finds an issued invoice by its public token, across tenants (the customer's hosted page has
   * no tenant). Returns `undefined` when no invoice has that token.
   */
  findInvoiceByPublicToken(token: string): Promise<Invoice | undefined>;

  /**
   * Claims outbox jobs due by `now`: `pending` jobs with `runAt <= now`, and `running` jobs whose
   * lease (`lockedUntil`) ran out (their worker died). Each claimed job becomes `running`, locked by
   * `workerId` until `now + leaseMs`, with `attempts` raised by one. Two concurrent claims never
   * return the same job. Oldest `runAt` first; at most `limit`.
   */
  claimJobs(input: {
    workerId: string;
    now: string;
    limit: number;
    leaseMs: number;
    kinds?: readonly OutboxJob["kind"][];
  }): Promise<OutboxJob[]>;

  /** Marks a claimed job `done`. Ignored (returns false) if `workerId` no longer holds it. */
  completeJob(input: {
    tenantId: string;
    id: string;
    workerId: string;
    now: string;
  }): Promise<boolean>;

  /**
   * Records a failed run of a claimed job: back to `pending` at `retryAt`, or `dead` when
   * `retryAt` is `null`. `state` replaces the job's progress. Ignored (false) if not held.
   */
  failJob(input: {
    tenantId: string;
    id: string;
    workerId: string;
    now: string;
    error: string;
    retryAt: string | null;
    state?: Record<string, unknown>;
  }): Promise<boolean>;

  /** Ids of every tenant, for sweeps that run across tenants (past due, quote expiry). @since 0.1.0 */
  listTenantIds(input: { after?: string; limit: number }): Promise<string[]>;
};

/** What differs between backends. */
export type StoreCapabilities = {
  /** True when several processes may share the store (PostgreSQL); false in memory. */
  readonly multiProcess: boolean;
};

/** A page of records and the cursor of the next page (`null` at the end). */
export type Page<T> = { items: T[]; nextCursor: string | null };

/** Filters for listing invoices; every filter is optional and they combine with AND. */
export type InvoiceFilter = {
  status?: readonly InvoiceStatus[];
  customerId?: string;
  /** Due on or after / on or before (`YYYY-MM-DD`). */
  dueFrom?: string;
  dueTo?: string;
  number?: string;
  /** Case-insensitive text in the customer's name or the number. */
  search?: string;
  workOrderId?: string;
};

/**
 * The reads and writes of one transaction, all scoped to its tenant. Lists are ordered by id
 * (ids sort by creation time) unless said otherwise.
 */
export type StoreTransaction = {
  readonly tenantId: string;

  tenants: {
    /** The tenant's settings, or `undefined` before the first `put`. */
    get(): Promise<Tenant | undefined>;
    /** Inserts or replaces the tenant's settings (whole record). */
    put(tenant: Tenant): Promise<void>;
  };

  customers: {
    get(id: string): Promise<Customer | undefined>;
    insert(customer: Customer): Promise<void>;
    /** Writes if the stored version is `expectedVersion`, else throws `ConcurrencyError`. */
    update(customer: Customer, expectedVersion: number): Promise<void>;
    list(input: { search?: string; limit: number; cursor?: string }): Promise<Page<Customer>>;
  };

  invoices: {
    /** The invoice, or `undefined`. With `forUpdate`, holds it until the transaction ends. */
    get(id: string, options?: { forUpdate?: boolean }): Promise<Invoice | undefined>;
    insert(invoice: Invoice): Promise<void>;
    /** Writes if the stored version is `expectedVersion`, else throws `ConcurrencyError`. */
    update(invoice: Invoice, expectedVersion: number): Promise<void>;
    /** Newest first by id; `cursor` is opaque and comes from a previous page. */
    list(input: { filter: InvoiceFilter; limit: number; cursor?: string }): Promise<Page<Invoice>>;
    /**
     * `pending_payment` invoices whose `dueDate` is before `before`, ordered by id, after the id
     * `after`, at most `limit`: the past-due sweep's batches.
     */
    listDueBefore(input: { before: string; after?: string; limit: number }): Promise<Invoice[]>;
  };

  workOrders: {
    /** The work order, or `undefined`. With `forUpdate`, holds it until the transaction ends. */
    get(id: string, options?: { forUpdate?: boolean }): Promise<WorkOrder | undefined>;
    insert(workOrder: WorkOrder): Promise<void>;
    /** Writes if the stored version is `expectedVersion`, else throws `ConcurrencyError`. */
    update(workOrder: WorkOrder, expectedVersion: number): Promise<void>;
    /** Newest first by id. */
    list(input: {
      filter: { status?: readonly WorkOrderStatus[]; customerId?: string };
      limit: number;
      cursor?: string;
    }): Promise<Page<WorkOrder>>;
  };

  quotes: {
    /** The quote, or `undefined`. With `forUpdate`, holds it until the transaction ends. */
    get(id: string, options?: { forUpdate?: boolean }): Promise<Quote | undefined>;
    insert(quote: Quote): Promise<void>;
    /** Writes if the stored version is `expectedVersion`, else throws `ConcurrencyError`. */
    update(quote: Quote, expectedVersion: number): Promise<void>;
    /** Newest first by id. */
    list(input: {
      filter: { status?: readonly QuoteStatus[]; customerId?: string };
      limit: number;
      cursor?: string;
    }): Promise<Page<Quote>>;
    /** `sent` quotes whose `expiresOn` is before `before`, by id after `after`: the expiry sweep. */
    listExpiring(input: { before: string; after?: string; limit: number }): Promise<Quote[]>;
  };

  revisions: {
    /** Appends a revision; revisions are never rewritten. */
    append(revision: InvoiceRevision): Promise<void>;
    list(invoiceId: string): Promise<InvoiceRevision[]>;
  };

  sequences: {
    /** The next number of a series (1 for a new series), inside this transaction. */
    next(series: string): Promise<number>;
  };

  payments: {
    get(id: string): Promise<Payment | undefined>;
    insert(payment: Payment): Promise<void>;
    /** Replaces a payment (its status; amounts never change). */
    update(payment: Payment): Promise<void>;
    listByInvoice(invoiceId: string): Promise<Payment[]>;
    /** Every payment recorded against a quote (deposits), applied to an invoice or not. */
    listByQuote(quoteId: string): Promise<Payment[]>;
  };

  refunds: {
    get(id: string): Promise<Refund | undefined>;
    insert(refund: Refund): Promise<void>;
    update(refund: Refund): Promise<void>;
    listByPayment(paymentId: string): Promise<Refund[]>;
    listByInvoice(invoiceId: string): Promise<Refund[]>;
  };

  deliveries: {
    get(id: string): Promise<Delivery | undefined>;
    /** Inserts a delivery; returns false (writing nothing) if one with the same `sourceId`, `channel` and `recipient` exists. */
    insert(delivery: Delivery): Promise<boolean>;
    update(delivery: Delivery): Promise<void>;
    listByInvoice(invoiceId: string): Promise<Delivery[]>;
    findByProviderMessageId(providerMessageId: string): Promise<Delivery | undefined>;
  };

  events: {
    /** Appends events and, with them, one `event` outbox job each, due at `runAt`. */
    append(events: readonly RemitEvent[], runAt: string): Promise<void>;
    listBySubject(subjectId: string): Promise<RemitEvent[]>;
    /** The tenant's events in append order, after the event id `after`. */
    list(input: { after?: string; limit: number }): Promise<RemitEvent[]>;
  };

  jobs: {
    /** Adds a timed job (a scheduled send, a reminder, a provider refund). */
    insert(job: OutboxJob): Promise<void>;
    /** Cancels the `pending` jobs of an invoice (of the given kinds); returns how many. */
    cancelPendingForInvoice(
      invoiceId: string,
      kinds: readonly OutboxJob["kind"][],
    ): Promise<number>;
    get(id: string): Promise<OutboxJob | undefined>;
  };

  idempotency: {
    get(key: string): Promise<IdempotencyRecord | undefined>;
    /** Stores a key; throws `IdempotencyKeyTakenError` if the tenant already has it. */
    put(record: IdempotencyRecord): Promise<void>;
  };
};

/** A move's idempotency key with a fingerprint of its arguments and its result. */
export type IdempotencyRecord = {
  tenantId: string;
  key: string;
  /** Which move (`invoices.recordPayment`) and a hash of its arguments. */
  fingerprint: string;
  /** The move's result as returned the first time (JSON). */
  result: unknown;
  createdAt: string;
};

/**
 * Thrown by `idempotency.put` when the key exists: another request with the same key committed
 * first. Core catches it and answers from the stored record.
 */
export class IdempotencyKeyTakenError extends Error {
  constructor(readonly key: string) {
    super(`Idempotency key "${key}" is already stored`);
    this.name = "IdempotencyKeyTakenError";
  }
}
