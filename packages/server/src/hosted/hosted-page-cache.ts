import type { Remit } from "@remit/core";
import type { RemitChangeFeed } from "./remit-change-feed";

/** How the hosted page keeps rendered pages (`createRemitHandler`'s `hostedPageCache`). */
export type HostedPageCacheOptions = {
  /** Pages kept, by token; the least recently viewed go first. Default 1,000 (a few MB). */
  maxEntries?: number;
  /**
   * The changes other processes commit to the same store. Without it only this process's moves
   * clear the cache, which is right only when no other process writes to the store (PGlite, the
   * memory store, a single server): give one whenever several processes share a database.
   */
  changes?: RemitChangeFeed;
};

/** A rendered page and the CSP sources of its styles. */
type CachedPage = { tenantId: string; html: string; styleSources: string[] };

/** What the page's route asks of the cache. */
export type HostedPageCache = {
  get(token: string): CachedPage | undefined;
  /** A mark to take before reading the store, for `put`: a page read before a change is dropped. */
  mark(): number;
  put(token: string, page: CachedPage, mark: number): void;
};

/**
 * A bounded LRU of rendered pages by token. Any move of a tenant (this process's, heard through
 * `remit.events.onCommit` before the move's call returns; another's through `changes`) drops
 * all of that tenant's pages: a payment, a new token or new branding is never served stale. A
 * page read from the store before a change and rendered after it is not kept (`mark`).
 */
export function createHostedPageCache(
  remit: Remit,
  options: HostedPageCacheOptions,
): HostedPageCache {
  const maxEntries = options.maxEntries ?? 1_000;
  const pages = new Map<string, CachedPage>();
  let changes = 0;
  const clear = (tenantId: string | undefined) => {
    changes += 1;
    if (tenantId === undefined) {
      pages.clear();
      return;
    }
    for (const [token, page] of pages) if (page.tenantId === tenantId) pages.delete(token);
  };
  remit.events.onCommit(({ tenantId }) => clear(tenantId));
  options.changes?.subscribe((change) => clear(change.tenantId));

  return {
    get(token) {
      const page = pages.get(token);
      if (!page) return undefined;
      pages.delete(token); // to the end: the most recently viewed
      pages.set(token, page);
      return page;
    },
    mark: () => changes,
    put(token, page, mark) {
      if (mark !== changes || (options.changes && !options.changes.listening)) return;
      pages.set(token, page);
      if (pages.size > maxEntries) pages.delete(pages.keys().next().value as string);
    },
  };
}
