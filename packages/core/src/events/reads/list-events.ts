import { z } from "zod";
import { defineRead } from "../../service/internal/define-read";
import type { RemitEvent } from "../remit-event";

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
