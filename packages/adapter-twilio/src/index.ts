/**
 * `@remit/adapter-twilio`: Remit's SMS port on Twilio. `createTwilioSms` sends invoices, reminders
 * and receipts by text through the official `twilio` SDK; `handleTwilioStatusCallback` verifies
 * Twilio's status callbacks and moves each delivery forward, keeping opt-outs.
 *
 * @example
 * ```ts
 * import twilio from "twilio";
 * import { createRemit } from "@remit/core";
 * import { createTwilioSms } from "@remit/adapter-twilio";
 *
 * const remit = createRemit({
 *   store,
 *   notifiers: {
 *     sms: createTwilioSms({
 *       client: twilio(accountSid, authToken),
 *       from: "+15125550100",
 *       statusCallbackUrl: "https://api.example.com/webhooks/twilio/status",
 *     }),
 *   },
 * });
 * ```
 *
 * @module
 */
export {
  createTwilioSms,
  type TwilioMessagesClient,
  type TwilioSmsOptions,
} from "./create-twilio-sms";
export {
  handleTwilioStatusCallback,
  type TwilioStatusCallbackInput,
  type TwilioStatusCallbackResult,
} from "./handle-twilio-status-callback";
