import type { InvoiceStore } from "@remit/core";

/**
 * Reads a backend directly, so the suite never trusts the adapter alone.
 * @group Conformance suites
 */
export type StoreProbe = {
  /** The invoice row as the backend holds it, or undefined. */
  invoice(
    tenantId: string,
    id: string,
  ): Promise<
    { status: string; version: number; number: string | null; amountPaid: string } | undefined
  >;
  /** How many rows of a kind a tenant has. */
  count(
    tenantId: string,
    table:
      | "invoices"
      | "revisions"
      | "payments"
      | "refunds"
      | "events"
      | "jobs"
      | "deliveries"
      | "idempotency"
      | "creditNotes"
      | "creditApplications",
  ): Promise<number>;
  /** Every invoice number of a tenant. */
  invoiceNumbers(tenantId: string): Promise<string[]>;
  /** Every credit-note number of a tenant. @since 0.3.0 */
  creditNoteNumbers(tenantId: string): Promise<string[]>;
  /**
   * The dates of a plan's occurrences as the backend holds them, oldest first (for stores with
   * plans; the plan cases check through the port alone without it).
   * @since 0.2.0
   */
  planOccurrenceDates?(tenantId: string, planId: string): Promise<string[]>;
  /**
   * An invoice's `progress` as the backend holds it (`null` when it has none), or undefined for
   * a missing invoice; the progress cases check through the port alone without it.
   * @since 0.3.0
   */
  invoiceProgress?(tenantId: string, id: string): Promise<unknown>;
  /**
   * A quote's public token and deposit asked, as the backend holds them, or undefined (for stores
   * with quote tokens; the token cases check through the port alone without it).
   * @since 0.3.0
   */
  quote?(
    tenantId: string,
    id: string,
  ): Promise<{ publicToken: string | null; depositRequired: string | null } | undefined>;
};

/** @group Conformance suites */
export type StoreConformanceOptions = {
  /** Shown in test names, e.g. "memory" or "postgres". */
  name: string;
  /** A store on an empty (or reset) backend. Called before each case. */
  createStore(): Promise<InvoiceStore> | InvoiceStore;
  /** Reads the backend of the store last created. */
  probe(store: InvoiceStore): StoreProbe;
  /** Empties the backend before each case, if `createStore` does not. */
  reset?(): Promise<void>;
};

/** What each group of cases is handed: the current store and probe. */
export type ConformanceHarness = {
  store(): InvoiceStore;
  probe(): StoreProbe;
};

/**
 * The store conformance suite: every move, version conflicts, gapless numbering under concurrent
 * issuing, payment idempotency, tenant isolation, event/outbox atomicity and job claiming; and
 * each collection method on its own (list paging and filters, search, the sweeps' batches, public
 * tokens, idempotency keys, delivery dedupe, the tenant listing), as the port's TSDoc states. An
 * adapter's `test/conformance.test.ts` calls it with its own store and a probe that reads the
 * backend directly.
 *
 * @example
 * ```ts
 * describeStoreConformance({
 *   name: "memory",
 *   createStore: () => createMemoryStore(),
 *   probe: (store) => createMemoryProbe(store),
 * });
 * ```
 */
