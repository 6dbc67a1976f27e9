import twilio from "twilio";
import { fakeTwilioAuthToken } from "./fake-twilio-credentials";
import type { FakeTwilioMessage } from "./start-fake-twilio-api";

/** A status callback as Twilio posts it: the URL, the form fields and `X-Twilio-Signature`. */
export type SignedStatusCallback = {
  url: string;
  params: Record<string, string>;
  /** The `X-Twilio-Signature` header value. */
  signature: string;
  /** The auth token it was signed with. */
  authToken: string;
};

/**
 * The form fields Twilio posts to a message's status callback, signed as Twilio signs them (with
 * the SDK's own `getExpectedTwilioSignature`), so the real validator accepts them.
 *
 * @param url - The status callback URL, exactly as the message was sent with it.
 * @param message - The message, from the fake's `messages`.
 * @param status - Twilio's message status: `sent`, `delivered`, `undelivered`, `failed`, ...
 * @param errorCode - Twilio's `ErrorCode` for a failed message, e.g. `"30003"`.
 * @param authToken - The token to sign with; the fake's default token by default.
 *
 * @example
 * ```ts
 * import { signedStatusCallback } from "@remit/testing/fake-twilio";
 *
 * const callback = signedStatusCallback(url, api.messages[0], "delivered");
 * await fetch(callback.url, {
 *   method: "POST",
 *   headers: { "x-twilio-signature": callback.signature },
 *   body: new URLSearchParams(callback.params),
 * });
 * ```
 */
export function signedStatusCallback(
  url: string,
  message: FakeTwilioMessage,
  status: string,
  errorCode?: string,
  authToken: string = fakeTwilioAuthToken,
): SignedStatusCallback {
  const params: Record<string, string> = {
    AccountSid: message.accountSid,
    ApiVersion: "2010-04-01",
    From: message.from ?? "+15125550100",
    MessageSid: message.sid,
    MessageStatus: status,
    SmsSid: message.sid,
    SmsStatus: status,
    To: message.to,
    ...(errorCode === undefined ? {} : { ErrorCode: errorCode }),
  };
  return {
    url,
    params,
    signature: twilio.getExpectedTwilioSignature(authToken, url, params),
    authToken,
  };
}
