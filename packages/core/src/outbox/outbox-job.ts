/**
 * Work the outbox worker runs after a move has committed:
 * - `event`: hand one event to every handler (`payload.event`, the whole event);
 * - `delivery`: send one scheduled or queued message (`payload.deliveryId`);
 * - `reminder`: create reminder deliveries for an invoice if it is still unpaid;
 * - `provider_refund`: ask the payment provider to move a pending refund (`payload.refundId`).
 * @group Outbox worker
 */
export type OutboxJobKind = "event" | "delivery" | "reminder" | "provider_refund";

/** @group Outbox worker */
export type OutboxJobStatus = "pending" | "running" | "done" | "dead" | "cancelled";

/** @group Outbox worker */
export type OutboxJob = {
  tenantId: string;
  id: string;
  kind: OutboxJobKind;
  /** Not run before this instant. */
  runAt: string;
  status: OutboxJobStatus;
  /** How many times it has been claimed. */
  attempts: number;
  /** What the job needs (ids, never secrets). Its shape depends on `kind`. */
  payload: Record<string, unknown>;
  /** Progress kept across retries, e.g. which event handlers already succeeded. */
  state: Record<string, unknown>;
  lockedBy: string | null;
  lockedUntil: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
};
