import {
  type Context,
  type Delivery,
  parseWithSchema,
  type Remit,
  RemitError,
  WebhookSignatureError,
} from "@remit/core";
import twilio from "twilio";
import { z } from "zod";
import { optedOutErrorCode } from "./internal/to-remit-error";

export type TwilioStatusCallbackInput = {
  /** The tenant whose message this is, e.g. from the callback URL's path. */
  tenantId: string;
  /** The full URL Twilio posted to, exactly as given in `statusCallbackUrl` (query included). */
  url: string;
  /** The form fields of the POST body (`application/x-www-form-urlencoded`), as strings. */
  params: Record<string, string | string[]>;
  /** The `X-Twilio-Signature` header. */
  signature: string | undefined;
  /** The account's auth token, which Twilio signs with. */
  authToken: string;
};

/** What the callback did: moved a delivery, or nothing Remit tracks. Either way answer 2xx. */
export type TwilioStatusCallbackResult =
  | { outcome: "recorded"; delivery: Delivery }
  | { outcome: "ignored"; reason: "not_an_outbound_status" | "unknown_message" };

const inputSchema = z.object({
  tenantId: z.string().min(1).max(64),
  url: z.url({ protocol: /^https?$/ }),
  params: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  signature: z.string().max(1000).optional(),
  authToken: z.string().min(1).max(255),
});

const callbackSchema = z.object({
  MessageSid: z.string().min(1).max(64).optional(),
  SmsSid: z.string().min(1).max(64).optional(),
  MessageStatus: z.string().min(1).max(64).optional(),
  SmsStatus: z.string().min(1).max(64).optional(),
  ErrorCode: z.string().max(16).optional(),
});

// Twilio's message statuses in Remit's words; inbound ones ("receiving", "received") are not ours.
const remitStatusOf: Record<string, "queued" | "sent" | "delivered" | "failed"> = {
  accepted: "queued",
  scheduled: "queued",
  queued: "queued",
  sending: "queued",
  sent: "sent",
  partially_delivered: "sent",
  delivered: "delivered",
  read: "delivered",
  undelivered: "failed",
  failed: "failed",
  canceled: "failed",
};

/**
 * Handles a Twilio message status callback: checks `X-Twilio-Signature` with the SDK's own
 * `validateRequest` (a bad one throws `WebhookSignatureError` and changes nothing), then reports
 * the status to Remit, which moves the delivery forward only and keeps Twilio's status and error
 * code beside it (`undelivered:30007`). Error 21610 (the recipient replied STOP) is recorded as
 * `recipient_opted_out` on the customer, so the next send by text is refused.
 *
 * Answer Twilio with a 2xx once this resolves (also for an unknown message), and with a 5xx only
 * when it throws `StoreUnavailableError`.
 *
 * @example
 * ```ts
 * app.post("/webhooks/twilio/:tenantId", async (c) => {
 *   const result = await handleTwilioStatusCallback(remit, {
 *     tenantId: c.req.param("tenantId"),
 *     url: c.req.url,
 *     params: (await c.req.parseBody()) as Record<string, string>,
 *     signature: c.req.header("X-Twilio-Signature"),
 *     authToken,
 *   });
 *   return c.body(null, 204);
 * });
 * ```
 */
export async function handleTwilioStatusCallback(
  remit: Pick<Remit, "deliveries">,
  rawInput: TwilioStatusCallbackInput,
): Promise<TwilioStatusCallbackResult> {
  const input = parseWithSchema(inputSchema, rawInput);
  const valid =
    input.signature !== undefined &&
    twilio.validateRequest(input.authToken, input.signature, input.url, input.params);
  if (!valid) {
    throw new WebhookSignatureError({
      message:
        "The X-Twilio-Signature header does not match: check the auth token and that url is the exact URL Twilio posted to",
    });
  }
  const callback = parseWithSchema(callbackSchema, input.params, { pathPrefix: "params" });
  const messageSid = callback.MessageSid ?? callback.SmsSid;
  const twilioStatus = callback.MessageStatus ?? callback.SmsStatus;
  const status = twilioStatus === undefined ? undefined : remitStatusOf[twilioStatus];
  if (messageSid === undefined || twilioStatus === undefined || status === undefined) {
    return { outcome: "ignored", reason: "not_an_outbound_status" };
  }
  const errorCode = callback.ErrorCode?.trim() || undefined;
  const reason =
    status !== "failed"
      ? undefined
      : errorCode === String(optedOutErrorCode)
        ? "recipient_opted_out"
        : (errorCode ?? twilioStatus);
  const context: Context = {
    tenantId: input.tenantId,
    actor: { type: "provider", name: "twilio" },
  };
  try {
    const { delivery } = await remit.deliveries.report(context, {
      providerMessageId: messageSid,
      status,
      providerStatus: errorCode === undefined ? twilioStatus : `${twilioStatus}:${errorCode}`,
      ...(reason === undefined ? {} : { reason }),
    });
    return { outcome: "recorded", delivery };
  } catch (error) {
    // A message Remit did not send (another app on the account), or one whose send is not yet
    // recorded: nothing to move, and Twilio need not retry.
    if (RemitError.isInstance(error) && error.code === "not_found") {
      return { outcome: "ignored", reason: "unknown_message" };
    }
    throw error;
  }
}
