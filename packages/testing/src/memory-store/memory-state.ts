import type {
  CreditApplication,
  CreditNote,
  Customer,
  Delivery,
  IdempotencyRecord,
  Invoice,
  InvoiceRevision,
  OutboxJob,
  Payment,
  PlanOccurrence,
  Quote,
  Refund,
  RemitEvent,
  ServicePlan,
  Tenant,
  WorkOrder,
} from "@remit/core";
import { MemoryTable } from "./memory-table";

/**
 * The rows of a memory store, for tests that look at the backend directly (`probe`).
 * @group Memory store
 */
export type MemoryStoreState = ReturnType<typeof createMemoryState>;

/** Empty tables for every record the store port holds. */
export function createMemoryState() {
  return {
    tenants: new MemoryTable<Tenant>(),
    workOrders: new MemoryTable<WorkOrder>(),
    quotes: new MemoryTable<Quote>(),
    plans: new MemoryTable<ServicePlan>(),
    /** By tenant and plan, keyed by date: one occurrence per plan and date. */
    planOccurrences: new MemoryTable<PlanOccurrence>(),
    customers: new MemoryTable<Customer>(),
    invoices: new MemoryTable<Invoice>(),
    publicTokens: new MemoryTable<{ tenantId: string; id: string }>(),
    revisions: new MemoryTable<InvoiceRevision>(),
    sequences: new MemoryTable<number>(),
    payments: new MemoryTable<Payment>(),
    refunds: new MemoryTable<Refund>(),
    creditNotes: new MemoryTable<CreditNote>(),
    creditApplications: new MemoryTable<CreditApplication>(),
    deliveries: new MemoryTable<Delivery>(),
    events: new MemoryTable<RemitEvent>(),
    jobs: new MemoryTable<OutboxJob>(),
    idempotency: new MemoryTable<IdempotencyRecord>(),
    /** Secondary indexes: a group of ids under a parent (invoice, payment, quote, subject). */
    index: new MemoryTable<true>(),
  };
}
