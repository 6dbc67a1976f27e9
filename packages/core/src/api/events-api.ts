import type { CommitListener, EventHandler } from "../events/event-handlers";
import { listEvents } from "../events/reads/list-events";
import type { RemitEventType } from "../events/remit-event";
import { bindCalls } from "../service/internal/bind-calls";
import type { RemitDependencies } from "../service/remit-dependencies";

/** `remit.events`: read a tenant's event log, and register handlers the outbox worker runs. */
export function createEventsApi(deps: RemitDependencies) {
  return {
    ...bindCalls(deps, { list: listEvents }),

    /**
     * Runs `handler` from the outbox worker for each event of `type` (or `"*"`), at least once and
     * in no set order: deduplicate by `event.id`. Give a stable `name` so retries after a restart
     * skip handlers that already succeeded. Returns a function that unregisters it.
     *
     * @example
     * ```ts
     * remit.events.on("invoice.paid", async (event) => notifyAccounting(event), { name: "accounting" });
     * ```
     */
    on(
      type: RemitEventType | "*",
      handler: EventHandler,
      options: { name?: string } = {},
    ): () => void {
      return deps.handlers.on(type, handler, options);
    },

    /**
     * Calls `listener` in this process right after each move commits, with the tenant and the
     * events the move committed, before the move's promise resolves: for caches of what those
     * events change (the hosted page's cache in `@remit/server`). Not durable and not told of
     * other processes' moves (see the store's change notifications for those). `listener` must be
     * quick; what it throws is ignored. Returns a function that removes it.
     *
     * @since 0.2.0
     * @example
     * ```ts
     * remit.events.onCommit(({ tenantId }) => pageCache.clearTenant(tenantId));
     * ```
     */
    onCommit(listener: CommitListener): () => void {
      return deps.handlers.onCommit(listener);
    },
  };
}
