import { createRemit, type Remit } from "@remit/core";
import pg from "pg";
import { createPostgresStore } from "../../src/index";

/** The `pg_stat_activity.state`s whose backends the killer terminates, in turn. */
export const killedStates = ["active", "idle", "idle in transaction"] as const;
export type KilledState = (typeof killedStates)[number];

export type IssueUnderKillsOptions = {
  url: string;
  /** The schema `migrate` created; the tenants and their customers are set up here. */
  schema: string;
  tenants: readonly string[];
  /** Concurrent workers, each a Remit service on its own pool: separate connections, like processes. */
  workers: number;
  /** Each worker issues at least this many invoices. */
  invoicesPerWorker: number;
  /** The workers keep issuing until the killer has ended this many backends in every state. */
  killsPerState: number;
  /** The killer gives up after this many rounds (the caller's assertions then say what is short). */
  maxRounds: number;
  /** The pause between two kills. */
  pauseMilliseconds: number;
};

export type IssueUnderKillsResult = {
  /** Backends terminated, by the state they were in. */
  kills: Record<KilledState, number>;
  /** Invoices issued (each under one idempotency key, retried until it succeeded), per tenant. */
  issued: Record<string, number>;
  /** Every error a move threw on the way; each was retried with the same idempotency key. */
  failures: unknown[];
  /** Moves that gave up: an error that is not retryable, or too many attempts. */
  givenUp: unknown[];
};

const victimName = "remit_kill_victim";
const maxAttempts = 100;

const ctx = (tenantId: string) => ({ tenantId, actor: { type: "user" as const, id: "user_1" } });
const lines = [
  { kind: "labor" as const, description: "Labor", quantity: "1.5", unitPrice: "95.00" },
  { kind: "material" as const, description: "Parts", quantity: "2", unitPrice: "12.35" },
];

function isRetryable(error: unknown): boolean {
  return (error as { retryable?: unknown } | null)?.retryable === true;
}

/**
 * Workers save & issue invoices (`create` with `issue: true`) through `createRemit` while another
 * connection terminates their backends with `pg_terminate_backend`, one every
 * `pauseMilliseconds`, taking turns at active, idle and idle-in-transaction ones. A move that
 * fails is retried with the same idempotency key until it succeeds. The workers' pools have no
 * `error` listener of their own: keeping the process alive is the store's job.
 */
export async function issueUnderKills(
  options: IssueUnderKillsOptions,
): Promise<IssueUnderKillsResult> {
  const killer = new pg.Client({ connectionString: options.url });
  await killer.connect();
  const setup = new pg.Pool({ connectionString: options.url, max: 1 });
  const pools = Array.from(
    { length: options.workers },
    () => new pg.Pool({ connectionString: options.url, max: 2, application_name: victimName }),
  );
  const kills: Record<KilledState, number> = { active: 0, idle: 0, "idle in transaction": 0 };
  const issued: Record<string, number> = Object.fromEntries(options.tenants.map((id) => [id, 0]));
  const failures: unknown[] = [];
  const givenUp: unknown[] = [];
  try {
    const customers = await setUpTenants(
      createRemit({ store: createPostgresStore({ client: setup, schema: options.schema }) }),
      options.tenants,
    );
    // Two connections in every pool: a worker issues one move at a time and the pool hands out the
    // connection released last, so the other one stays idle in the pool, where a kill reaches it.
    for (const pool of pools) {
      const connections = await Promise.all([pool.connect(), pool.connect()]);
      for (const connection of connections) connection.release();
    }
    let killing = true;
    const killed = (async () => {
      try {
        for (let round = 0; round < options.maxRounds; round++) {
          if (killedStates.every((state) => kills[state] >= options.killsPerState)) break;
          const state = killedStates[round % killedStates.length] as KilledState;
          const { rows } = await killer.query<{ killed: number }>(
            `SELECT count(*)::int AS killed FROM (
             SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
             WHERE application_name = $1 AND state = $2 AND pid <> pg_backend_pid() LIMIT 1
           ) AS attempt WHERE done`,
            [victimName, state],
          );
          kills[state] += rows[0]?.killed ?? 0;
          await new Promise((resolve) => setTimeout(resolve, options.pauseMilliseconds));
        }
      } finally {
        killing = false;
      }
    })();
    const work = pools.map(async (pool, worker) => {
      const remit = createRemit({
        store: createPostgresStore({ client: pool, schema: options.schema }),
      });
      for (let index = 0; killing || index < options.invoicesPerWorker; index++) {
        const tenantId = options.tenants[(worker + index) % options.tenants.length] as string;
        const input = {
          customerId: customers.get(tenantId) as string,
          lines,
          issue: true,
          idempotencyKey: `worker-${worker}-invoice-${index}`,
        };
        for (let attempt = 1; ; attempt++) {
          try {
            await remit.invoices.create(ctx(tenantId), input);
            issued[tenantId] = (issued[tenantId] ?? 0) + 1;
            break;
          } catch (error) {
            failures.push(error);
            if (!isRetryable(error) || attempt === maxAttempts) {
              givenUp.push(error);
              break;
            }
          }
        }
      }
    });
    await Promise.all([killed, ...work]);
    return { kills, issued, failures, givenUp };
  } finally {
    await Promise.all([killer.end(), setup.end(), ...pools.map((pool) => pool.end())]);
  }
}

/** Saves each tenant's settings (numbers `INV-0001`, …) and one customer; returns the customers' ids. */
export async function setUpTenants(remit: Remit, tenantIds: readonly string[]) {
  const customers = new Map<string, string>();
  for (const tenantId of tenantIds) {
    await remit.tenants.upsert(ctx(tenantId), {
      name: `Business ${tenantId}`,
      timeZone: "America/Chicago",
      numberFormat: "INV-{SEQ:4}",
    });
    const customer = await remit.customers.create(ctx(tenantId), {
      name: "Dana Reyes",
      email: "dana@example.com",
    });
    customers.set(tenantId, customer.id);
  }
  return customers;
}
