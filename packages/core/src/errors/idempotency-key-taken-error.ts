import { RemitError } from "./remit-error";

/**
 * Thrown by a store's `idempotency.put` when the key exists: another request with the same key
 * committed first. Core catches it and answers from the stored record, so it never leaves a
 * Remit call; adapters throw it and conformance suites expect it.
 */
export class IdempotencyKeyTakenError extends RemitError {
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
}
