/**
 * A move's idempotency key with a fingerprint of its arguments and its result.
 * @group Store port
 */
export type IdempotencyRecord = {
  tenantId: string;
  key: string;
  /** Which move (`invoices.recordPayment`) and a hash of its arguments. */
  fingerprint: string;
  /** The move's result as returned the first time (JSON). */
  result: unknown;
  createdAt: string;
};

/**
 * Idempotency keys of the tenant's moves; kept forever.
 * @group Store port
 */
export type IdempotencyCollection = {
  /** The stored record of `key`, or `undefined`. */
  get(input: { key: string }): Promise<IdempotencyRecord | undefined>;
  /**
   * Stores a key. Throws `IdempotencyKeyTakenError` (and writes nothing; the transaction stays
   * usable) when the tenant already has it, including when a concurrent transaction stored it
   * first: a put of a key that another open transaction put waits for that transaction to end
   * (then throws if it committed, or stores the key if it rolled back). Core puts the key before a
   * move's body runs, with `result: null`, so concurrent repeats of a keyed move queue behind the
   * first and answer with its result instead of racing it for the record's lock.
   */
  put(input: { record: IdempotencyRecord }): Promise<void>;
  /**
   * Sets the result of a key this transaction put, once the move's result is known.
   * @since 0.2.0
   */
  complete(input: { key: string; result: unknown }): Promise<void>;
};
