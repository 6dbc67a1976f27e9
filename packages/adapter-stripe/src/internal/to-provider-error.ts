import { ProviderError, RemitError } from "@remit/core";

/** The fields of a `stripe` SDK error Remit reads (duck-typed: works across SDK copies). */
type StripeErrorLike = Error & {
  type: string;
  statusCode?: number;
  code?: string;
  decline_code?: string;
  headers?: Record<string, string | undefined>;
};

function isStripeError(error: unknown): error is StripeErrorLike {
  if (!(error instanceof Error)) return false;
  const type: unknown = (error as unknown as { type?: unknown }).type;
  return typeof type === "string" && type.startsWith("Stripe");
}

// Stripe asks for a retry of these codes even on a 4xx: another request holds the object
// (`lock_timeout`), or one with the same idempotency key is still running.
const retryableCodes = new Set(["lock_timeout", "rate_limit", "idempotency_key_in_use"]);

/** Whether the same call may succeed later, by Stripe's own advice and error class. */
function isRetryable(error: StripeErrorLike): boolean {
  const advice = error.headers?.["stripe-should-retry"];
  if (advice === "true") return true;
  if (advice === "false") return false;
  if (error.code !== undefined && retryableCodes.has(error.code)) return true;
  switch (error.type) {
    case "StripeRateLimitError":
    case "StripeConnectionError":
    case "StripeAPIError":
      return true;
    case "StripeCardError":
    case "StripeInvalidRequestError":
    case "StripeIdempotencyError":
    case "StripeAuthenticationError":
    case "StripePermissionError":
    case "StripeSignatureVerificationError":
      return false;
    default:
      return error.statusCode === 409 || (error.statusCode ?? 0) >= 500;
  }
}

/**
 * Translates whatever a `stripe` SDK call threw into a Remit error, at the adapter's boundary:
 * rate limits, connection failures, Stripe's 5xx and lock timeouts are `retryable`; declined
 * cards, invalid requests, authentication and permission errors are not. Remit errors pass
 * through unchanged. The original error is kept as `cause`, Stripe's `code` as `providerCode`.
 * @group Errors and amounts
 */
export function toProviderError(error: unknown): RemitError {
  if (RemitError.isInstance(error)) return error;
  if (isStripeError(error)) {
    const code = error.decline_code || error.code;
    return new ProviderError({
      provider: "stripe",
      message: `${error.message || error.type}${error.statusCode ? ` (HTTP ${error.statusCode})` : ""}`,
      retryable: isRetryable(error),
      ...(code ? { providerCode: code } : {}),
      cause: error,
    });
  }
  return new ProviderError({
    provider: "stripe",
    message: error instanceof Error ? error.message : String(error),
    retryable: false,
    cause: error,
  });
}

/** Runs one Stripe call, translating its failure with {@link toProviderError}. */
export async function callStripe<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toProviderError(error);
  }
}

/**
 * Whether Stripe answered that the object does not exist (`resource_missing`): the only refusal
 * a webhook may read as "not found". Any other (a rolled key, an account that revoked access)
 * must fail the delivery so Stripe sends it again.
 */
export function isResourceMissing(error: unknown): boolean {
  return (
    RemitError.isInstance(error) &&
    (error as { providerCode?: unknown }).providerCode === "resource_missing"
  );
}
