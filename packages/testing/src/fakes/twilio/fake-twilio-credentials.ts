/** The Account SID the fake Twilio API and its loopback client use by default. */
export const fakeTwilioAccountSid = `AC${"0".repeat(31)}1`;

/**
 * The auth token the fake Twilio API accepts by default; also the token status callbacks are
 * signed with (`signedStatusCallback`), so a handler under test validates them with it.
 */
export const fakeTwilioAuthToken = "test-auth-token-0123456789abcdef";
