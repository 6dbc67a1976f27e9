import type pg from "pg";
import type { PgPoolClientLike, PgPoolLike } from "../../src/index";

/**
 * The pool as the store sees it, with every statement it sends (on the pool or on a connection
 * of a transaction) reported to `record` first. The probe and the reset use the pool itself, so
 * they are not recorded.
 */
export function recordingPool(
  pool: pg.Pool,
  record: (text: string, values: readonly unknown[]) => void,
): PgPoolLike {
  // The store listens for "connect" and "error"; both go to the pool itself.
  const on = ((event: "connect" | "error", listener: (argument: never) => void) =>
    pool.on(event as "error", listener as (error: Error) => void)) as PgPoolLike["on"];
  // One wrapper per connection, as the pool hands out the same connection again: the store adds
  // its error listener once per connection object it sees.
  const wrappers = new WeakMap<pg.PoolClient, PgPoolClientLike>();
  const wrap = (connection: pg.PoolClient): PgPoolClientLike => ({
    async query(text, values) {
      record(text, values ?? []);
      return await connection.query(text, values);
    },
    release: (error) => connection.release(error),
    on: (event, listener) => connection.on(event, listener),
  });
  return {
    on,
    async query(text, values) {
      record(text, values ?? []);
      return await pool.query(text, values);
    },
    async connect(): Promise<PgPoolClientLike> {
      const connection = await pool.connect();
      let wrapper = wrappers.get(connection);
      if (!wrapper) {
        wrapper = wrap(connection);
        wrappers.set(connection, wrapper);
      }
      return wrapper;
    },
  };
}
