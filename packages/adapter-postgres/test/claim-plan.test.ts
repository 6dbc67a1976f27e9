import { beforeAll, expect, test } from "vitest";
import { createPostgresStore } from "../src/index";
import { insertPendingJobs, migratedSchema } from "./support/migrated-schema";
import { analyzed, type PlanNode, type Statement, unboundedNodes } from "./support/query-plans";
import { recordingPool } from "./support/recording-pool";

// The outbox claim must stay index-driven however large the backlog grows: with 100,000 pending
// jobs, a claim of 10 may read and sort a few dozen rows, never the backlog. Checked on the plan
// the server actually ran (EXPLAIN ANALYZE of the exact statement the store sent, rolled back):
// row counts, not timings, so the test is as fast and as steady on a busy machine as on an idle
// one. Real PostgreSQL only: PGlite plans the same SQL but filling it with 100,000 rows is slow.

const backlog = 100_000;
const limit = 10;
/** 2026-01-01 plus n seconds: job n's run_at. */
const base = Date.parse("2026-01-01T00:00:00.000Z");
const now = new Date(base + (backlog + 1) * 1000).toISOString();

const { pool, schema } = migratedSchema();
const recorded: Statement[] = [];

beforeAll(async () => {
  await insertPendingJobs(pool, schema, {
    from: 1,
    to: backlog,
    base: new Date(base).toISOString(),
    step: "1 second",
  });
  // A few jobs held by workers: half of them with a lease that ran out long ago.
  await pool.query(
    `INSERT INTO "${schema}".outbox_jobs (tenant_id, id, kind, run_at, status, attempts, payload,
       state, locked_by, locked_until, created_at, updated_at)
     SELECT 't0000', 'job_running_' || n, 'event', $1::timestamptz, 'running', 1, '{}'::jsonb,
            '{}'::jsonb, 'w0',
            CASE WHEN n % 2 = 0 THEN $1::timestamptz ELSE $2::timestamptz END,
            $1::timestamptz, $1::timestamptz
     FROM generate_series(1, 20) AS n`,
    [new Date(base + 500 * 1000).toISOString(), new Date(base + 10 * backlog * 1000).toISOString()],
  );
  await pool.query(`ANALYZE "${schema}".outbox_jobs`);
});

/** A store on a pool that records every statement it is sent. */
function recordingStore() {
  const recording = recordingPool(pool, (text, values) => recorded.push({ text, values }));
  return createPostgresStore({ client: recording, schema });
}

async function claimPlan(kinds?: ["event"]) {
  const store = recordingStore();
  recorded.length = 0;
  const claimed = await store.claimJobs({
    workerId: "w1",
    now,
    limit,
    leaseMs: 60_000,
    ...(kinds ? { kinds } : {}),
  });
  const statements = recorded.filter((query) => /outbox_jobs/.test(query.text));
  if (statements.length === 0) throw new Error("the store sent no statement on outbox_jobs");
  // The claim above took the oldest due jobs; give them back so every call sees the same backlog.
  await pool.query(
    `UPDATE "${schema}".outbox_jobs SET status = 'pending', attempts = 0, locked_by = NULL,
       locked_until = NULL WHERE locked_by = 'w1'`,
  );
  const nodes: PlanNode[] = [];
  for (const statement of statements) nodes.push(...(await analyzed(pool, statement)));
  return { claimed, nodes };
}

/** Nodes whose rows grow with the backlog (more than a few times `limit`). */
function backlogBoundNodes(nodes: PlanNode[]): string[] {
  return unboundedNodes(nodes, "outbox_jobs", 5 * limit);
}

test(`claim - reads and sorts a bounded number of rows at a backlog of ${backlog} pending jobs`, async () => {
  const { claimed, nodes } = await claimPlan();
  // The ten oldest due jobs: the expired leases (run_at at 500 s) come after jobs 1..10.
  expect(claimed.map((job) => job.id)).toEqual(
    Array.from({ length: limit }, (_, index) => `job_${String(index + 1).padStart(26, "0")}`),
  );
  expect(nodes.some((node) => /^Index.*Scan$/.test(node["Node Type"]))).toBe(true);
  expect(backlogBoundNodes(nodes)).toEqual([]);
});

test("claim - stays index-driven when filtered by kind", async () => {
  const { claimed, nodes } = await claimPlan(["event"]);
  expect(claimed).toHaveLength(limit);
  expect(backlogBoundNodes(nodes)).toEqual([]);
});

test("claim - a lease that ran out is claimed in run_at order with the pending jobs", async () => {
  const store = recordingStore();
  // At 1,000 s: pending jobs 1..1000 are due, and the expired leases (run_at 500 s) sort among them.
  const claimed = await store.claimJobs({
    workerId: "w2",
    now: new Date(base + 1_000 * 1000).toISOString(),
    limit: 600,
    leaseMs: 60_000,
  });
  try {
    const ids = claimed.map((job) => job.id);
    const pendingJob = (n: number) => `job_${String(n).padStart(26, "0")}`;
    expect(ids).toHaveLength(600);
    expect(ids.slice(0, 499)).toEqual(
      Array.from({ length: 499 }, (_, index) => pendingJob(index + 1)),
    );
    // The ten expired leases and job 500 share run_at 500 s; tenant "t0000" sorts first.
    expect(ids.slice(499, 509).every((id) => id.startsWith("job_running_"))).toBe(true);
    expect(ids.slice(509)).toEqual(
      Array.from({ length: 91 }, (_, index) => pendingJob(index + 500)),
    );
    expect(claimed.every((job) => job.lockedBy === "w2" && job.status === "running")).toBe(true);
  } finally {
    await pool.query(
      `UPDATE "${schema}".outbox_jobs
       SET status = CASE WHEN id LIKE 'job\\_running\\_%' THEN 'running' ELSE 'pending' END,
           attempts = CASE WHEN id LIKE 'job\\_running\\_%' THEN 1 ELSE 0 END,
           locked_by = CASE WHEN id LIKE 'job\\_running\\_%' THEN 'w0' END,
           locked_until = CASE WHEN id LIKE 'job\\_running\\_%' THEN $1::timestamptz END
       WHERE locked_by = 'w2'`,
      [new Date(base + 500 * 1000).toISOString()],
    );
  }
});
