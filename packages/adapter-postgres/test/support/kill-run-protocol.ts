/**
 * What the test process and the worker processes of the kill run (see
 * `run-processes-under-kills.ts`) say to each other, and the work list both derive from a worker's
 * number: which tenant an invoice goes to and its two idempotency keys. A worker started again
 * with the same number repeats the same keys.
 */

/** The worker's whole input, passed as JSON in the `REMIT_KILL_RUN_WORKER` environment variable. */
export type KillRunWorkerConfig = {
  url: string;
  schema: string;
  /** Set on the worker's connections; the killer terminates backends with this name only. */
  applicationName: string;
  /** The worker's number, which fixes its work list. */
  worker: number;
  /** The tenants, each with a customer to bill, set up by the test process. */
  tenants: { tenantId: string; customerId: string }[];
  /** The worker issues at least this many invoices, and goes on until it is told to stop. */
  invoices: number;
  /** A move that fails with a retryable error is tried again, with the same key, up to this many times. */
  maxAttempts: number;
};

export const workerConfigVariable = "REMIT_KILL_RUN_WORKER";

/** Worker to test process. `starting` comes before each invoice's first move. */
export type KillRunWorkerMessage =
  | { type: "starting"; index: number }
  | { type: "done"; report: KillRunWorkerReport };

/** Test process to worker: finish the current invoice, and the minimum, then exit. */
export type KillRunStopMessage = { type: "stop" };

export type KillRunWorkerReport = {
  /** Invoices the worker went through: indices 0 to `invoices - 1` of its work list. */
  invoices: number;
  /** Moves that succeeded (an issue and a payment per invoice). */
  moves: number;
  /** Failed attempts that were tried again, by error code. */
  retries: Record<string, number>;
  /** The most attempts one move took. */
  mostAttempts: number;
  /** Moves given up: an error that is not retryable, or `maxAttempts` reached. */
  givenUp: string[];
};

/** One invoice of a worker's work list. */
export type KillRunMove = {
  tenantId: string;
  /** The key of "save & issue" (`invoices.create` with `issue: true`). */
  invoiceKey: string;
  /** The key of the payment of the whole amount due. */
  paymentKey: string;
};

export function killRunMove(
  worker: number,
  index: number,
  tenantIds: readonly string[],
): KillRunMove {
  return {
    tenantId: tenantIds[(worker + index) % tenantIds.length] as string,
    invoiceKey: `w${worker}-invoice-${index}`,
    paymentKey: `w${worker}-payment-${index}`,
  };
}
