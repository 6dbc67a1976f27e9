import { type ChildProcess, fork } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRemit } from "@remit/core";
import pg from "pg";
import { build } from "tsup";
import { createPostgresStore } from "../../src/index";
import { type KilledState, killedStates, setUpTenants } from "./issue-under-kills";
import {
  type KillRunMove,
  type KillRunStopMessage,
  type KillRunWorkerConfig,
  type KillRunWorkerMessage,
  type KillRunWorkerReport,
  killRunMove,
  workerConfigVariable,
} from "./kill-run-protocol";

const packageDir = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Bundles `kill-run-worker.ts` with the adapter's source as it is now (tsup, the build tool of
 * every package), so the workers run the code under test, not a `dist` from an earlier build.
 * `@remit/core`, `pg` and `zod` stay imports: the file is written under the package's
 * `node_modules/.cache`, from where Node resolves them as the tests do. Remove the folder after.
 */
export async function buildKillRunWorker(): Promise<{ file: string; folder: string }> {
  const cache = join(packageDir, "node_modules", ".cache");
  await mkdir(cache, { recursive: true });
  const folder = await mkdtemp(join(cache, "remit-kill-run-"));
  await build({
    entry: { "kill-run-worker": join(packageDir, "test/support/kill-run-worker.ts") },
    outDir: folder,
    outExtension: () => ({ js: ".mjs" }),
    format: ["esm"],
    platform: "node",
    target: "node20",
    external: ["@remit/core", "pg", "zod"],
    tsconfig: join(packageDir, "tsconfig.json"),
    config: false,
    dts: false,
    sourcemap: false,
    splitting: false,
    silent: true,
  });
  return { file: join(folder, "kill-run-worker.mjs"), folder };
}

export type ProcessesUnderKillsOptions = {
  url: string;
  /** The schema `migrate` created; the tenants and their customers are set up here. */
  schema: string;
  /** The bundled worker (`buildKillRunWorker`). */
  workerFile: string;
  tenants: readonly string[];
  /** Worker processes, each with its own pool: worker `w` issues the work list of `killRunMove(w, …)`. */
  processes: number;
  /** Each worker issues at least this many invoices, then goes on until the killer is satisfied. */
  invoicesPerProcess: number;
  /** Worker 0 is SIGKILLed as it starts this invoice, then started again with the same work list. */
  crashAt: number;
  /** Workers are told to stop once the killer has ended this many backends in every state. */
  killsPerState: number;
  /** The killer gives up after this many rounds (the caller's assertions then say what is short). */
  maxRounds: number;
  /** The pause between two kills: a pace, nothing waits on it. */
  pauseMilliseconds: number;
  /** Attempts per move before a worker gives up on it. */
  maxAttempts: number;
};

/** How one worker process ended. */
export type WorkerExit = {
  worker: number;
  /** 1 for the first process of a worker, 2 for its restart. */
  run: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The worker's own account, sent just before it exits (none from a killed process). */
  report?: KillRunWorkerReport;
  /** The end of its stderr, for the failure message of a crash. */
  stderr: string;
};

export type ProcessesUnderKillsResult = {
  exits: WorkerExit[];
  /** Backends terminated, by the state they were in. */
  kills: Record<KilledState, number>;
  /** Rounds of the killer (one `pg_terminate_backend` attempt each). */
  rounds: number;
  /** Every invoice some process started: the work lists as far as they went. */
  moves: KillRunMove[];
  milliseconds: number;
};

/**
 * The crash-and-kill run: `processes` worker processes (`fork`) issue invoices and record their
 * payments, each move with an idempotency key, while this process terminates their backends with
 * `pg_terminate_backend`, one every `pauseMilliseconds`, taking turns at active, idle and
 * idle-in-transaction ones, until every worker has exited (or `maxRounds`). The workers go on past
 * their minimum until the killer has ended `killsPerState` backends in every state, so the counts
 * do not depend on how fast the machine is. Worker 0 is SIGKILLed as it starts invoice `crashAt`
 * and started again with the same work list: the keys it already used come round again and must
 * answer with their first result. Resolves when every process has exited; the caller checks the
 * database (`checkKillRun`).
 */
export async function runProcessesUnderKills(
  options: ProcessesUnderKillsOptions,
): Promise<ProcessesUnderKillsResult> {
  if (options.crashAt >= options.invoicesPerProcess) {
    throw new Error("crashAt must be below invoicesPerProcess: the restart must repeat its keys");
  }
  const started = performance.now();
  const applicationName = `remit_kill_run_${options.schema}`.slice(0, 63);
  const setup = new pg.Pool({ connectionString: options.url, max: 1 });
  const killer = new pg.Client({ connectionString: options.url });
  const live = new Set<ChildProcess>();
  const told = new WeakSet<ChildProcess>();
  const reached = new Array<number>(options.processes).fill(0);
  const kills: Record<KilledState, number> = { active: 0, idle: 0, "idle in transaction": 0 };
  let stopping = false;
  let rounds = 0;
  const tell = (child: ChildProcess) => {
    if (!stopping || told.has(child) || !child.connected) return;
    told.add(child);
    child.send({ type: "stop" } satisfies KillRunStopMessage, () => undefined);
  };
  const stop = () => {
    stopping = true;
    for (const child of live) tell(child);
  };
  try {
    const customers = await setUpTenants(
      createRemit({ store: createPostgresStore({ client: setup, schema: options.schema }) }),
      options.tenants,
    );
    await killer.connect();
    const config = (worker: number): KillRunWorkerConfig => ({
      url: options.url,
      schema: options.schema,
      applicationName,
      worker,
      tenants: options.tenants.map((tenantId) => ({
        tenantId,
        customerId: customers.get(tenantId) as string,
      })),
      invoices: options.invoicesPerProcess,
      maxAttempts: options.maxAttempts,
    });
    const start = (worker: number, run: number) =>
      new Promise<WorkerExit>((resolve, reject) => {
        const child = fork(options.workerFile, [], {
          env: {
            PATH: process.env.PATH,
            [workerConfigVariable]: JSON.stringify(config(worker)),
          },
          execArgv: [],
          stdio: ["ignore", "ignore", "pipe", "ipc"],
        });
        live.add(child);
        let report: KillRunWorkerReport | undefined;
        let stderr = "";
        child.stderr?.on("data", (chunk) => {
          stderr = (stderr + chunk).slice(-4000);
        });
        child.on("message", (message: KillRunWorkerMessage) => {
          if (message.type === "done") report = message.report;
          else {
            reached[worker] = Math.max(reached[worker] ?? 0, message.index + 1);
            if (worker === 0 && run === 1 && message.index === options.crashAt) {
              child.kill("SIGKILL");
            }
          }
          tell(child);
        });
        child.on("error", reject);
        child.on("close", (code, signal) => {
          live.delete(child);
          resolve({ worker, run, code, signal, report, stderr });
        });
      });
    const exits: WorkerExit[] = [];
    const workers = Array.from({ length: options.processes }, async (_, worker) => {
      exits.push(await start(worker, 1));
      if (worker === 0) exits.push(await start(worker, 2));
    });
    let finished = false;
    const killing = (async () => {
      try {
        for (; rounds < options.maxRounds && !finished; rounds++) {
          // Turns at the states still short of their count, then at all three.
          const short = killedStates.filter((state) => kills[state] < options.killsPerState);
          if (short.length === 0) stop();
          const turns = short.length > 0 ? short : killedStates;
          const state = turns[rounds % turns.length] as KilledState;
          const { rows } = await killer.query<{ killed: number }>(
            `SELECT count(*)::int AS killed FROM (
             SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
             WHERE datname = current_database() AND application_name = $1 AND state = $2
               AND pid <> pg_backend_pid()
             LIMIT 1
           ) AS attempt WHERE done`,
            [applicationName, state],
          );
          kills[state] += rows[0]?.killed ?? 0;
          await new Promise((resolve) => setTimeout(resolve, options.pauseMilliseconds));
        }
      } finally {
        // Out of rounds (or every worker is done): the workers finish their minimum undisturbed.
        stop();
      }
    })();
    try {
      await Promise.all(workers);
    } finally {
      finished = true;
      await killing;
    }
    const moves = reached.flatMap((count, worker) =>
      Array.from({ length: count }, (_, index) => killRunMove(worker, index, options.tenants)),
    );
    exits.sort((a, b) => a.worker - b.worker || a.run - b.run);
    return { exits, kills, rounds, moves, milliseconds: performance.now() - started };
  } finally {
    for (const child of live) child.kill("SIGKILL");
    await Promise.all([setup.end(), killer.end()]);
  }
}

/** What the workers say they did, summed over every process. */
export function sumReports(exits: readonly WorkerExit[]) {
  const retries: Record<string, number> = {};
  let moves = 0;
  let mostAttempts = 0;
  const givenUp: string[] = [];
  for (const { report } of exits) {
    if (!report) continue;
    moves += report.moves;
    mostAttempts = Math.max(mostAttempts, report.mostAttempts);
    givenUp.push(...report.givenUp);
    for (const [code, count] of Object.entries(report.retries)) {
      retries[code] = (retries[code] ?? 0) + count;
    }
  }
  return { moves, retries, mostAttempts, givenUp };
}

/** Removes the bundled worker's folder. */
export async function removeKillRunWorker(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
}
