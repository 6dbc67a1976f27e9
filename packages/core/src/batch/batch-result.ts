import type { RemitError } from "../errors/remit-error";

/**
 * What became of one item of a batch.
 * - `done`: this run did it; `result` is what the single call returned.
 * - `skipped`: it was already done, by an earlier run of the same batch (`already_done_in_batch`,
 *   `result` is that run's answer) or by some other call (`already_done`, the record had already
 *   moved on, e.g. a work order already `invoiced`); nothing was written this time.
 * - `refused`: the single call refused it with a typed error (`error.code`); nothing was written
 *   for it. A retryable error (`error.retryable`) may succeed when the batch is run again.
 * @group Service
 */
export type BatchItemResult<Result> =
  | { id: string; status: "done"; result: Result }
  | {
      id: string;
      status: "skipped";
      reason: "already_done_in_batch" | "already_done";
      result?: Result;
    }
  | { id: string; status: "refused"; error: RemitError };

/**
 * How many items of a batch ended each way.
 * @group Service
 */
export type BatchCounts = { done: number; skipped: number; refused: number };

/**
 * Reported after each item, in the order they finish (not the order of `ids`).
 * @group Service
 */
export type BatchProgress<Result> = BatchCounts & {
  /** Items finished so far, this one included. */
  completed: number;
  total: number;
  /** The item that just finished. */
  item: BatchItemResult<Result>;
};

/**
 * The answer of a batch call: one result per id, in the order of `ids`, and the counts.
 * @group Service
 */
export type BatchResult<Result> = {
  batchKey: string;
  items: BatchItemResult<Result>[];
  counts: BatchCounts;
};
