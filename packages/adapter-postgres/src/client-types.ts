/**
 * The parts of `pg` and PGlite the store uses, written as plain structural types so that neither
 * package's types are needed to compile against this one: a `pg` `Pool` and a `PGlite` instance
 * (or `PGliteWorker`) both fit.
 */

/**
 * What a query returns, in the shape both drivers share.
 * @group Clients
 */
export type DriverQueryResult = {
  rows: unknown[];
  /** `pg`: rows changed or returned. */
  rowCount?: number | null;
  /** PGlite: rows changed. */
  affectedRows?: number;
};

/**
 * A connection checked out of a `pg` pool.
 * @group Clients
 */
export type PgPoolClientLike = {
  query(text: string, values?: unknown[]): Promise<DriverQueryResult>;
  /** With an error, the pool closes the connection instead of keeping it. */
  release(error?: Error | boolean): void;
  on(event: "error", listener: (error: Error) => void): unknown;
};

/**
 * A `pg` `Pool` (from `import pg from "pg"; new pg.Pool(...)`).
 * @group Clients
 */
export type PgPoolLike = {
  connect(): Promise<PgPoolClientLike>;
  query(text: string, values?: unknown[]): Promise<DriverQueryResult>;
  /**
   * The store listens for "connect", to watch every new connection for errors from its first
   * moment, and for "error", which the pool emits when the server ends an idle connection.
   */
  on(event: "connect", listener: (client: PgPoolClientLike) => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
};

/**
 * A PGlite transaction handle.
 * @group Clients
 */
export type PGliteTransactionLike = {
  query(text: string, params?: unknown[]): Promise<DriverQueryResult>;
  /** Runs several statements (no parameters). */
  exec(text: string): Promise<unknown>;
};

/**
 * A `PGlite` instance (from `await PGlite.create()`), in-process PostgreSQL compiled to WASM.
 * @group Clients
 */
export type PGliteLike = {
  query(text: string, params?: unknown[]): Promise<DriverQueryResult>;
  exec(text: string): Promise<unknown>;
  transaction<T>(callback: (transaction: PGliteTransactionLike) => Promise<T>): Promise<T>;
};

/**
 * Either client the store accepts.
 * @group Clients
 */
export type PostgresClient = PgPoolLike | PGliteLike;
