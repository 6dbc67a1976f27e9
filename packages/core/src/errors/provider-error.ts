import { RemitError } from "./remit-error";

/** A payment, email or SMS provider refused or failed a call. `retryable` says whether to try again. */
export class ProviderError extends RemitError {
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
}
