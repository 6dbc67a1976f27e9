import { z } from "zod";
import { idempotencyKeySchema, recordIdSchema } from "../invoices/internal/move-input-fields";
import type { BatchProgress } from "./batch-result";

/** At most this many ids in one batch call: a larger selection is several batches. */
export const maxBatchSize = 1_000;

/**
 * The fields every batch call takes. `batchKey` is required: a batch is retried after a timeout or
 * a crash far more often than a single click, and without a key a retry could bill twice.
 */
export const batchInputFields = {
  /** The records, each at most once. */
  ids: z
    .array(recordIdSchema)
    .min(1, "choose at least one")
    .max(maxBatchSize, `at most ${maxBatchSize} per batch`)
    .refine((ids) => new Set(ids).size === ids.length, "each id at most once"),
  /** Makes the whole batch safe to retry: the same key and ids do each item once. */
  batchKey: idempotencyKeySchema,
  /**
   * How many items run at once, each in its own transaction (default 4). Each holds a store
   * connection while it runs, so keep it within the pool's size.
   */
  concurrency: z.number().int().min(1).max(32).default(4),
};

/**
 * `onProgress`: called after each item finishes, for a progress bar. A callback that throws stops
 * the batch: no new item starts, the ones running finish, and the call rejects with that error.
 */
export function progressCallbackSchema<Result>() {
  return z
    .custom<(progress: BatchProgress<Result>) => void>(
      (value) => typeof value === "function",
      "expected a function",
    )
    .optional();
}
