import pg from "pg";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { migrate } from "../src/index";
import { uniqueSchema } from "../test/support/backends";
import { checkKillRun, noFindings } from "../test/support/check-kill-run";
import { killedStates } from "../test/support/issue-under-kills";
import {
  buildKillRunWorker,
  removeKillRunWorker,
  runProcessesUnderKills,
  sumReports,
} from "../test/support/run-processes-under-kills";

// The large run of test/multi-process-kill.test.ts (which CI runs small): worker processes issue
// and pay invoices while their backends are terminated, one of them is SIGKILLed halfway and
// started again with the same keys, and the database is checked afterwards. Not part of CI.
//   BENCH_KILL_RUN_PROCESSES        worker processes, each on its own pool (default 8)
//   BENCH_KILL_RUN_INVOICES         invoices per process, at least (default 100)
//   BENCH_KILL_RUN_KILLS_PER_STATE  backends ended while active, idle and idle in transaction
//                                   before the workers may stop (default 20)
//   BENCH_KILL_RUN_PAUSE_MS         the killer's pace: one backend ended every … ms (default 30)

const processes = Number(process.env.BENCH_KILL_RUN_PROCESSES ?? 8);
const invoices = Number(process.env.BENCH_KILL_RUN_INVOICES ?? 100);
const killsPerState = Number(process.env.BENCH_KILL_RUN_KILLS_PER_STATE ?? 20);
const pauseMilliseconds = Number(process.env.BENCH_KILL_RUN_PAUSE_MS ?? 30);
const tenants = ["m1", "m2", "m3", "m4"];

let admin: pg.Pool;
let schema: string;
let worker: { file: string; folder: string };

beforeAll(async () => {
  admin = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1 });
  schema = uniqueSchema();
  [worker] = await Promise.all([buildKillRunWorker(), migrate(admin, { schema })]);
});

afterAll(async () => {
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
  await removeKillRunWorker(worker.folder);
});

test("crash and kill - many processes converge: gapless numbers, one payment per key, every event with its job, positions 1..M", async () => {
  const result = await runProcessesUnderKills({
    url: inject("databaseUrl"),
    schema,
    workerFile: worker.file,
    tenants,
    processes,
    invoicesPerProcess: invoices,
    crashAt: Math.floor(invoices / 2),
    killsPerState,
    maxRounds: killsPerState * 300,
    pauseMilliseconds,
    maxAttempts: 100,
  });
  const reports = sumReports(result.exits);
  const { findings, totals } = await checkKillRun(admin, schema, result.moves);
  const seconds = result.milliseconds / 1000;
  const retried = Object.entries(reports.retries)
    .map(([code, count]) => `${count} ${code}`)
    .join(", ");
  console.log(
    [
      "",
      `crash and kill: ${processes} worker processes (+1 restart of the one SIGKILLed at invoice ${Math.floor(invoices / 2)}), ${tenants.length} tenants, ${seconds.toFixed(1)} s`,
      `  moves: ${reports.moves} (${(reports.moves / seconds).toFixed(0)}/s): ${totals.invoices} invoices issued, ${totals.payments} payments, ${totals.events} events`,
      `  backends ended in ${result.rounds} kill rounds (${pauseMilliseconds} ms apart): ${killedStates.map((state) => `${result.kills[state]} ${state}`).join(", ")}`,
      `  failed attempts retried with the same key: ${retried || "none"}; most attempts for one move: ${reports.mostAttempts}; given up: ${reports.givenUp.length}`,
      `  exits: ${result.exits.map(({ worker, run, code, signal }) => `w${worker}#${run} ${signal ?? code}`).join(", ")}`,
      `  findings: ${Object.values(findings).every((list) => list.length === 0) ? "none" : JSON.stringify(findings)}`,
      "",
    ].join("\n"),
  );
  expect
    .soft(
      result.exits.map(({ worker, run, code, signal, stderr }) => ({
        worker,
        run,
        code,
        signal,
        stderr,
      })),
    )
    .toEqual([
      { worker: 0, run: 1, code: null, signal: "SIGKILL", stderr: "" },
      ...Array.from({ length: processes }, (_, worker) => ({
        worker,
        run: worker === 0 ? 2 : 1,
        code: 0,
        signal: null,
        stderr: "",
      })),
    ]);
  expect.soft(reports.givenUp).toEqual([]);
  for (const state of killedStates)
    expect.soft(result.kills[state], state).toBeGreaterThanOrEqual(killsPerState);
  for (const code of Object.keys(reports.retries)) {
    expect.soft(["store_unavailable", "outcome_unknown"]).toContain(code);
  }
  expect.soft(findings).toEqual(noFindings);
  expect.soft(totals.invoices).toBe(result.moves.length);
  expect.soft(totals.payments).toBe(result.moves.length);
});
