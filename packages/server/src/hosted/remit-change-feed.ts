/**
 * One change committed to Remit's store: the tenant whose records changed, or no tenant when
 * changes may have been missed (a lost connection), so that everything must be read again.
 */
export type RemitChange = { tenantId?: string };

/**
 * The changes every process commits to a store they share, for caches kept in each process
 * (the hosted page's). `createPostgresChangeFeed` of `@remit/adapter-postgres` is one, on
 * PostgreSQL's `LISTEN`/`NOTIFY`; any object of this shape will do.
 *
 * @since 0.2.0
 */
export type RemitChangeFeed = {
  /**
   * Calls `listener` for each change committed after the feed started listening, in any process,
   * and with `{}` when changes may have been missed. Returns a function that removes it.
   */
  subscribe(listener: (change: RemitChange) => void): () => void;
  /** Whether changes are being received now: a cache keeps nothing new while this is false. */
  readonly listening: boolean;
};
