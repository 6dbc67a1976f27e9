// The fake Twilio API now lives in `@remit/testing/fake-twilio`: import it from there. This file
// stays only because examples/node-hono's tests import this path; delete it once they import
// `@remit/testing/fake-twilio` instead.
export {
  createLoopbackTwilioClient,
  type FakeTwilioAnswer as FakeAnswer,
  type FakeTwilioApi,
  type FakeTwilioMessage as RecordedMessage,
  fakeTwilioAccountSid as accountSid,
  fakeTwilioAuthToken as authToken,
  LoopbackTwilioRequestClient as LoopbackRequestClient,
  signedStatusCallback,
  startFakeTwilioApi,
} from "@remit/testing/fake-twilio";
