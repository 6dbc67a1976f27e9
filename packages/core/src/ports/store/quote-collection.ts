import type { Quote, QuoteStatus } from "../../quotes/quote";
import type { Page, PageInput } from "./page";
import type { VersionedCollection } from "./versioned-collection";

/**
 * The tenant's quotes.
 * @group Store port
 */
export type QuoteCollection = VersionedCollection<Quote> & {
  /** Newest first by id; filters combine with AND. */
  list(
    input: PageInput & { filter: { status?: readonly QuoteStatus[]; customerId?: string } },
  ): Promise<Page<Quote>>;
  /** `sent` quotes whose `expiresOn` is before `before`, by id after `after`: the expiry sweep. */
  listExpiring(input: { before: string; after?: string; limit: number }): Promise<Quote[]>;
};
