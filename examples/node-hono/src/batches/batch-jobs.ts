import { randomBytes } from "node:crypto";
import type { BatchItemResult, BatchProgress, BatchResult } from "@remit/core";

/** What the back office's batch buttons run: "Invoice selected" and "Send selected". */
export type BatchKind = "invoice-work-orders" | "send-invoices";

/** One item of a running batch, as its page shows it. */
export type BatchJobItem = {
  id: string;
  /** The record's name for people (a work order's title, an invoice's number). */
  label: string;
  outcome: "waiting" | "done" | "skipped" | "refused";
  /** For a refused item, the typed error's plain words. */
  message?: string | undefined;
};

/** A batch started from the back office: its progress while it runs, its result per item after. */
export type BatchJob = {
  id: string;
  tenantId: string;
  kind: BatchKind;
  total: number;
  completed: number;
  items: BatchJobItem[];
  /** Set once the batch call has answered (or failed as a whole: `failure`). */
  finished: boolean;
  failure?: string | undefined;
};

/**
 * The back office's running and finished batches, in this process's memory: the page of a batch
 * reads its progress here while the core's batch call reports each item through `onProgress`.
 * A restart forgets them, which loses only the view: every item was its own transaction, and the
 * batch key makes a batch run again from the list bill or send nothing twice.
 */
export function createBatchJobs(keep = 50) {
  const jobs = new Map<string, BatchJob>();

  return {
    /**
     * Starts `run` and returns its job at once; `run` gets the `onProgress` to pass to the core's
     * batch call. The oldest finished jobs are forgotten past `keep`.
     */
    start<Result>(
      input: { tenantId: string; kind: BatchKind; items: { id: string; label: string }[] },
      run: (onProgress: (progress: BatchProgress<Result>) => void) => Promise<BatchResult<Result>>,
    ): BatchJob {
      const job: BatchJob = {
        id: randomBytes(16).toString("base64url"),
        tenantId: input.tenantId,
        kind: input.kind,
        total: input.items.length,
        completed: 0,
        items: input.items.map((item) => ({ ...item, outcome: "waiting" })),
        finished: false,
      };
      jobs.set(job.id, job);
      forgetOld();
      const record = (item: BatchItemResult<Result>) => {
        const found = job.items.find((candidate) => candidate.id === item.id);
        if (!found) return;
        found.outcome = item.status;
        found.message = item.status === "refused" ? item.error.message : undefined;
      };
      run((progress) => {
        job.completed = progress.completed;
        record(progress.item);
      })
        .then((result) => {
          for (const item of result.items) record(item);
          job.completed = job.total;
        })
        .catch((error: unknown) => {
          job.failure = error instanceof Error ? error.message : String(error);
        })
        .finally(() => {
          job.finished = true;
        });
      return job;
    },

    /** A batch of `tenantId` by id; another tenant's batch is not found. */
    get(tenantId: string, id: string): BatchJob | undefined {
      const job = jobs.get(id);
      return job?.tenantId === tenantId ? job : undefined;
    },
  };

  function forgetOld() {
    for (const [id, job] of jobs) {
      if (jobs.size <= keep) return;
      if (job.finished) jobs.delete(id);
    }
  }
}

export type BatchJobs = ReturnType<typeof createBatchJobs>;
