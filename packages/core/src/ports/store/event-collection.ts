import type { RemitEvent } from "../../events/remit-event";
import type { Page, PageInput } from "./page";

/**
 * A page of the event feed. The feed has no last page: `nextCursor` is always a cursor (after the
 * page's last event, or where the reader already was when the page is empty), so a reader that
 * has caught up keeps it and asks again later. A page with fewer than `limit` events means
 * "caught up, for now".
 *
 * @since 0.2.0
 * @group Store port
 */
export type EventPage = Page<RemitEvent> & { nextCursor: string };

/**
 * The tenant's events: the feed a host app tails, and the source of `event` outbox jobs.
 * @group Store port
 */
export type EventCollection = {
  /**
   * Appends events, in the given order, and, in the same transaction, one `event` outbox job
   * each, due at `runAt`. Call it once per transaction, near its end: a store may serialise a
   * tenant's appending transactions from this call to their commit, so that the feed follows
   * commit order (see `list`).
   */
  append(input: { events: readonly RemitEvent[]; runAt: string }): Promise<void>;
  /** The events about one subject (an invoice, a quote…), in append order. */
  listBySubject(input: { subjectId: string }): Promise<RemitEvent[]>;
  /**
   * The tenant's feed: its events in commit order, at most `limit`, after `cursor` (the
   * `nextCursor` of an earlier page; absent, from the first event).
   *
   * The contract a reader tailing the feed relies on: an event committed after a page was read is
   * on a later page, never before the cursor, so a reader that follows `nextCursor` sees every
   * committed event exactly once, and the events about one subject in the order they were
   * appended (their `subject.version` never goes backwards). An adapter whose transactions run
   * concurrently must make positions follow commit order, not append order (the PostgreSQL store
   * hands them out from a per-tenant counter row locked until the appending transaction ends).
   *
   * A `cursor` that no page returned is refused with `ValidationError`.
   *
   * @param input.after Deprecated since 0.2.0, removed in 0.3.0: an event id; the events
   * after it, as `cursor` would give them. An id the tenant has no event with starts from the
   * first event. Give `cursor` or `after`, not both.
   * @since 0.2.0 returns a page and takes `cursor` (0.1 returned an array and took only `after`).
   */
  list(input: PageInput & { after?: string }): Promise<EventPage>;
};
