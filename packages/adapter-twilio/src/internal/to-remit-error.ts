import { DeliveryError, ProviderError, RemitError } from "@remit/core";

/** Twilio's error code for a recipient who replied STOP (or was unsubscribed otherwise). */
export const optedOutErrorCode = 21610;

// Errors Node and axios raise when no answer came back: the connection was refused, reset, or
// timed out. No message was created as far as we can tell (see the README on timeouts).
const networkErrorCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "ESOCKETTIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "ERR_NETWORK",
  "ERR_SOCKET_CONNECTION_TIMEOUT",
]);

type TwilioLikeError = { status?: unknown; code?: unknown; message?: unknown };

/**
 * Translates what the Twilio SDK throws into Remit's errors: an opted-out recipient is a
 * `DeliveryError`; 429, 5xx and network failures are retryable `ProviderError`s; any other 4xx
 * (an invalid or landline number, a bad sender, bad credentials) is not.
 */
export function toRemitError(error: unknown): RemitError {
  if (RemitError.isInstance(error)) return error;
  const details = (typeof error === "object" && error !== null ? error : {}) as TwilioLikeError;
  const message =
    typeof details.message === "string" && details.message.length > 0
      ? details.message
      : String(error);
  if (typeof details.status === "number") {
    // RestException and TwilioServiceException: Twilio answered with an HTTP error.
    const twilioCode = typeof details.code === "number" ? details.code : undefined;
    if (twilioCode === optedOutErrorCode) {
      return new DeliveryError({
        code: "recipient_opted_out",
        channel: "sms",
        message: `The recipient has opted out of texts (Twilio ${optedOutErrorCode}): ${message}`,
      });
    }
    const retryable = details.status === 429 || details.status >= 500;
    return new ProviderError({
      provider: "twilio",
      message: `HTTP ${details.status}${twilioCode === undefined ? "" : ` (${twilioCode})`}: ${message}`,
      retryable,
      providerCode: String(twilioCode ?? details.status),
      cause: error,
    });
  }
  if (typeof details.code === "string" && networkErrorCodes.has(details.code)) {
    return new ProviderError({
      provider: "twilio",
      message: `no answer from Twilio (${details.code}): ${message}`,
      retryable: true,
      providerCode: details.code,
      cause: error,
    });
  }
  // The SDK refusing its parameters before any request, or an answer it could not read: either
  // way not worth the risk of a second text.
  return new ProviderError({ provider: "twilio", message, retryable: false, cause: error });
}
