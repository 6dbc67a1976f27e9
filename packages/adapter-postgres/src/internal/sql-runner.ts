import type { DriverQueryResult } from "../client-types";
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
  /**
   * Runs `work` in one transaction. `readOnly` runs it in one snapshot (REPEATABLE READ READ
   * ONLY), so several reads see the same moment.
   */
  transaction<T>(
    work: (runner: SqlRunner) => Promise<T>,
    options?: { readOnly?: boolean },
  ): Promise<T>;
  /** True for a server that other processes share; false for PGlite, which lives in this one. */
  readonly multiProcess: boolean;
};

/**
 * Server-side limits for every transaction of the store, in milliseconds (already validated).
 * Applied with `SET LOCAL`, so they end with the transaction and never reach the app's own
 * queries on the same pool.
 */
export type TransactionLimits = {
  statementTimeout?: number;
  idleInTransactionTimeout?: number;
  lockTimeout?: number;
};

const settingNames: Record<keyof TransactionLimits, string> = {
  statementTimeout: "statement_timeout",
  idleInTransactionTimeout: "idle_in_transaction_session_timeout",
  lockTimeout: "lock_timeout",
};

/** The `SET LOCAL` statements for `limits`, each ending in ";" (empty when there are none). */
export function setLocalStatements(limits: TransactionLimits): string {
  return (Object.keys(settingNames) as (keyof TransactionLimits)[])
    .filter((name) => limits[name] !== undefined)
    .map((name) => `SET LOCAL ${settingNames[name]} = ${Math.trunc(Number(limits[name]))};`)
    .join(" ");
}

export type Query = (text: string, params?: unknown[]) => Promise<DriverQueryResult>;
export type Exec = (text: string) => Promise<unknown>;

export function createRunner(query: Query, exec: Exec): SqlRunner {
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

/**
 * Runs the tasks given to it one after another, in the order given, whatever becomes of each. A
 * connection takes one query at a time (`pg` 9 refuses a second; `pg` 8 warns), while a
 * transaction's caller may issue several at once (`Promise.all` of reads).
 */
export function createQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (task) => {
    const result = last.then(task);
    last = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  };
}
