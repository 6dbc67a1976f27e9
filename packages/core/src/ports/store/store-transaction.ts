import type { CreditApplicationCollection } from "./credit-application-collection";
import type { CreditNoteCollection } from "./credit-note-collection";
import type { CustomerCollection } from "./customer-collection";
import type { DeliveryCollection } from "./delivery-collection";
import type { EventCollection } from "./event-collection";
import type { IdempotencyCollection } from "./idempotency-collection";
import type { InvoiceCollection } from "./invoice-collection";
import type { JobCollection } from "./job-collection";
import type { PaymentCollection } from "./payment-collection";
import type { PlanCollection, PlanOccurrenceCollection } from "./plan-collection";
import type { QuoteCollection } from "./quote-collection";
import type { RefundCollection } from "./refund-collection";
import type { RevisionCollection } from "./revision-collection";
import type { SequenceCollection } from "./sequence-collection";
import type { TenantCollection } from "./tenant-collection";
import type { WorkOrderCollection } from "./work-order-collection";

/**
 * The reads and writes of one transaction, all scoped to its tenant: a record of another tenant
 * is "not found", never returned or touched, and a record stamped with another `tenantId` is
 * refused with `ValidationError` before anything is written. Lists are ordered by id (ids sort by
 * creation time) unless their doc says otherwise.
 * @group Store port
 */
export type StoreTransaction = {
  readonly tenantId: string;
  readonly tenants: TenantCollection;
  readonly customers: CustomerCollection;
  readonly invoices: InvoiceCollection;
  readonly workOrders: WorkOrderCollection;
  readonly quotes: QuoteCollection;
  readonly revisions: RevisionCollection;
  readonly sequences: SequenceCollection;
  readonly payments: PaymentCollection;
  readonly refunds: RefundCollection;
  readonly deliveries: DeliveryCollection;
  readonly events: EventCollection;
  readonly jobs: JobCollection;
  readonly idempotency: IdempotencyCollection;
  /**
   * Credit notes. Optional so that stores written before 0.3 keep working for every other move;
   * `issueCreditNote` refuses to run on a store without it.
   * @since 0.3.0
   */
  readonly creditNotes?: CreditNoteCollection;
  /**
   * Customer credit moved between invoices. Optional as `creditNotes`; `applyCredit` and
   * `customers.getCredit` need it.
   * @since 0.3.0
   */
  readonly creditApplications?: CreditApplicationCollection;
  /**
   * Recurring service plans. Optional so that stores written before plans keep working; the
   * plan calls refuse with `not_supported` on a store without them.
   * @since 0.2.0
   */
  readonly plans?: PlanCollection;
  /**
   * The dates of plans already taken; required with `plans`.
   * @since 0.2.0
   */
  readonly planOccurrences?: PlanOccurrenceCollection;
};
