import { RemitError } from "./remit-error";

const marker = Symbol.for("remit.error.IdempotencyKeyTakenError");

/**
 * Thrown by a store's `idempotency.put` when the key exists: another request with the same key
 * committed first. Core catches it and answers from the stored record, so it never leaves a
 * Remit call; adapters throw it and conformance suites expect it.
 * @group Errors
 */
export class IdempotencyKeyTakenError extends RemitError {
  readonly [marker] = true;
  readonly key: string;

  constructor(options: { key: string; cause?: unknown }) {
    super({
      code: "idempotency_key_taken",
      message: `Idempotency key "${options.key}" is already stored`,
      retryable: true,
      cause: options.cause,
    });
    this.name = "IdempotencyKeyTakenError";
    this.key = options.key;
  }

  /** True for this class and its subclasses, even from another installed copy of @remit/core. */
  static override isInstance(error: unknown): error is IdempotencyKeyTakenError {
    return RemitError.hasMarker(error, marker);
  }
}
