import { ProviderError, RemitError } from "@remit/core";

// Nodemailer's codes for a connection that failed or dropped: no SMTP server refused the message.
const connectionErrorCodes = new Set([
  "ECONNECTION",
  "ETIMEDOUT",
  "ESOCKET",
  "EDNS",
  "ETLS",
  "EPROXY",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
]);

type NodemailerLikeError = {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  permanent?: unknown;
  message?: unknown;
};

/**
 * Translates what nodemailer throws into a `ProviderError`: an SMTP 4xx reply (and 503, a session
 * in the wrong state) is temporary and retryable, any other 5xx is permanent; a connection that
 * failed, dropped or timed out is retryable; anything else (bad credentials without a reply, a
 * malformed message) is not.
 */
export function toRemitError(error: unknown): RemitError {
  if (RemitError.isInstance(error)) return error;
  const details = (typeof error === "object" && error !== null ? error : {}) as NodemailerLikeError;
  const message =
    typeof details.response === "string" && details.response.length > 0
      ? details.response
      : typeof details.message === "string" && details.message.length > 0
        ? details.message
        : String(error);
  if (typeof details.responseCode === "number") {
    const code = details.responseCode;
    const temporary =
      typeof details.permanent === "boolean"
        ? !details.permanent
        : (code >= 400 && code < 500) || code === 503;
    return new ProviderError({
      provider: "smtp",
      message: `${temporary ? "temporary" : "permanent"} refusal: ${message}`,
      retryable: temporary,
      providerCode: String(code),
      cause: error,
    });
  }
  if (typeof details.code === "string" && connectionErrorCodes.has(details.code)) {
    return new ProviderError({
      provider: "smtp",
      message: `connection failed (${details.code}): ${message}`,
      retryable: true,
      providerCode: details.code,
      cause: error,
    });
  }
  return new ProviderError({
    provider: "smtp",
    message,
    retryable: false,
    ...(typeof details.code === "string" ? { providerCode: details.code } : {}),
    cause: error,
  });
}
