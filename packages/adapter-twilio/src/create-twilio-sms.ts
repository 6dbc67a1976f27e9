import { e164PhoneSchema, parseWithSchema, type SmsMessage, type SmsSender } from "@remit/core";
import type { Twilio } from "twilio";
import { z } from "zod";
import { toRemitError } from "./internal/to-remit-error";

/** The part of a Twilio client the sender uses: `twilio(accountSid, authToken).messages`. */
export type TwilioMessagesClient = Pick<Twilio, "messages">;

export type TwilioSmsOptions = {
  /** The app's Twilio client, `twilio(accountSid, authToken)`; tests give it a local `httpClient`. */
  client: TwilioMessagesClient;
  /** The sending number (E.164), short code or alphanumeric sender id. */
  from?: string;
  /** A Messaging Service (`MG…`) that picks the sender; used instead of, or with, `from`. */
  messagingServiceSid?: string;
  /**
   * Where Twilio posts the message's status changes (`handleTwilioStatusCallback` answers there).
   * A function gets the message, whose `about.tenantId` lets one app route callbacks per tenant.
   */
  statusCallbackUrl?: string | ((message: SmsMessage) => string | undefined);
};

const httpUrlSchema = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });

const optionsSchema = z
  .object({
    client: z.custom<TwilioMessagesClient>(
      (value) =>
        typeof value === "object" &&
        value !== null &&
        typeof (value as { messages?: { create?: unknown } }).messages?.create === "function",
      "must be a Twilio client, twilio(accountSid, authToken)",
    ),
    from: z.string().trim().min(1).max(64).optional(),
    messagingServiceSid: z
      .string()
      .regex(/^MG[0-9a-fA-F]{32}$/, 'must be a Messaging Service SID such as "MG0123…"')
      .optional(),
    statusCallbackUrl: z
      .union([
        httpUrlSchema,
        z.custom<(message: SmsMessage) => string | undefined>(
          (value) => typeof value === "function",
        ),
      ])
      .optional(),
  })
  .refine((options) => options.from !== undefined || options.messagingServiceSid !== undefined, {
    message: "give from or messagingServiceSid",
    path: ["from"],
  });

const messageSchema = z.object({
  to: e164PhoneSchema,
  // Twilio's limit for one message, split into segments by the carrier.
  body: z.string().min(1).max(1600),
  idempotencyKey: z.string().min(1).max(255),
});

/**
 * Remit's SMS port on Twilio's Messages API, through the official `twilio` SDK. Sends from a
 * number or a Messaging Service and asks Twilio to report status changes to `statusCallbackUrl`.
 * An opted-out recipient (Twilio error 21610, after a STOP) is a `DeliveryError` with
 * `recipient_opted_out`, which Remit keeps on the customer; 429, 5xx, timeouts and network
 * failures are retryable `ProviderError`s; other refusals are not.
 *
 * Twilio has no idempotency key for messages: Remit claims the delivery before calling `send` and
 * records the answer after, so a worker that dies in between leaves the delivery `failed` with
 * reason `outcome_unknown` rather than texting twice (see the README).
 *
 * @example
 * ```ts
 * import twilio from "twilio";
 * import { createTwilioSms } from "@remit/adapter-twilio";
 *
 * const sms = createTwilioSms({
 *   client: twilio(accountSid, authToken),
 *   from: "+15125550100",
 *   statusCallbackUrl: "https://api.example.com/webhooks/twilio/status",
 * });
 * const remit = createRemit({ store, notifiers: { sms } });
 * ```
 */
export function createTwilioSms(options: TwilioSmsOptions): SmsSender {
  const { client, from, messagingServiceSid, statusCallbackUrl } = parseWithSchema(
    optionsSchema,
    options,
  );
  return {
    specificationVersion: "v1",
    async send(rawMessage) {
      const message = parseWithSchema(messageSchema, rawMessage, { pathPrefix: "message" });
      const callback =
        typeof statusCallbackUrl === "function"
          ? parseWithSchema(httpUrlSchema.optional(), statusCallbackUrl(rawMessage), {
              pathPrefix: "statusCallbackUrl",
            })
          : statusCallbackUrl;
      try {
        const created = await client.messages.create({
          to: message.to,
          body: message.body,
          ...(from === undefined ? {} : { from }),
          ...(messagingServiceSid === undefined ? {} : { messagingServiceSid }),
          ...(callback === undefined ? {} : { statusCallback: callback }),
        });
        return {
          providerMessageId: created.sid,
          status: created.status === "sent" ? "sent" : "queued",
        };
      } catch (error) {
        throw toRemitError(error);
      }
    },
  };
}
