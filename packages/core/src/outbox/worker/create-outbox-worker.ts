import type { EventHandler, RegisteredHandler } from "../../events/event-handlers";
import type { RemitEventType } from "../../events/remit-event";
import type { Invoice } from "../../invoices/invoice";
import type { Quote } from "../../quotes/quote";
import type { Remit } from "../../remit";
import { dependenciesOf } from "../../service/remit-internals";
import { runDeliveryJob } from "../internal/run-delivery-job";
import { type JobOutcome, runEventJob } from "../internal/run-event-job";
import { runRefundJob } from "../internal/run-refund-job";
import { runReminderJob } from "../internal/run-reminder-job";
import type { OutboxJob } from "../outbox-job";
import { sweepAllTenants } from "./sweep-all-tenants";

/** @group Outbox worker */
export type OutboxWorkerOptions = {
  remit: Remit;
  /** Extra event handlers for this worker, by name: `{ "crm-sync": { type: "invoice.paid", handle } }`. */
  handlers?: Record<string, { type: RemitEventType | "*"; handle: EventHandler }>;
  /** Jobs run at once. Default 4. */
  concurrency?: number;
  /** Milliseconds between polls while started. Default 1000. */
  pollInterval?: number;
  /** This worker's id in job locks. Default a new id. */
  workerId?: string;
  /** How long a claimed job stays locked before another worker may take it. Default 60 s. */
  leaseMs?: number;
  /** Tries before a job is `dead`. Default 10. */
  maxAttempts?: number;
  /** Delay before try n+1, in ms. Default 5 s × 2^(n−1), at most one hour. */
  backoff?: (attempts: number) => number;
  /** The customer's hosted-page link for an invoice, put in messages. */
  invoiceUrl?: (invoice: Invoice) => string;
  /**
   * The customer's hosted-page link for a quote, put in `quotes.send` messages
   * (`/quotes/{publicToken}` by default).
   * @since 0.3.0
   */
  quoteUrl?: (quote: Quote) => string;
  /** Called with each job that failed for good, for an operator to see. */
  onDead?: (job: OutboxJob, error: string) => void;
  /**
   * While started, also run `sweepAllTenants` (past due, quote expiry) every this many
   * milliseconds. Off by default: run it from cron instead if you prefer.
   */
  sweepEvery?: number;
};

/**
 * What one `runOnce` did.
 * @group Outbox worker
 */
export type OutboxRunReport = { claimed: number; completed: number; retried: number; dead: number };

const defaultBackoff = (attempts: number) =>
  Math.min(3_600_000, 5_000 * 2 ** Math.max(0, attempts - 1));

/**
 * The outbox worker: the only place Remit talks to providers after a move. It claims due jobs from
 * the store (each held by one worker at a time) and runs them: event handlers (Remit's and the
 * host app's, at least once), scheduled sends, reminders and provider refunds. A failing job is
 * retried with backoff, then marked `dead`.
 *
 * @example
 * ```ts
 * const worker = createOutboxWorker({ remit, invoiceUrl: (invoice) => `https://pay.example.com/i/${invoice.publicToken}` });
 * worker.start();           // poll in the background
 * await worker.runOnce();   // or run what is due now (tests, cron)
 * ```
 * @group Outbox worker
 */
export function createOutboxWorker(options: OutboxWorkerOptions) {
  const deps = dependenciesOf(options.remit);
  const workerId = options.workerId ?? deps.ids.newId("wrk");
  const concurrency = options.concurrency ?? 4;
  const leaseMs = options.leaseMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 10;
  const backoff = options.backoff ?? defaultBackoff;
  const links = {
    invoiceUrl:
      options.invoiceUrl ?? ((invoice: Invoice) => `/invoices/${invoice.publicToken ?? ""}`),
    quoteUrl: options.quoteUrl ?? ((quote: Quote) => `/quotes/${quote.publicToken ?? ""}`),
  };
  const extraHandlers: RegisteredHandler[] = Object.entries(options.handlers ?? {}).map(
    ([name, handler]) => ({
      name,
      type: handler.type,
      handle: handler.handle,
    }),
  );

  async function run(job: OutboxJob): Promise<JobOutcome> {
    try {
      switch (job.kind) {
        case "event":
          return await runEventJob(job, deps.handlers, extraHandlers);
        case "delivery":
          return await runDeliveryJob(deps, job, links);
        case "reminder":
          return await runReminderJob(deps, job);
        case "provider_refund":
          return await runRefundJob(deps, job);
        default:
          return { ok: false, error: `unknown job kind ${String(job.kind)}`, retryable: false };
      }
    } catch (error) {
      return {
        ok: false,
        error: error instanceof Error ? error.message : String(error),
        retryable: true,
      };
    }
  }

  async function settle(
    job: OutboxJob,
    outcome: JobOutcome,
    report: OutboxRunReport,
  ): Promise<void> {
    const now = deps.clock.now();
    if (outcome.ok) {
      await deps.store.completeJob({ tenantId: job.tenantId, id: job.id, workerId, now });
      report.completed++;
      return;
    }
    const dead = !outcome.retryable || job.attempts >= maxAttempts;
    const retryAt = dead ? null : new Date(Date.parse(now) + backoff(job.attempts)).toISOString();
    await deps.store.failJob({
      tenantId: job.tenantId,
      id: job.id,
      workerId,
      now,
      error: outcome.error,
      retryAt,
      ...(outcome.state ? { state: outcome.state } : {}),
    });
    if (dead) {
      report.dead++;
      options.onDead?.(job, outcome.error);
    } else {
      report.retried++;
    }
  }

  /** Claims and runs every job due now, `concurrency` at a time. */
  async function runOnce(): Promise<OutboxRunReport> {
    const report: OutboxRunReport = { claimed: 0, completed: 0, retried: 0, dead: 0 };
    for (;;) {
      const jobs = await deps.store.claimJobs({
        workerId,
        now: deps.clock.now(),
        limit: concurrency,
        leaseMs,
      });
      if (jobs.length === 0) return report;
      report.claimed += jobs.length;
      await Promise.all(jobs.map(async (job) => settle(job, await run(job), report)));
    }
  }

  let sweepTimer: ReturnType<typeof setInterval> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = true;

  const loop = () => {
    if (stopped) return;
    running = runOnce()
      .catch(() => undefined) // a store outage: try again next poll
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, options.pollInterval ?? 1_000);
      });
  };

  return {
    workerId,
    runOnce,
    /** Starts polling in the background. */
    start(): void {
      if (!stopped) return;
      stopped = false;
      loop();
      if (options.sweepEvery !== undefined) {
        // A failed sweep is tried again at the next tick; sweeps are idempotent.
        sweepTimer = setInterval(
          () => void sweepAllTenants(options.remit).catch(() => undefined),
          options.sweepEvery,
        );
      }
    },
    /** Stops polling and waits for the jobs in hand to finish. */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (sweepTimer) clearInterval(sweepTimer);
      await running;
    },
  };
}

/** @group Outbox worker */
export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
