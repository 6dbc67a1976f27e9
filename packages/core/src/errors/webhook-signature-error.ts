import { RemitError } from "./remit-error";

/** A webhook's signature did not verify (wrong secret, altered body, or too old). Nothing was changed. */
export class WebhookSignatureError extends RemitError {
  constructor(options: { message: string; cause?: unknown }) {
    super({ code: "invalid_signature", message: options.message, cause: options.cause });
    this.name = "WebhookSignatureError";
  }
}
