/**
 * `@remit/testing/fake-twilio`: a fake of Twilio's Messages API on 127.0.0.1, a real `twilio`
 * client pointed at it, and status callbacks signed as Twilio signs them, for tests that run the
 * real `twilio` SDK without the network.
 *
 * Needs the `twilio` package (an optional peer dependency of `@remit/testing`); the main entry
 * `@remit/testing` never loads it.
 *
 * ```ts
 * import {
 *   createLoopbackTwilioClient,
 *   signedStatusCallback,
 *   startFakeTwilioApi,
 * } from "@remit/testing/fake-twilio";
 *
 * const api = await startFakeTwilioApi();
 * const client = createLoopbackTwilioClient(api); // a real Twilio client talking to the fake
 * // ... send with `client`, then play Twilio's status callback:
 * const callback = signedStatusCallback(statusCallbackUrl, api.messages[0], "delivered");
 * await api.close();
 * ```
 *
 * @module fake-twilio
 */
export {
  createLoopbackTwilioClient,
  LoopbackTwilioRequestClient,
} from "./fakes/twilio/create-loopback-twilio-client";
export { fakeTwilioAccountSid, fakeTwilioAuthToken } from "./fakes/twilio/fake-twilio-credentials";
export {
  type SignedStatusCallback,
  signedStatusCallback,
} from "./fakes/twilio/signed-status-callback";
export {
  type FakeTwilioAnswer,
  type FakeTwilioApi,
  type FakeTwilioMessage,
  type FakeTwilioRequest,
  startFakeTwilioApi,
} from "./fakes/twilio/start-fake-twilio-api";
export type { TwilioErrorBody } from "./fakes/twilio/twilio-error";
