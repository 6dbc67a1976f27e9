import type { OutboxJob } from "@remit/core";
import { expect, test } from "vitest";
import { claimJobsPerTenant } from "../src/internal/queries/claim-jobs-per-tenant";
import { listTenantIds } from "../src/internal/queries/tenant-queries";
import { quoteSchema } from "../src/internal/schema-name";
import { createSqlClient, type SqlClient } from "../src/internal/sql-client";
import { createTables } from "../src/internal/sql-helpers";
import { describeBackends, type TestBackend } from "./support/backends";
import { recordingPool } from "./support/recording-pool";
import { at, id, invoiceRecord, jobRecord, tenantRecord, workOrderRecord } from "./support/records";
import {
  foldWhitespace,
  genericPlan,
  isTableStatement,
  planProblems,
} from "./support/tenant-filter";

/**
 * What the store runs instead when its tables are distributed (Citus): the claim in two steps and
 * the tenant list by `DISTINCT`. CI has no Citus, so they run here on one server and on PGlite;
 * `npm run test:citus` runs them on a cluster through the conformance suite.
 */
const later = (ms: number) => new Date(Date.parse(at) + ms).toISOString();

function pathsOf(backend: TestBackend, runner: SqlClient = createSqlClient(backend.client)) {
  const tables = createTables(quoteSchema(backend.schema));
  return {
    claim: (input: Parameters<typeof claimJobsPerTenant>[2]) =>
      claimJobsPerTenant(runner, tables, input),
    tenantIds: (input: { after?: string; limit: number }, distributed: boolean) =>
      listTenantIds(runner, tables, input, { distributed }),
  };
}

async function insertJobs(backend: TestBackend, jobs: OutboxJob[]): Promise<void> {
  for (const tenantId of new Set(jobs.map((job) => job.tenantId))) {
    await backend.store.transaction({
      tenantId,
      work: async (transaction) => {
        for (const job of jobs.filter((each) => each.tenantId === tenantId)) {
          await transaction.jobs.insert({ record: job });
        }
      },
    });
  }
}

const idsOf = (jobs: readonly OutboxJob[]) => jobs.map((job) => job.id);

describeBackends((backend) => {
  test("claim per tenant - the oldest due jobs of every tenant, leased; kinds, limit and lost leases hold", async () => {
    const { claim } = pathsOf(backend());
    await insertJobs(backend(), [
      jobRecord("t2", 1, { runAt: later(3_000) }),
      jobRecord("t1", 2, { runAt: later(1_000) }),
      jobRecord("t3", 3, { runAt: later(2_000), kind: "delivery" }),
      jobRecord("t1", 4, { runAt: later(60_000) }), // not due
      jobRecord("t2", 5, { status: "cancelled" }),
      jobRecord("t3", 6, { runAt: later(4_000) }),
    ]);
    const now = later(5_000);
    const first = await claim({ workerId: "w1", now, limit: 3, leaseMs: 30_000 });
    expect(idsOf(first)).toEqual([id("job", 2), id("job", 3), id("job", 1)]);
    expect(first[0]).toMatchObject({
      tenantId: "t1",
      status: "running",
      attempts: 1,
      lockedBy: "w1",
      lockedUntil: later(35_000),
      updatedAt: now,
    });
    expect(idsOf(await claim({ workerId: "w2", now, limit: 10, leaseMs: 30_000 }))).toEqual([
      id("job", 6),
    ]);
    // At 60 s job 4 is due and the first leases ran out; only reminders are asked for.
    const reminders = await claim({
      workerId: "w3",
      now: later(60_000),
      limit: 10,
      leaseMs: 1_000,
      kinds: ["reminder"],
    });
    expect(reminders.map((job) => [job.id, job.attempts, job.lockedBy])).toEqual([
      [id("job", 2), 2, "w3"],
      [id("job", 1), 2, "w3"],
      [id("job", 6), 2, "w3"],
      [id("job", 4), 1, "w3"],
    ]);
  });

  test("listTenantIds per shard - the same tenants, pages and bounds as the loose index scan", async () => {
    const { tenantIds } = pathsOf(backend());
    const { store } = backend();
    await store.transaction({
      tenantId: "a",
      work: (transaction) => transaction.tenants.put({ record: tenantRecord("a") }),
    });
    await store.transaction({
      tenantId: "c",
      work: async (transaction) => {
        await transaction.workOrders.insert({ record: workOrderRecord("c", 1) });
        await transaction.workOrders.insert({ record: workOrderRecord("c", 2) });
      },
    });
    await store.transaction({
      tenantId: "b",
      work: (transaction) => transaction.invoices.insert({ record: invoiceRecord("b", 1) }),
    });
    for (const page of [
      { limit: 10 },
      { limit: 2 },
      { after: "a", limit: 1 },
      { after: "b", limit: 10 },
      { after: "c", limit: 10 },
    ]) {
      expect(await tenantIds(page, true)).toEqual(await tenantIds(page, false));
    }
    expect(await tenantIds({ limit: 10 }, true)).toEqual(["a", "b", "c"]);
  });
});

describeBackends(
  (backend) => {
    test("claim per tenant - skips jobs another claimer holds and goes on to the next due ones", async () => {
      const { claim } = pathsOf(backend());
      await insertJobs(
        backend(),
        [1, 2, 3, 4].map((n) => jobRecord(`t${n}`, n, { runAt: later(n * 1_000) })),
      );
      const holder = await backend().newPool(1).connect();
      try {
        await holder.query("BEGIN");
        await holder.query(
          `SELECT id FROM "${backend().schema}".outbox_jobs WHERE id = ANY($1) FOR UPDATE`,
          [[id("job", 1), id("job", 2)]],
        );
        // Round one finds jobs 1 and 2 and leases neither; round two finds 3 and 4.
        const now = later(10_000);
        const claimed = await claim({ workerId: "w1", now, limit: 2, leaseMs: 60_000 });
        expect(idsOf(claimed)).toEqual([id("job", 3), id("job", 4)]);
        await holder.query("ROLLBACK");
        expect(idsOf(await claim({ workerId: "w2", now, limit: 10, leaseMs: 60_000 }))).toEqual([
          id("job", 1),
          id("job", 2),
        ]);
      } finally {
        holder.release();
      }
    });

    test("claim per tenant - claimers on separate connections never share a job, and together take every due job", async () => {
      const jobs = Array.from({ length: 120 }, (_, index) =>
        jobRecord(`t${index % 6}`, index + 1, { runAt: later(index % 17) }),
      );
      await insertJobs(backend(), jobs);
      const claimers = Array.from({ length: 4 }, () =>
        pathsOf(backend(), createSqlClient(backend().newPool(3))),
      );
      const now = later(60_000);
      const taken = await Promise.all(
        claimers.map(async ({ claim }, index) => {
          const mine: OutboxJob[] = [];
          for (;;) {
            const batch = await claim({ workerId: `w${index}`, now, limit: 7, leaseMs: 60_000 });
            if (batch.length === 0) return mine;
            mine.push(...batch);
          }
        }),
      );
      const all = taken.flat();
      expect(new Set(idsOf(all)).size).toBe(all.length);
      expect(idsOf(all).sort()).toEqual(idsOf(jobs).sort());
      expect(all.every((job) => job.attempts === 1)).toBe(true);
    });

    test("claim per tenant - the due jobs read across tenants, then a lease per tenant that filters by tenant_id", async () => {
      await insertJobs(backend(), [jobRecord("t1", 1), jobRecord("t2", 2), jobRecord("t1", 3)]);
      const sent: string[] = [];
      const pool = backend().newPool(2);
      const { claim } = pathsOf(
        backend(),
        createSqlClient(recordingPool(pool, (text) => sent.push(text))),
      );
      expect(await claim({ workerId: "w1", now: at, limit: 10, leaseMs: 1_000 })).toHaveLength(3);
      const connection = await pool.connect();
      try {
        const checked: [string, string[]][] = [];
        for (const text of sent.filter((each) => isTableStatement(each, backend().schema))) {
          const problems = planProblems(await genericPlan(connection, text), {
            schema: backend().schema,
            localTables: [],
            appendOnlyTables: [],
          });
          const kind = foldWhitespace(text).startsWith("WITH leased AS") ? "lease" : "read";
          checked.push([kind, problems]);
        }
        expect(checked).toEqual([
          ["read", ["scans outbox_jobs without tenant_id = $n"]], // pending jobs
          ["read", ["scans outbox_jobs without tenant_id = $n"]], // leases that ran out
          ["lease", []], // t1's jobs 1 and 3
          ["lease", []], // t2's job 2
        ]);
      } finally {
        connection.release();
      }
    });
  },
  ["postgres"],
);
