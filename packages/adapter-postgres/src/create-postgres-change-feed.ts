import { defaultNotifyChannel, parseNotifyChannel } from "./internal/notify-channel";

/**
 * A `pg` `Client` (`new pg.Client(...)`), not yet connected: the feed's own session.
 * @group Change feed
 */
export type PgListenClientLike = {
  connect(): Promise<unknown>;
  query(text: string): Promise<unknown>;
  end(): Promise<void>;
  on(
    event: "notification",
    listener: (message: { channel: string; payload?: string }) => void,
  ): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
  on(event: "end", listener: () => void): unknown;
};

/**
 * One change a process committed: its tenant, or none when changes may have been missed.
 * @group Change feed
 */
export type PostgresChange = { tenantId?: string };

/**
 * What `createPostgresChangeFeed` returns (a `RemitChangeFeed` for `@remit/server`).
 * @group Change feed
 */
export type PostgresChangeFeed = {
  /**
   * Calls `listener` with `{ tenantId }` for each move any process commits to the store (with
   * `notifyChannel` set), and with `{}` when the feed's connection was lost or came back, when
   * changes may have been missed. Returns a function that removes it.
   */
  subscribe(listener: (change: PostgresChange) => void): () => void;
  /** Whether the feed is listening now (between its `LISTEN` and the loss of its connection). */
  readonly listening: boolean;
  /** Settles once the first `LISTEN` succeeded. */
  readonly ready: Promise<void>;
  /** Stops listening and ends the feed's connection. */
  close(): Promise<void>;
};

/**
 * Options of `createPostgresChangeFeed`.
 * @group Change feed
 */
export type PostgresChangeFeedOptions = {
  /**
   * Makes the feed's own connection: a new, unconnected `pg.Client` (a pool's connections cannot
   * hold a `LISTEN`). Called again to reconnect after the connection is lost.
   */
  newClient: () => PgListenClientLike;
  /** The store's `notifyChannel`. Default `"remit_changes"`. */
  channel?: string;
  /** Milliseconds before reconnecting after the connection is lost. Default 1,000. */
  reconnectDelay?: number;
};

/**
 * Listens to the moves every process commits to a PostgreSQL store, for the caches each process
 * keeps: one session holds `LISTEN <channel>`, and each store created with `notifyChannel`
 * announces its moves in the statement that appends their events, delivered by PostgreSQL on
 * COMMIT. Give it to `@remit/server` as `hostedPageCache.changes`. While the connection is down
 * `listening` is false (a cache then keeps nothing new), listeners hear `{}`, and the feed
 * reconnects.
 *
 * @since 0.2.0
 * @example
 * ```ts
 * import pg from "pg";
 * import { createPostgresChangeFeed, createPostgresStore } from "@remit/adapter-postgres";
 *
 * const store = createPostgresStore({ client: pool, notifyChannel: "remit_changes" });
 * const changes = createPostgresChangeFeed({
 *   newClient: () => new pg.Client({ connectionString: process.env.DATABASE_URL }),
 * });
 * createRemitHandler({ remit, publicUrl, hostedPageCache: { changes } });
 * ```
 * @group Change feed
 */
export function createPostgresChangeFeed(options: PostgresChangeFeedOptions): PostgresChangeFeed {
  const channel = parseNotifyChannel(options.channel ?? defaultNotifyChannel) as string;
  const reconnectDelay = options.reconnectDelay ?? 1_000;
  const listeners = new Set<(change: PostgresChange) => void>();
  let listening = false;
  let closed = false;
  let client: PgListenClientLike | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const tell = (change: PostgresChange) => {
    for (const listener of listeners) {
      try {
        listener(change);
      } catch {
        // one listener's failure must not keep the others from hearing of a change
      }
    }
  };

  const lost = (from: PgListenClientLike) => {
    if (client !== from) return; // an old connection's late event
    client = undefined;
    if (listening) {
      listening = false;
      tell({});
    }
    from.end().catch(() => undefined);
    if (!closed) retry = setTimeout(() => void open().catch(() => undefined), reconnectDelay);
  };

  const open = async () => {
    const next = options.newClient();
    client = next;
    next.on("error", () => lost(next));
    next.on("end", () => lost(next));
    next.on("notification", (message) => {
      if (message.channel === channel && message.payload) tell({ tenantId: message.payload });
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch (error) {
      lost(next);
      throw error;
    }
    if (closed || client !== next) return;
    listening = true;
    tell({}); // whatever happened before this LISTEN was not heard
  };

  const ready = open();
  ready.catch(() => undefined); // retried; `ready` rejects for whoever awaits it

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    get listening() {
      return listening;
    },
    ready,
    async close() {
      closed = true;
      listening = false;
      if (retry) clearTimeout(retry);
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
    },
  };
}
