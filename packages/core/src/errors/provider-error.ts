import { RemitError } from "./remit-error";

const marker = Symbol.for("remit.error.ProviderError");

/**
 * A payment, email or SMS provider refused or failed a call. `retryable` says whether to try again.
 * @group Errors
 */
export class ProviderError extends RemitError {
  readonly [marker] = true;
  readonly provider: string;
  readonly providerCode: string | undefined;

  constructor(options: {
    provider: string;
    message: string;
    retryable: boolean;
    providerCode?: string;
    cause?: unknown;
  }) {
    super({
      code: "provider_error",
      message: `${options.provider}: ${options.message}`,
      retryable: options.retryable,
      cause: options.cause,
    });
    this.name = "ProviderError";
    this.provider = options.provider;
    this.providerCode = options.providerCode;
  }

  /** True for this class and its subclasses, even from another installed copy of @remit/core. */
  static override isInstance(error: unknown): error is ProviderError {
    return RemitError.hasMarker(error, marker);
  }
}
