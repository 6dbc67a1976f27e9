import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import type { InvoiceStore } from "@remit/core";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, inject } from "vitest";
import {
  createPostgresStore,
  distributeForCitus,
  migrate,
  type PostgresClient,
} from "../../src/index";
import { recordingPool } from "./recording-pool";

export type BackendKind = "pglite" | "postgres";

/** One backend under test: the store, a probe that reads the tables directly, and a reset. */
export type TestBackend = {
  kind: BackendKind;
  schema: string;
  client: PostgresClient;
  store: InvoiceStore;
  /** Reads the backend directly, bypassing the adapter. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Empties every table. */
  reset(): Promise<void>;
  /** A second store on its own pool (postgres only): another process, as far as locks go. */
  newPool(max?: number): pg.Pool;
  close(): Promise<void>;
};

const tableNames = [
  "tenants",
  "customers",
  "invoices",
  "work_orders",
  "quotes",
  "invoice_revisions",
  "sequences",
  "payments",
  "refunds",
  "deliveries",
  "events",
  "event_positions",
  "outbox_jobs",
  "idempotency_keys",
  "public_tokens",
  "payment_accounts",
  "credit_notes",
  "credit_applications",
  "plans",
  "plan_occurrences",
];

/** A PGlite from the data folder the global setup dumped: fresh, or migrated to the latest schema. */
export async function openPGlite(from: "blank" | "migrated"): Promise<PGlite> {
  const file = await readFile(inject(from === "blank" ? "pgliteBlank" : "pgliteMigrated"));
  return await PGlite.create({ loadDataDir: new Blob([file]) });
}

/** A schema of its own per test file, so files can run at once against one server. */
export function uniqueSchema(): string {
  return `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}

/** How a real-server backend is opened (PGlite takes none of them). */
export type OpenOptions = {
  /** Hears every statement the store sends (not the probe's, nor the reset's). */
  onStatement?: (text: string) => void;
  /** After `migrate`, distributes the tables (a Citus coordinator): `distributeForCitus`. */
  citus?: boolean;
};

export async function openBackend(
  kind: BackendKind,
  options: OpenOptions = {},
): Promise<TestBackend> {
  if (kind === "pglite") {
    // PGlite uses the default schema ("remit"): the option's default path is exercised too.
    const db = await openPGlite("migrated");
    return createBackend(
      kind,
      "remit",
      db,
      async () => db.close(),
      () => {
        throw new Error("newPool: PGlite is one connection in this process");
      },
    );
  }
  const url = inject("databaseUrl");
  const schema = uniqueSchema();
  const pools: pg.Pool[] = [];
  const newPool = (max = 10) => {
    const pool = new pg.Pool({ connectionString: url, max });
    // Idle connections the server drops (pg_terminate_backend in a test) must not crash the run.
    pool.on("error", () => undefined);
    pools.push(pool);
    return pool;
  };
  const pool = newPool(20);
  let started = performance.now();
  await migrate(pool, { schema });
  if (options.citus) {
    const migrated = performance.now() - started;
    started = performance.now();
    await distributeForCitus(pool, { schema });
    console.log(
      `citus: migrate ${migrated.toFixed(0)} ms, distributeForCitus ${(performance.now() - started).toFixed(0)} ms`,
    );
  }
  const { onStatement } = options;
  return createBackend(
    kind,
    schema,
    pool,
    async () => {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await Promise.all(pools.map((each) => each.end()));
    },
    newPool,
    onStatement ? recordingPool(pool, onStatement) : pool,
  );
}

function createBackend(
  kind: BackendKind,
  schema: string,
  client: PGlite | pg.Pool,
  close: () => Promise<void>,
  newPool: (max?: number) => pg.Pool,
  storeClient: PostgresClient = client,
): TestBackend {
  const query = async <Row>(sql: string, params: unknown[] = []) =>
    (await (client as PostgresClient).query(sql, params)).rows as Row[];
  return {
    kind,
    schema,
    client,
    store: createPostgresStore(
      kind === "pglite" ? { client: storeClient } : { client: storeClient, schema },
    ),
    query,
    async reset() {
      await query(
        `TRUNCATE ${tableNames.map((name) => `"${schema}".${name}`).join(", ")} RESTART IDENTITY`,
      );
    },
    newPool,
    close,
  };
}

/**
 * Runs `body` once per backend, PGlite and a real server, each with fresh tables before every
 * test. `body` reads the backend through the getter (it opens in `beforeAll`).
 */
export function describeBackends(
  body: (backend: () => TestBackend) => void,
  kinds: readonly BackendKind[] = ["pglite", "postgres"],
): void {
  for (const kind of kinds) {
    describe(kind, () => {
      let backend: TestBackend | undefined;
      beforeAll(async () => {
        backend = await openBackend(kind);
      });
      afterAll(async () => {
        await backend?.close();
      });
      beforeEach(async () => {
        await backend?.reset();
      });
      body(() => {
        if (!backend) throw new Error("the backend is not open yet");
        return backend;
      });
    });
  }
}
