import { OutcomeUnknownError, StoreUnavailableError } from "@remit/core";
import type { PgPoolClientLike, PgPoolLike } from "../client-types";
import {
  createQueue,
  createRunner,
  type SqlClient,
  type SqlRunner,
  setLocalStatements,
  type TransactionLimits,
} from "./sql-runner";
import { toStoreError } from "./to-store-error";

/** Pools whose connections the store already watches (listeners are added once per pool). */
const watchedPools = new WeakSet<object>();
const watchedConnections = new WeakSet<object>();
/** The first error each watched connection emitted: it is dead, whatever state it was in. */
const connectionErrors = new WeakMap<object, Error>();

function watchConnection(connection: PgPoolClientLike): void {
  if (watchedConnections.has(connection)) return;
  watchedConnections.add(connection);
  // Stays for the connection's whole life. pg-pool listens only while a connection is idle in the
  // pool, and stops the moment it hands it out, so an error in between (the server ends a new
  // session in the same read as its "ready" message) would reach no listener and end the process.
  connection.on("error", (error) => {
    if (!connectionErrors.has(connection)) connectionErrors.set(connection, error);
  });
}

/**
 * Listens on the app's pool from the start: every connection gets an `error` listener as soon as
 * it exists ("connect" is emitted before the pool hands the connection to anyone), and the pool
 * gets one for the idle connections it drops, which it reports by emitting "error" on itself.
 * Without listeners, either event would crash the process. The app may add its own for logging.
 */
function watchPool(pool: PgPoolLike): void {
  if (watchedPools.has(pool)) return;
  watchedPools.add(pool);
  pool.on("connect", watchConnection);
  pool.on("error", () => undefined);
}

/** A connection that died: the move failed before or while it ran, nothing was committed. */
function connectionLost(error: unknown): StoreUnavailableError {
  const translated = toStoreError(error);
  if (translated instanceof StoreUnavailableError) return translated;
  return new StoreUnavailableError({
    message: `The database connection was lost${error instanceof Error ? `: ${error.message}` : ""}; nothing was changed, try again`,
    cause: error,
  });
}

/**
 * What a failed COMMIT means. A server that answered with an error (a serialization failure, a
 * deferred constraint) rolled the transaction back: nothing was saved, the translated error stands.
 * A connection lost before the answer came (a dropped socket, a terminated backend) leaves the
 * outcome unknown: the server may have committed just before it went.
 */
function commitFailure(error: unknown): unknown {
  const raw = StoreUnavailableError.isInstance(error) ? error.cause : error;
  const code = (raw as { code?: unknown } | undefined)?.code;
  const answered =
    typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && !/^(08|57P0)/.test(code);
  if (answered) return error;
  return new OutcomeUnknownError({
    message: `The connection was lost during COMMIT${raw instanceof Error ? ` (${raw.message})` : ""}: the change may or may not have been saved`,
    cause: raw,
  });
}

/** The store's query path on a `pg` Pool. */
export function createPgPoolSqlClient(pool: PgPoolLike, limits: TransactionLimits): SqlClient {
  watchPool(pool);
  const setLocal = setLocalStatements(limits);
  // Without parameters `pg` uses the simple protocol, which runs several statements in one round
  // trip: the settings go out with BEGIN.
  const beginWith = (mode: string) => (setLocal === "" ? mode : `${mode}; ${setLocal}`);
  const begin = beginWith("BEGIN");
  const beginReadOnly = beginWith("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");

  async function transaction<T>(
    work: (runner: SqlRunner) => Promise<T>,
    options: { readOnly?: boolean } = {},
  ): Promise<T> {
    let connection: PgPoolClientLike;
    try {
      connection = await pool.connect();
    } catch (error) {
      throw connectionLost(error);
    }
    watchConnection(connection); // one the pool opened before the store watched it
    const inLine = createQueue();
    const send = (text: string, params?: unknown[]) => inLine(() => connection.query(text, params));
    const runner = createRunner(send, (text) => send(text));
    // Why the connection must not go back to the pool, if it must not.
    let discard: Error | undefined;
    try {
      const lost = connectionErrors.get(connection);
      if (lost) throw connectionLost(lost);
      await runner.exec(options.readOnly ? beginReadOnly : begin);
      let result: T;
      try {
        result = await work(runner);
      } catch (error) {
        try {
          await send("ROLLBACK"); // after any query of `work` still in line
        } catch (rollbackError) {
          // The connection is gone; the server rolls back on its own.
          discard =
            rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        }
        throw error; // unchanged, as the port promises
      }
      try {
        await runner.query("COMMIT");
      } catch (error) {
        throw commitFailure(error);
      }
      return result;
    } catch (error) {
      if (error instanceof StoreUnavailableError || OutcomeUnknownError.isInstance(error))
        discard ??= error as Error;
      throw error;
    } finally {
      // A broken connection is released with its error, so the pool closes it instead of handing
      // it to the next caller.
      connection.release(connectionErrors.get(connection) ?? discard);
    }
  }

  // A statement timeout is a setting of a transaction, so with one, single queries run in a short
  // transaction of their own; without one, they go straight to the pool.
  const single =
    limits.statementTimeout === undefined
      ? createRunner(
          (text, params) => pool.query(text, params),
          (text) => pool.query(text),
        )
      : {
          query: <Row>(text: string, params?: readonly unknown[]) =>
            transaction((runner) => runner.query<Row>(text, params)),
          exec: (text: string) => transaction((runner) => runner.exec(text)),
        };

  return { ...single, multiProcess: true, transaction };
}
