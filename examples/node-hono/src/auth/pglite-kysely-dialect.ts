import type { PGlite, Transaction } from "@electric-sql/pglite";
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from "kysely";

// better-auth reaches its tables through Kysely. Kysely's own PostgreSQL dialect wants a pg Pool,
// and the maintained PGlite dialects do not accept PGlite 0.5, so this is the small bridge.
//
// PGlite is one session in this process, shared with Remit's store. A transaction must therefore
// go through `PGlite.transaction()`, which holds PGlite's lock until it ends: a plain `BEGIN`
// sent with `query()` would let the store's statements run inside better-auth's transaction.

/** One Kysely connection: statements go to PGlite, or to the open transaction when there is one. */
class PGliteConnection implements DatabaseConnection {
  transaction: Transaction | undefined;
  #finish: ((outcome: "commit" | "rollback") => void) | undefined;
  #ended: Promise<unknown> | undefined;

  constructor(private readonly client: PGlite) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const target = this.transaction ?? this.client;
    const result = await target.query<R>(compiled.sql, [...compiled.parameters]);
    return {
      rows: result.rows,
      ...(result.affectedRows !== undefined
        ? { numAffectedRows: BigInt(result.affectedRows) }
        : {}),
    };
  }

  // biome-ignore lint/correctness/useYield: PGlite has no cursors to stream with; Kysely asks only when a caller streams.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("PGlite's Kysely bridge does not stream query results");
  }

  /** Opens a PGlite transaction and keeps it open until `end` is called. */
  async begin(): Promise<void> {
    let opened!: () => void;
    const isOpen = new Promise<void>((resolve) => {
      opened = resolve;
    });
    const rollback = Symbol("rollback");
    this.#ended = this.client
      .transaction(async (transaction) => {
        this.transaction = transaction;
        const outcome = await new Promise<"commit" | "rollback">((resolve) => {
          this.#finish = resolve;
          opened();
        });
        // PGlite rolls back when the callback throws.
        if (outcome === "rollback") throw rollback;
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
      });
    await Promise.race([isOpen, this.#ended]);
  }

  async end(outcome: "commit" | "rollback"): Promise<void> {
    this.#finish?.(outcome);
    try {
      await this.#ended;
    } finally {
      this.transaction = undefined;
      this.#finish = undefined;
      this.#ended = undefined;
    }
  }
}

class PGliteDriver implements Driver {
  // Kysely hands a connection to one caller at a time; one PGlite session means one connection.
  #queue: Promise<void> = Promise.resolve();
  #release: (() => void) | undefined;
  readonly #connection: PGliteConnection;

  constructor(client: PGlite) {
    this.#connection = new PGliteConnection(client);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#queue;
    let release!: () => void;
    this.#queue = new Promise((resolve) => {
      release = resolve;
    });
    await previous;
    this.#release = release;
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).begin();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).end("commit");
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).end("rollback");
  }

  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  async destroy(): Promise<void> {}
}

/** A Kysely dialect over a PGlite database (the caller opens and closes PGlite). */
export function pgliteDialect(client: PGlite): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new PGliteDriver(client),
    createQueryCompiler: () => new PostgresQueryCompiler(),
    createIntrospector: (db: Kysely<unknown>) => new PostgresIntrospector(db),
  };
}
