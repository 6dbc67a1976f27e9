import type { OutboxJob } from "@remit/core";
import { expect, test } from "vitest";
import { createPostgresStore } from "../src/index";
import { describeBackends } from "./support/backends";
import { at, id, jobRecord } from "./support/records";

const later = (ms: number) => new Date(Date.parse(at) + ms).toISOString();

describeBackends((backend) => {
  test("claim - takes due pending jobs oldest first, leases them and raises attempts", async () => {
    const { store } = backend();
    await store.transaction({
      tenantId: "t1",
      work: async (transaction) => {
        await transaction.jobs.insert({ record: jobRecord("t1", 1, { runAt: later(2_000) }) });
        await transaction.jobs.insert({ record: jobRecord("t1", 2, { runAt: later(1_000) }) });
        await transaction.jobs.insert({ record: jobRecord("t1", 3, { runAt: later(60_000) }) }); // not due
        await transaction.jobs.insert({ record: jobRecord("t1", 4, { status: "cancelled" }) });
        await transaction.jobs.insert({ record: jobRecord("t1", 5, { kind: "delivery" }) });
      },
    });
    const now = later(5_000);
    const claimed = await store.claimJobs({ workerId: "w1", now, limit: 10, leaseMs: 30_000 });
    expect(claimed.map((job) => job.id)).toEqual([id("job", 5), id("job", 2), id("job", 1)]);
    expect(claimed[1]).toMatchObject({
      status: "running",
      attempts: 1,
      lockedBy: "w1",
      lockedUntil: later(35_000),
      updatedAt: now,
    });
    const onlyDelivery = await store.claimJobs({
      workerId: "w2",
      now: later(20_000),
      limit: 10,
      leaseMs: 1_000,
      kinds: ["delivery"],
    });
    expect(onlyDelivery).toEqual([]); // job 5 is leased until 35 s
    // At 60 s job 3 is due and the leases of jobs 1 and 2 ran out; job 5 is not a reminder.
    const reminders = await store.claimJobs({
      workerId: "w2",
      now: later(60_000),
      limit: 10,
      leaseMs: 1_000,
      kinds: ["reminder"],
    });
    expect(reminders.map((job) => [job.id, job.attempts, job.lockedBy])).toEqual([
      [id("job", 2), 2, "w2"],
      [id("job", 1), 2, "w2"],
      [id("job", 3), 1, "w2"],
    ]);
  });

  test("claim - a job whose lease ran out is claimed again; the old worker can no longer finish it", async () => {
    const { store } = backend();
    await store.transaction({
      tenantId: "t1",
      work: (transaction) => transaction.jobs.insert({ record: jobRecord("t1", 1) }),
    });
    const [first] = await store.claimJobs({ workerId: "w1", now: at, limit: 1, leaseMs: 10_000 });
    expect(first?.lockedUntil).toBe(later(10_000));
    expect(
      await store.claimJobs({ workerId: "w2", now: later(9_999), limit: 1, leaseMs: 10_000 }),
    ).toEqual([]);
    const [second] = await store.claimJobs({
      workerId: "w2",
      now: later(10_000),
      limit: 1,
      leaseMs: 10_000,
    });
    expect(second).toMatchObject({ id: id("job", 1), attempts: 2, lockedBy: "w2" });
    const done = { tenantId: "t1", id: id("job", 1), now: later(11_000) };
    expect(await store.completeJob({ ...done, workerId: "w1" })).toBe(false);
    expect(await store.completeJob({ ...done, workerId: "w2" })).toBe(true);
    const job = await store.transaction({
      tenantId: "t1",
      work: (transaction) => transaction.jobs.get({ id: id("job", 1) }),
    });
    expect(job).toMatchObject({
      status: "done",
      lockedBy: null,
      lockedUntil: null,
      updatedAt: later(11_000),
    });
  });

  test("fail - goes back to pending at retryAt with its state, or dead without one", async () => {
    const { store } = backend();
    await store.transaction({
      tenantId: "t1",
      work: (transaction) => transaction.jobs.insert({ record: jobRecord("t1", 1) }),
    });
    await store.claimJobs({ workerId: "w1", now: at, limit: 1, leaseMs: 10_000 });
    const failure = { tenantId: "t1", id: id("job", 1), now: later(1_000), error: "smtp down" };
    expect(await store.failJob({ ...failure, workerId: "w2", retryAt: later(5_000) })).toBe(false);
    expect(
      await store.failJob({
        ...failure,
        workerId: "w1",
        retryAt: later(5_000),
        state: { done: ["a"] },
      }),
    ).toBe(true);
    const get = () =>
      store.transaction({
        tenantId: "t1",
        work: (transaction) => transaction.jobs.get({ id: id("job", 1) }),
      });
    expect(await get()).toMatchObject({
      status: "pending",
      runAt: later(5_000),
      state: { done: ["a"] },
      lastError: "smtp down",
      lockedBy: null,
    });
    await store.claimJobs({ workerId: "w1", now: later(5_000), limit: 1, leaseMs: 10_000 });
    expect(await store.failJob({ ...failure, workerId: "w1", retryAt: null })).toBe(true);
    expect(await get()).toMatchObject({ status: "dead", attempts: 2, state: { done: ["a"] } });
  });
});

describeBackends(
  (backend) => {
    test("claim - concurrent claimers on separate connections never get the same job", async () => {
      const { store, newPool, schema } = backend();
      const jobs = 300;
      await store.transaction({
        tenantId: "t1",
        work: async (transaction) => {
          for (let n = 1; n <= jobs; n++) {
            await transaction.jobs.insert({ record: jobRecord("t1", n, { runAt: later(n) }) });
          }
        },
      });
      await store.transaction({
        tenantId: "t2",
        work: async (transaction) => {
          for (let n = jobs + 1; n <= jobs * 2; n++)
            await transaction.jobs.insert({ record: jobRecord("t2", n) });
        },
      });
      const claimers = Array.from({ length: 8 }, () =>
        createPostgresStore({ client: newPool(1), schema }),
      );
      const claimedBy = new Map<string, string[]>();
      const started = performance.now();
      await Promise.all(
        claimers.map(async (claimer, index) => {
          const workerId = `w${index}`;
          for (;;) {
            const batch: OutboxJob[] = await claimer.claimJobs({
              workerId,
              now: later(3_600_000),
              limit: 7,
              leaseMs: 60_000,
            });
            if (batch.length === 0) return;
            for (const job of batch) {
              claimedBy.set(job.id, [...(claimedBy.get(job.id) ?? []), workerId]);
            }
          }
        }),
      );
      console.log(
        `claim: ${jobs * 2} jobs by 8 claimers in ${(performance.now() - started).toFixed(0)} ms`,
      );
      expect(claimedBy.size).toBe(jobs * 2);
      expect([...claimedBy.values()].filter((workers) => workers.length > 1)).toEqual([]);
      const workersUsed = new Set([...claimedBy.values()].flat());
      expect(workersUsed.size).toBeGreaterThan(1);
    });
  },
  ["postgres"],
);
