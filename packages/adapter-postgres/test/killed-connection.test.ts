import { OutcomeUnknownError, StoreUnavailableError } from "@remit/core";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject, test } from "vitest";
import { createPostgresStore, migrate } from "../src/index";
import { uniqueSchema } from "./support/backends";
import { issueUnderKills, killedStates } from "./support/issue-under-kills";
import { startDyingPostgres } from "./support/start-dying-postgres";

// An `error` event that nothing listens to is thrown by Node as an uncaught exception, which ends
// the process. Vitest reports it too, but these tests also catch it themselves and fail on it.
let uncaught: unknown[] = [];
const onUncaught = (error: unknown) => {
  uncaught.push(error);
};
beforeEach(() => {
  uncaught = [];
  process.on("uncaughtException", onUncaught);
});
afterEach(() => {
  process.removeListener("uncaughtException", onUncaught);
});

test("killed connection - a session ended in the same read as its ready message fails the move with store_unavailable, and the process lives", async () => {
  const server = await startDyingPostgres();
  // No pool.on("error") here: the store must not need the app's listener to stay alive.
  const pool = new pg.Pool({ host: "127.0.0.1", port: server.port, user: "remit", max: 1 });
  try {
    const store = createPostgresStore({ client: pool });
    const moved = await store
      .transaction({ tenantId: "t1", work: async () => "never" })
      .catch((error: unknown) => error);
    expect(moved).toBeInstanceOf(StoreUnavailableError);
    expect(moved).toMatchObject({ code: "store_unavailable", retryable: true });
    // Outside a transaction too (the public-token lookup is one pool.query).
    const looked = await store
      .findInvoiceByPublicToken({ token: "x" })
      .catch((error: unknown) => error);
    expect(looked).toBeInstanceOf(StoreUnavailableError);
    // Wait until both sessions are closed on both sides: every late "error" has been emitted.
    expect(server.accepted).toBe(2);
    await server.allClosed();
    await new Promise((resolve) => setImmediate(resolve));
    expect(uncaught.map(String)).toEqual([]);
    // The broken connections were discarded, not handed to the next caller.
    expect(pool.totalCount).toBe(0);
  } finally {
    await pool.end();
    await server.close();
  }
});

let schema: string;
let admin: pg.Pool;

beforeAll(async () => {
  schema = uniqueSchema();
  admin = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1 });
  await migrate(admin, { schema });
});

afterAll(async () => {
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
});

test("killed connection - workers issuing while their backends are terminated (active, idle, idle in transaction) fail only with store_unavailable and number 1..N per tenant", async () => {
  const tenants = ["t1", "t2"];
  const result = await issueUnderKills({
    url: inject("databaseUrl"),
    schema,
    tenants,
    workers: 4,
    invoicesPerWorker: 10,
    killsPerState: 2,
    maxRounds: 300,
    pauseMilliseconds: 30,
  });
  console.log(
    `kills: ${killedStates.map((state) => `${result.kills[state]} ${state}`).join(", ")}; ${result.failures.length} failed moves retried; issued ${JSON.stringify(result.issued)}`,
  );
  expect(uncaught.map(String)).toEqual([]);
  expect(result.givenUp.map(String)).toEqual([]);
  for (const state of killedStates) expect(result.kills[state], state).toBeGreaterThanOrEqual(2);
  expect(result.failures.length).toBeGreaterThan(0);
  // A backend ended during COMMIT leaves the outcome unknown; the workers' moves carry an
  // idempotency key, so that too is retryable (and the retry converges, as the numbers show).
  for (const failure of result.failures) {
    expect(
      StoreUnavailableError.isInstance(failure) || OutcomeUnknownError.isInstance(failure),
    ).toBe(true);
    expect(failure).toMatchObject({ retryable: true });
    expect(["store_unavailable", "outcome_unknown"]).toContain((failure as { code?: string }).code);
  }
  const { rows } = await admin.query<{ tenant_id: string; number: string }>(
    `SELECT tenant_id, number FROM "${schema}".invoices ORDER BY tenant_id, sequence`,
  );
  for (const tenantId of tenants) {
    const numbers = rows.filter((row) => row.tenant_id === tenantId).map((row) => row.number);
    const count = result.issued[tenantId] ?? 0;
    expect(count).toBeGreaterThan(0);
    expect(numbers).toEqual(
      Array.from({ length: count }, (_, index) => `INV-${String(index + 1).padStart(4, "0")}`),
    );
  }
});
