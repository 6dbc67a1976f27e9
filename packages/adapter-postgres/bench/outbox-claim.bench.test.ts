import { beforeAll, expect, test } from "vitest";
import { createPostgresStore } from "../src/index";
import { insertPendingJobs, migratedSchema } from "../test/support/migrated-schema";
import { loadAverage, p50AndP99, timed } from "./support/latency";

// The outbox claim at a backlog: BENCH_CLAIM_BACKLOG pending jobs (default 100,000) over 1,000
// tenants, claimed 10 at a time by 4 workers that complete what they claim, while the backlog
// stays about the same size (each completed job is replaced by a new one at the back). Not in
// CI; `test/claim-plan.test.ts` holds the plan itself at 100,000 jobs.

const backlog = Number(process.env.BENCH_CLAIM_BACKLOG ?? 100_000);
const claims = 2_000;
const workers = 4;
const base = Date.parse("2026-01-01T00:00:00.000Z");

const { pool, schema } = migratedSchema({ max: workers + 1 });

beforeAll(async () => {
  await insertPendingJobs(pool, schema, {
    from: 1,
    to: backlog,
    base: new Date(base).toISOString(),
    step: "1 millisecond",
  });
  await pool.query(`ANALYZE "${schema}".outbox_jobs`);
});

test(`claim - 10 jobs at a time from ${backlog} pending, ${workers} workers`, async () => {
  const store = createPostgresStore({ client: pool, schema });
  const now = new Date(base + 10 * backlog).toISOString();
  const latencies: number[] = [];
  let claimed = 0;
  let added = backlog;
  const seconds = await timed(workers, claims, async (index) => {
    const began = performance.now();
    const jobs = await store.claimJobs({
      workerId: `w${index % workers}`,
      now,
      limit: 10,
      leaseMs: 60_000,
    });
    latencies.push(performance.now() - began);
    claimed += jobs.length;
    for (const job of jobs) {
      await store.completeJob({
        tenantId: job.tenantId,
        id: job.id,
        workerId: job.lockedBy ?? "",
        now,
      });
    }
    // As many new jobs at the back, so the backlog stays the size it was.
    const first = added + 1;
    added += jobs.length;
    await insertPendingJobs(pool, schema, {
      from: first,
      to: added,
      base: new Date(base).toISOString(),
      step: "1 millisecond",
    });
  });
  console.log(
    `\nOutbox claim on PostgreSQL (${(await pool.query("SHOW server_version")).rows[0]?.server_version}), load average ${await loadAverage()}\n` +
      `  ${claims} claims of 10 from ${backlog} pending jobs, ${workers} workers, p50 / p99   ${p50AndP99(latencies)}\n` +
      `  jobs claimed and completed                                      ${(claimed / seconds).toFixed(0)}/s\n`,
  );
  expect(claimed).toBe(claims * 10);
});
