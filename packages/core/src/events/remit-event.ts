import type { Actor } from "../service/actor";

/** Every event type Remit appends. */
export type RemitEventType =
  | "invoice.created"
  | "invoice.updated"
  | "invoice.submitted"
  | "invoice.changes_requested"
  | "invoice.issued"
  | "invoice.sent"
  | "invoice.payment_recorded"
  | "invoice.payment_failed"
  | "invoice.paid"
  | "invoice.refunded"
  | "invoice.past_due"
  | "invoice.cancelled"
  | "invoice.delivery_updated"
  | "payment.unmatched"
  | "customer.created"
  | "customer.updated"
  | "tenant.updated"
  | `work_order.${string}`
  | `quote.${string}`;

/**
 * An event: appended in the same transaction as the change it describes (an outbox), then handed
 * to handlers by the outbox worker at least once. Deduplicate by `id`; order one record's events
 * by `subject.version`.
 */
export type RemitEvent = {
  id: string;
  type: RemitEventType;
  specVersion: 1;
  tenantId: string;
  subject: {
    type: "invoice" | "work_order" | "quote" | "payment" | "customer" | "tenant";
    id: string;
    version: number;
  };
  /** UTC ISO 8601. */
  occurredAt: string;
  actor: Actor;
  /** The move's fields and, for invoices, the invoice's figures after the move. */
  data: Record<string, unknown>;
};
