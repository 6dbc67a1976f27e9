import type { OutboxJob } from "../../outbox/outbox-job";

/**
 * The tenant's timed outbox jobs, as a move adds or cancels them.
 * @group Store port
 */
export type JobCollection = {
  /** Adds a timed job (a scheduled send, a reminder, a provider refund). */
  insert(input: { record: OutboxJob }): Promise<void>;
  /** Cancels the `pending` jobs of an invoice of the given kinds; returns how many. */
  cancelPendingForInvoice(input: {
    invoiceId: string;
    kinds: readonly OutboxJob["kind"][];
  }): Promise<number>;
  /** The job, or `undefined`. */
  get(input: { id: string }): Promise<OutboxJob | undefined>;
};
