import type { RemitEvent } from "../../events/remit-event";

/** The tenant's events: the feed a host app tails, and the source of `event` outbox jobs. */
export type EventCollection = {
  /** Appends events and, in the same transaction, one `event` outbox job each, due at `runAt`. */
  append(input: { events: readonly RemitEvent[]; runAt: string }): Promise<void>;
  /** The events about one subject (an invoice, a quote…), in append order. */
  listBySubject(input: { subjectId: string }): Promise<RemitEvent[]>;
  /** The tenant's events in append order, after the event id `after`, at most `limit`. */
  list(input: { after?: string; limit: number }): Promise<RemitEvent[]>;
};
