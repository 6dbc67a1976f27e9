/** A move's idempotency key with a fingerprint of its arguments and its result. */
export type IdempotencyRecord = {
  tenantId: string;
  key: string;
  /** Which move (`invoices.recordPayment`) and a hash of its arguments. */
  fingerprint: string;
  /** The move's result as returned the first time (JSON). */
  result: unknown;
  createdAt: string;
};

/** Idempotency keys of the tenant's moves; kept forever. */
export type IdempotencyCollection = {
  /** The stored record of `key`, or `undefined`. */
  get(input: { key: string }): Promise<IdempotencyRecord | undefined>;
  /**
   * Stores a key. Throws `IdempotencyKeyTakenError` (and writes nothing; the transaction stays
   * usable) when the tenant already has it, including when a concurrent transaction stored it
   * first.
   */
  put(input: { record: IdempotencyRecord }): Promise<void>;
};
