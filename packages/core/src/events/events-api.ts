import { z } from "zod";
import { parseContext } from "../service/internal/run-move";
import type { RemitDependencies } from "../service/remit-dependencies";
import { parseWithSchema } from "../validation/to-validation-error";
import type { EventHandler } from "./event-handlers";
import type { RemitEvent, RemitEventType } from "./remit-event";

/** `remit.events`: read a tenant's event log, and register handlers the outbox worker runs. */
export function createEventsApi(deps: RemitDependencies) {
  return {
    /** The tenant's events in the order they were appended, after the event id `after`. */
    async list(
      rawContext: unknown,
      rawInput: { after?: string; limit?: number } = {},
    ): Promise<RemitEvent[]> {
      const context = parseContext(rawContext);
      const input = parseWithSchema(
        z.object({
          after: z.string().min(1).max(64).optional(),
          limit: z.number().int().min(1).max(1_000).default(100),
        }),
        rawInput,
      );
      return deps.store.transaction({
        tenantId: context.tenantId,
        work: (transaction) => transaction.events.list(input),
      });
    },

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
  };
}
