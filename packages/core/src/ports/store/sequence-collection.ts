/**
 * Gapless counters per tenant and series (invoice numbers, quote numbers).
 * @group Store port
 */
export type SequenceCollection = {
  /**
   * The next number of `series` (1 for a new series), taken inside this transaction: a rolled-back
   * transaction gives its number back, and two transactions never get the same one.
   */
  next(input: { series: string }): Promise<number>;
};
