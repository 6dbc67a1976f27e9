/**
 * Marks a move's result as a repeat's: the answer of an earlier call with the same
 * `idempotencyKey`, read back from its record, with nothing written this time. Not enumerable, so
 * the result stays equal to the first call's (the lifecycle contract: "a repeat returns the first
 * result") in `toEqual`, in JSON and in every copy; only `wasReplayed` reads it.
 */
const replayedMarker = Symbol.for("remit.move.replayed");

/** The result, marked as a repeat's. */
export function markReplayed<Result extends object>(result: Result): Result {
  const copy = { ...result };
  Object.defineProperty(copy, replayedMarker, { value: true, enumerable: false });
  return copy;
}

/**
 * Whether a move's result answered a repeat of an earlier call with the same `idempotencyKey`
 * (nothing was written this time), like Stripe's `Idempotent-Replayed` header. A webhook handler
 * uses it to tell "recorded now" from "recorded before" without reading the records first.
 *
 * @example
 * ```ts
 * const result = await remit.invoices.recordPayment(ctx, { ...payment, idempotencyKey: "pi_1" });
 * if (wasReplayed(result)) console.log("already recorded");
 * ```
 * @group Service
 */
export function wasReplayed(result: object): boolean {
  return (result as { [replayedMarker]?: unknown })[replayedMarker] === true;
}
