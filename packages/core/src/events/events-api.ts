import { z } from "zod";
import { bindCalls } from "../service/internal/bind-calls";
import { defineRead } from "../service/internal/define-read";
import type { RemitDependencies } from "../service/remit-dependencies";
import type { EventHandler } from "./event-handlers";
import type { RemitEvent, RemitEventType } from "./remit-event";

/** `remit.events.list`: the tenant's events in the order they were appended, after `after`. */
export const listEvents = defineRead(
  {
    input: z
      .object({
        after: z.string().min(1).max(64).optional(),
        limit: z.number().int().min(1).max(1_000).default(100),
      })
      .prefault({}),
  },
  async ({ transaction }, input): Promise<RemitEvent[]> => transaction.events.list(input),
);

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
  };
}
