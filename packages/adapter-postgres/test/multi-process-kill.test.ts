import pg from "pg";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { migrate } from "../src/index";
import { uniqueSchema } from "./support/backends";
import { checkKillRun, noFindings } from "./support/check-kill-run";
import { killedStates } from "./support/issue-under-kills";
import {
  buildKillRunWorker,
  removeKillRunWorker,
  runProcessesUnderKills,
  sumReports,
} from "./support/run-processes-under-kills";

// Issue 13's "done when": a crash-and-kill run of many processes shows gapless numbers, one
// payment per key, no orphan or lost event and no process crash. The small run; the bench
// (bench/multi-process-kill.bench.test.ts) runs the same with more processes and invoices.

let schema: string;
let admin: pg.Pool;
let worker: { file: string; folder: string };

beforeAll(async () => {
  schema = uniqueSchema();
  admin = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1 });
  [worker] = await Promise.all([buildKillRunWorker(), migrate(admin, { schema })]);
});

afterAll(async () => {
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
  await removeKillRunWorker(worker.folder);
});

test("crash and kill - worker processes whose backends are terminated and one of which is SIGKILLed and restarted converge: gapless numbers, one payment per key, every event with its job, positions 1..M", async () => {
  const result = await runProcessesUnderKills({
    url: inject("databaseUrl"),
    schema,
    workerFile: worker.file,
    tenants: ["p1", "p2"],
    processes: 3,
    invoicesPerProcess: 20,
    crashAt: 8,
    killsPerState: 2,
    maxRounds: 150,
    pauseMilliseconds: 20,
    maxAttempts: 50,
  });
  const reports = sumReports(result.exits);
  const { findings, totals } = await checkKillRun(admin, schema, result.moves);
  console.log(
    `crash and kill: ${result.exits.length} processes (1 SIGKILLed), ${reports.moves} moves in ${(result.milliseconds / 1000).toFixed(1)} s; ${result.rounds} kill rounds: ${killedStates.map((state) => `${result.kills[state]} ${state}`).join(", ")}; retries: ${JSON.stringify(reports.retries)}; ${totals.invoices} invoices, ${totals.payments} payments, ${totals.events} events`,
  );

  // Soft: a broken run reports every check that fails, not only the first.
  // Every process exited by itself with 0, except the first of worker 0, SIGKILLed by the test.
  expect
    .soft(
      result.exits.map(({ worker, run, code, signal, report, stderr }) => ({
        worker,
        run,
        code,
        signal,
        reported: report !== undefined,
        stderr,
      })),
    )
    .toEqual([
      { worker: 0, run: 1, code: null, signal: "SIGKILL", reported: false, stderr: "" },
      { worker: 0, run: 2, code: 0, signal: null, reported: true, stderr: "" },
      { worker: 1, run: 1, code: 0, signal: null, reported: true, stderr: "" },
      { worker: 2, run: 1, code: 0, signal: null, reported: true, stderr: "" },
    ]);
  expect.soft(reports.givenUp).toEqual([]);
  for (const state of killedStates)
    expect.soft(result.kills[state], state).toBeGreaterThanOrEqual(2);
  // The kills reached moves: some failed and were tried again, only with the retryable codes.
  expect.soft(Object.keys(reports.retries).length).toBeGreaterThan(0);
  for (const code of Object.keys(reports.retries)) {
    expect.soft(["store_unavailable", "outcome_unknown"]).toContain(code);
  }

  expect.soft(findings).toEqual(noFindings);
  expect.soft(result.moves.length).toBeGreaterThanOrEqual(3 * 20);
  expect.soft(totals.invoices).toBe(result.moves.length);
  expect.soft(totals.payments).toBe(result.moves.length);
});
