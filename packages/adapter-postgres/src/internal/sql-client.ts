import { StoreUnavailableError } from "@remit/core";
import type {
  DriverQueryResult,
  PGliteLike,
  PgPoolClientLike,
  PgPoolLike,
  PostgresClient,
} from "../client-types";
import { toStoreError } from "./to-store-error";

/** One query, with errors of the backend already translated (see `toStoreError`). */
export type SqlRunner = {
  query<Row>(text: string, params?: readonly unknown[]): Promise<{ rows: Row[]; rowCount: number }>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
};

/**
 * The one query path of the store, for a `pg` Pool and for PGlite alike: single queries, and
 * transactions whose `work` errors come back unchanged after the rollback.
 */
export type SqlClient = SqlRunner & {
  transaction<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T>;
  /** True for a server that other processes share; false for PGlite, which lives in this one. */
  readonly multiProcess: boolean;
};

type Query = (text: string, params?: unknown[]) => Promise<DriverQueryResult>;
type Exec = (text: string) => Promise<unknown>;

function createRunner(query: Query, exec: Exec): SqlRunner {
  return {
    async exec(text) {
      try {
        await exec(text);
      } catch (error) {
        throw toStoreError(error);
      }
    },
    async query<Row>(text: string, params: readonly unknown[] = []) {
      let result: DriverQueryResult;
      try {
        result = await query(text, [...params]);
      } catch (error) {
        throw toStoreError(error);
      }
      const rows = result.rows as Row[];
      return { rows, rowCount: result.rowCount ?? result.affectedRows ?? rows.length };
    },
  };
}

function isPGlite(client: PostgresClient): client is PGliteLike {
  return typeof (client as Partial<PGliteLike>).transaction === "function";
}

function isPgPool(client: PostgresClient): client is PgPoolLike {
  return typeof (client as Partial<PgPoolLike>).connect === "function";
}

/** Wraps a `pg` Pool or a PGlite instance in the store's query interface. */
export function createSqlClient(client: PostgresClient): SqlClient {
  if (isPGlite(client)) return createPGliteClient(client);
  if (isPgPool(client)) return createPoolClient(client);
  throw new TypeError(
    "createPostgresStore: `client` must be a pg Pool (new pg.Pool()) or a PGlite instance (await PGlite.create())",
  );
}

function createPGliteClient(client: PGliteLike): SqlClient {
  return {
    ...createRunner(
      (text, params) => client.query(text, params),
      (text) => client.exec(text),
    ),
    multiProcess: false,
    async transaction(work) {
      // PGlite runs BEGIN, rolls back when the callback throws and rethrows that very error.
      // Queries inside go through the runner, so backend errors are already translated; a
      // failure of BEGIN or COMMIT itself is translated here.
      let workFailed = false;
      try {
        return await client.transaction(async (transaction) => {
          try {
            return await work(
              createRunner(
                (text, params) => transaction.query(text, params),
                (text) => transaction.exec(text),
              ),
            );
          } catch (error) {
            workFailed = true;
            throw error;
          }
        });
      } catch (error) {
        if (workFailed) throw error;
        throw toStoreError(error);
      }
    },
  };
}

function createPoolClient(pool: PgPoolLike): SqlClient {
  return {
    ...createRunner(
      (text, params) => pool.query(text, params),
      // Without parameters `pg` uses the simple protocol, which runs several statements.
      (text) => pool.query(text),
    ),
    multiProcess: true,
    async transaction(work) {
      let connection: PgPoolClientLike;
      try {
        connection = await pool.connect();
      } catch (error) {
        throw toStoreError(error);
      }
      // A checked-out connection that the server drops between two queries emits "error"; without
      // a listener that would crash the process. The next query fails and says so instead.
      let connectionError: Error | undefined;
      const onError = (error: Error) => {
        connectionError = error;
      };
      connection.on("error", onError);
      const runner = createRunner(
        (text, params) => connection.query(text, params),
        (text) => connection.query(text),
      );
      let broken = false;
      try {
        await runner.query("BEGIN");
        let result: Awaited<ReturnType<typeof work>>;
        try {
          result = await work(runner);
        } catch (error) {
          try {
            await connection.query("ROLLBACK");
          } catch {
            broken = true; // the connection is gone; the server rolls back on its own
          }
          throw error; // unchanged, as the port promises
        }
        await runner.query("COMMIT");
        return result;
      } catch (error) {
        if (connectionError !== undefined || error instanceof StoreUnavailableError) broken = true;
        throw error;
      } finally {
        connection.removeListener("error", onError);
        // A broken connection is closed rather than handed to the next caller.
        connection.release(broken ? (connectionError ?? true) : undefined);
      }
    },
  };
}
