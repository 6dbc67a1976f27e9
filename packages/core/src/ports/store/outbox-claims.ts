import type { OutboxJob } from "../../outbox/outbox-job";

/**
 * How outbox workers take jobs, across tenants and outside any move's transaction. Two workers
 * never hold the same job; a job whose worker died is claimed again when its lease runs out.
 * @group Store port
 */
export type OutboxClaims = {
  /**
   * Claims outbox jobs due by `now`: `pending` jobs with `runAt <= now`, and `running` jobs whose
   * lease (`lockedUntil`) ran out (their worker died). Each claimed job becomes `running`, locked by
   * `workerId` until `now + leaseMs`, with `attempts` raised by one. Two concurrent claims never
   * return the same job. Oldest `runAt` first; at most `limit`.
   */
  claimJobs(input: {
    workerId: string;
    now: string;
    limit: number;
    leaseMs: number;
    kinds?: readonly OutboxJob["kind"][];
  }): Promise<OutboxJob[]>;

  /** Marks a claimed job `done`. Ignored (returns false) if `workerId` no longer holds it. */
  completeJob(input: {
    tenantId: string;
    id: string;
    workerId: string;
    now: string;
  }): Promise<boolean>;

  /**
   * Records a failed run of a claimed job: back to `pending` at `retryAt`, or `dead` when
   * `retryAt` is `null`. `state` replaces the job's progress. Ignored (false) if not held.
   */
  failJob(input: {
    tenantId: string;
    id: string;
    workerId: string;
    now: string;
    error: string;
    retryAt: string | null;
    state?: Record<string, unknown>;
  }): Promise<boolean>;
};
