import { RemitError } from "./remit-error";

const marker = Symbol.for("remit.error.OutcomeUnknownError");

/**
 * The store lost its connection while committing: the change may or may not have been saved, and
 * nothing can tell which from here. Retrying is safe only when the call carried an
 * `idempotencyKey` (the repeat answers with the first result if it was saved), so `retryable` is
 * true exactly then. Without a key, read the record before trying again.
 * @group Errors
 */
export class OutcomeUnknownError extends RemitError {
  readonly [marker] = true;

  constructor(options: { message?: string; retryable?: boolean; cause?: unknown } = {}) {
    super({
      code: "outcome_unknown",
      message:
        options.message ??
        "The connection was lost while saving: the change may or may not have been saved",
      retryable: options.retryable ?? false,
      cause: options.cause,
    });
    this.name = "OutcomeUnknownError";
  }

  /** True for this class and its subclasses, even from another installed copy of @remit/core. */
  static override isInstance(error: unknown): error is OutcomeUnknownError {
    return RemitError.hasMarker(error, marker);
  }
}
