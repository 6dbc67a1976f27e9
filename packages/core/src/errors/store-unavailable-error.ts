import { RemitError } from "./remit-error";

const marker = Symbol.for("remit.error.StoreUnavailableError");

/**
 * The store could not complete the transaction; nothing was changed. Safe to retry.
 * @group Errors
 */
export class StoreUnavailableError extends RemitError {
  readonly [marker] = true;

  constructor(options: { message?: string; cause?: unknown } = {}) {
    super({
      code: "store_unavailable",
      message: options.message ?? "The store is unavailable; nothing was changed, try again",
      retryable: true,
      cause: options.cause,
    });
    this.name = "StoreUnavailableError";
  }

  /** True for this class and its subclasses, even from another installed copy of @remit/core. */
  static override isInstance(error: unknown): error is StoreUnavailableError {
    return RemitError.hasMarker(error, marker);
  }
}
