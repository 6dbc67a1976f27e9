import { StoreUnavailableError } from "@remit/core";
import pg from "pg";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { migrate } from "../src/index";
import { uniqueSchema } from "../test/support/backends";
import { issueUnderKills, killedStates } from "../test/support/issue-under-kills";

// The large run of test/killed-connection.test.ts (which CI runs small): many workers issuing
// while their backends are terminated, until the killer has ended BENCH_KILLS_PER_STATE backends
// in each state. Not part of CI.
//   BENCH_KILL_WORKERS      concurrent workers, each on its own pool (default 16)
//   BENCH_KILLS_PER_STATE   backends ended while active, idle and idle in transaction (default 50)

const workers = Number(process.env.BENCH_KILL_WORKERS ?? 16);
const killsPerState = Number(process.env.BENCH_KILLS_PER_STATE ?? 50);
const tenants = ["k1", "k2", "k3", "k4"];

let admin: pg.Pool;
let schema: string;

beforeAll(async () => {
  admin = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1 });
  schema = uniqueSchema();
  await migrate(admin, { schema });
});

afterAll(async () => {
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
});

test("killed connections - the process lives, moves fail only with store_unavailable, numbers stay gapless", async () => {
  const started = performance.now();
  const result = await issueUnderKills({
    url: inject("databaseUrl"),
    schema,
    tenants,
    workers,
    invoicesPerWorker: 20,
    killsPerState,
    maxRounds: killsPerState * 100,
    pauseMilliseconds: 30,
  });
  const seconds = (performance.now() - started) / 1000;
  const issued = Object.values(result.issued).reduce((sum, count) => sum + count, 0);
  console.log(
    `\nkilled connections: ${workers} workers, ${seconds.toFixed(1)} s\n  backends ended: ${killedStates.map((state) => `${result.kills[state]} ${state}`).join(", ")}\n  invoices issued: ${issued}; failed moves retried: ${result.failures.length}; given up: ${result.givenUp.length}\n`,
  );
  expect(result.givenUp.map(String)).toEqual([]);
  for (const state of killedStates)
    expect(result.kills[state]).toBeGreaterThanOrEqual(killsPerState);
  for (const failure of result.failures) expect(failure).toBeInstanceOf(StoreUnavailableError);
  const { rows } = await admin.query<{ tenant_id: string; count: number; top: number }>(
    `SELECT tenant_id, count(*)::int AS count, max(sequence)::int AS top
     FROM "${schema}".invoices GROUP BY tenant_id`,
  );
  for (const tenantId of tenants) {
    const row = rows.find((each) => each.tenant_id === tenantId);
    expect(row?.count).toBe(result.issued[tenantId]);
    expect(row?.top).toBe(result.issued[tenantId]);
  }
});
