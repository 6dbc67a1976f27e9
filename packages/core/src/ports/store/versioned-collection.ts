/**
 * The reads and writes every versioned record (customer, invoice, work order, quote) shares.
 * `Record` carries a `version` that each successful `update` raises by one.
 * @group Store port
 */
export type VersionedCollection<Record> = {
  /**
   * The record, or `undefined` when no record of this tenant has that id. With `forUpdate`, the
   * record is held until the transaction ends (a row lock on SQL, a lock in memory), so a second
   * mover waits and then sees the new `version`.
   */
  get(input: { id: string; forUpdate?: boolean }): Promise<Record | undefined>;
  /** Inserts a new record. The id is new; a duplicate id is a bug of the caller. */
  insert(input: { record: Record }): Promise<void>;
  /**
   * Writes `record` if the stored version is still `expectedVersion`; otherwise throws
   * `ConcurrencyError` (with the stored version, 0 for a missing record) and writes nothing.
   */
  update(input: { record: Record; expectedVersion: number }): Promise<void>;
};
