import { RemitError } from "./remit-error";

const marker = Symbol.for("remit.error.WebhookSignatureError");

/**
 * A webhook's signature did not verify (wrong secret, altered body, or too old). Nothing was changed.
 * @group Errors
 */
export class WebhookSignatureError extends RemitError {
  readonly [marker] = true;

  constructor(options: { message: string; cause?: unknown }) {
    super({ code: "invalid_signature", message: options.message, cause: options.cause });
    this.name = "WebhookSignatureError";
  }

  /** True for this class and its subclasses, even from another installed copy of @remit/core. */
  static override isInstance(error: unknown): error is WebhookSignatureError {
    return RemitError.hasMarker(error, marker);
  }
}
