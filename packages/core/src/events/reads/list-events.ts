import { z } from "zod";
import type { EventPage } from "../../ports/store/index";
import { defineRead } from "../../service/internal/define-read";
import { textSchema } from "../../validation/text-schema";

/** @group Events */
export const listEventsInputSchema = z
  .object({
    limit: z.number().int().min(1).max(1_000).default(100),
    /** The `nextCursor` of the previous page; absent for the first page. */
    cursor: textSchema.min(1).max(200).optional(),
    /**
     * @deprecated Since 0.2.0, removed in 0.3.0: pass the previous page's `nextCursor` as
     * `cursor`. The events after this event id.
     */
    after: textSchema.min(1).max(64).optional(),
  })
  .refine((input) => input.cursor === undefined || input.after === undefined, {
    path: ["after"],
    message: "give cursor or after (deprecated), not both",
  });

/** @group Events @interface */
export type ListEventsInput = z.input<typeof listEventsInputSchema>;

/**
 * `remit.events.list`: the tenant's feed, in commit order, one page at a time. `nextCursor` is
 * always set: keep it to read what is committed later.
 */
export const listEvents = defineRead(
  { input: listEventsInputSchema.prefault({}) },
  async ({ transaction }, input): Promise<EventPage> => transaction.events.list(input),
);
