import { RemitError } from "./remit-error";

/** The store could not complete the transaction; nothing was changed. Safe to retry. */
export class StoreUnavailableError extends RemitError {
  constructor(options: { message?: string; cause?: unknown } = {}) {
    super({
      code: "store_unavailable",
      message: options.message ?? "The store is unavailable; nothing was changed, try again",
      retryable: true,
      cause: options.cause,
    });
    this.name = "StoreUnavailableError";
  }
}
