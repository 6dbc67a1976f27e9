import { RemitError } from "../errors/remit-error";
import { wasReplayed } from "../service/replayed-result";
import type { BatchCounts, BatchItemResult, BatchProgress, BatchResult } from "./batch-result";
import { deriveItemKey } from "./derive-item-key";

/** How one batch runs: its items, their single call, and how to tell "already done". */
export type BatchPlan<Result> = {
  /** The move's name, part of each item's derived key. */
  move: string;
  ids: readonly string[];
  batchKey: string;
  concurrency: number;
  onProgress?: ((progress: BatchProgress<Result>) => void) | undefined;
  /** Does one item in its own transaction with the derived key. */
  run(id: string, idempotencyKey: string): Promise<Result>;
  /**
   * Whether a refusal means the item was already done by another call (a work order already
   * `invoiced`): reported as `skipped`, not `refused`.
   */
  alreadyDone?(error: RemitError): boolean;
};

/**
 * Runs a batch: each item through its single call in its own transaction, at most `concurrency`
 * at once, with an idempotency key derived from the batch key. A Remit error refuses that item
 * only; any other error (a bug, or a throwing `onProgress`) stops the batch, lets the running items
 * finish, and rejects. Items are independent, so a batch that stopped half way is finished by
 * running it again with the same key: what was done is replayed as `skipped`, nothing twice.
 */
export async function runBatch<Result extends object>(
  plan: BatchPlan<Result>,
): Promise<BatchResult<Result>> {
  const results: BatchItemResult<Result>[] = new Array(plan.ids.length);
  const counts: BatchCounts = { done: 0, skipped: 0, refused: 0 };
  let next = 0;
  let completed = 0;
  let stopped: { error: unknown } | undefined;

  const runItem = async (id: string): Promise<BatchItemResult<Result>> => {
    const key = await deriveItemKey(plan.batchKey, plan.move, id);
    try {
      const result = await plan.run(id, key);
      return wasReplayed(result)
        ? { id, status: "skipped", reason: "already_done_in_batch", result }
        : { id, status: "done", result };
    } catch (error) {
      if (!RemitError.isInstance(error)) throw error;
      if (plan.alreadyDone?.(error)) return { id, status: "skipped", reason: "already_done" };
      return { id, status: "refused", error };
    }
  };

  // A small pool: each worker takes the next index until none is left or the batch stopped.
  const worker = async () => {
    while (!stopped && next < plan.ids.length) {
      const index = next++;
      const id = plan.ids[index] as string;
      try {
        const item = await runItem(id);
        results[index] = item;
        counts[item.status]++;
        completed++;
        plan.onProgress?.({ ...counts, completed, total: plan.ids.length, item });
      } catch (error) {
        stopped ??= { error };
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(plan.concurrency, plan.ids.length) }, () => worker()),
  );
  if (stopped) throw stopped.error;
  return { batchKey: plan.batchKey, items: results, counts };
}
