import { StoreUnavailableError, ValidationError } from "@remit/core";
import pg from "pg";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { createPostgresStore, migrate } from "../src/index";
import { createSqlClient } from "../src/internal/sql-client";
import { runMigrations } from "../src/migrate";
import { migrations } from "../src/migrations/index";
import { uniqueSchema } from "./support/backends";
import { invoiceRecord } from "./support/records";

let schema: string;
/** The pool the stores under test use; one connection, so a leaked setting would show on it. */
let pool: pg.Pool;
/** Another session, for holding locks and watching `pg_stat_activity`. */
let other: pg.Pool;

beforeAll(async () => {
  schema = uniqueSchema();
  pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1 });
  other = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
  await migrate(pool, { schema });
});

afterAll(async () => {
  await other.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await Promise.all([pool.end(), other.end()]);
});

/** Holds a lock in another session until `release()`; resolves once the lock is taken. */
async function holdLock(sql: string) {
  const session = await other.connect();
  await session.query("BEGIN");
  await session.query(sql);
  return {
    async release() {
      await session.query("ROLLBACK");
      session.release();
    },
  };
}

test.each([
  ["statementTimeout", -1],
  ["statementTimeout", 1.5],
  ["statementTimeout", "5s"],
  ["idleInTransactionTimeout", 0],
  ["idleInTransactionTimeout", 2 ** 31],
])("options - %s %j is refused with a ValidationError that names it", (name, value) => {
  const create = () =>
    createPostgresStore({ client: pool, schema, [name]: value } as Parameters<
      typeof createPostgresStore
    >[0]);
  expect(create).toThrow(ValidationError);
  expect(create).toThrow(name);
});

test("statementTimeout - a statement that runs longer fails the move with store_unavailable", async () => {
  const store = createPostgresStore({ client: pool, schema, statementTimeout: 200 });
  const invoice = invoiceRecord("t1", 1);
  await store.transaction({
    tenantId: "t1",
    work: (transaction) => transaction.invoices.insert({ record: invoice }),
  });
  // A locked read waits for the lock; the wait is part of the statement.
  const lock = await holdLock(`SELECT 1 FROM "${schema}".invoices FOR UPDATE`);
  const failed = await store
    .transaction({
      tenantId: "t1",
      work: (transaction) => transaction.invoices.get({ id: invoice.id, forUpdate: true }),
    })
    .catch((error: unknown) => error)
    .finally(() => lock.release());
  expect(failed).toBeInstanceOf(StoreUnavailableError);
  expect(failed).toMatchObject({ retryable: true, cause: { code: "57014" } });
  // SET LOCAL: the setting ended with the transaction, the pool's connection is as it was.
  const { rows } = await pool.query<{ statement_timeout: string }>("SHOW statement_timeout");
  expect(rows[0]?.statement_timeout).toBe("0");
});

test("statementTimeout - pg_sleep past it fails, in a transaction and as a single query", async () => {
  const sql = createSqlClient(pool, { statementTimeout: 100 });
  const inTransaction = await sql
    .transaction((runner) => runner.query("SELECT pg_sleep(30)"))
    .catch((error: unknown) => error);
  expect(inTransaction).toBeInstanceOf(StoreUnavailableError);
  expect(inTransaction).toMatchObject({ cause: { code: "57014" } });
  const single = await sql.query("SELECT pg_sleep(30)").catch((error: unknown) => error);
  expect(single).toBeInstanceOf(StoreUnavailableError);
  expect(single).toMatchObject({ cause: { code: "57014" } });
  // Within the limit, both work.
  await expect(sql.query<{ one: number }>("SELECT 1 AS one")).resolves.toMatchObject({
    rows: [{ one: 1 }],
  });
});

test("idleInTransactionTimeout - a transaction left idle past it is ended by the server and fails with store_unavailable", async () => {
  const sql = createSqlClient(pool, { idleInTransactionTimeout: 100 });
  const failed = await sql
    .transaction(async (runner) => {
      const { rows } = await runner.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      const pid = rows[0]?.pid;
      // Idle in the transaction until the server has ended the session.
      for (;;) {
        const { rowCount } = await other.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [
          pid,
        ]);
        if (rowCount === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return await runner.query("SELECT 1");
    })
    .catch((error: unknown) => error);
  expect(failed).toBeInstanceOf(StoreUnavailableError);
  expect(failed).toMatchObject({ code: "store_unavailable", retryable: true });
  // The dead connection was discarded; the next transaction gets a new one.
  await expect(
    sql.transaction((runner) => runner.query<{ one: number }>("SELECT 1 AS one")),
  ).resolves.toMatchObject({ rows: [{ one: 1 }] });
});

test("migrate - waits at most lockTimeout for a table lock, fails with store_unavailable, and applies nothing", async () => {
  const addColumn = {
    // After the newest, whatever the numbering (versions may skip a number another change holds).
    version: Math.max(...migrations.map((migration) => migration.version)) + 1,
    name: "test-add-column",
    sql: (quoted: string) => `ALTER TABLE ${quoted}.invoices ADD COLUMN test_note text`,
  };
  const list = [...migrations, addColumn];
  // A long transaction that read the table: ALTER TABLE needs it alone.
  const lock = await holdLock(`SELECT count(*) FROM "${schema}".invoices`);
  const failed = await runMigrations(pool, schema, list, { lockTimeout: 200 })
    .catch((error: unknown) => error)
    .finally(() => lock.release());
  expect(failed).toBeInstanceOf(StoreUnavailableError);
  expect(failed).toMatchObject({ retryable: true, cause: { code: "55P03" } });
  expect(await runMigrations(pool, schema, list)).toEqual({
    applied: [addColumn.version],
    version: addColumn.version,
  });
});

test("migrate - a lockTimeout that is not a positive whole number of milliseconds is refused", async () => {
  await expect(migrate(pool, { schema, lockTimeout: -5 })).rejects.toThrow(ValidationError);
  await expect(migrate(pool, { schema, lockTimeout: -5 })).rejects.toThrow("lockTimeout");
});
