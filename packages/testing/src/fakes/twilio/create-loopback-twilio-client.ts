import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import type { FakeTwilioApi } from "./start-fake-twilio-api";

/**
 * The `twilio` SDK's own `RequestClient`, with every request's origin (`https://api.twilio.com`)
 * rewritten to a local one. The SDK has no base-URL option; given this as its `httpClient`, the
 * real SDK still builds, authenticates, encodes and parses every request.
 */
export class LoopbackTwilioRequestClient extends twilio.RequestClient {
  constructor(
    private readonly origin: string,
    options: { timeout?: number } = {},
  ) {
    super({ timeout: options.timeout ?? 30_000 });
  }

  override request<TData>(options: RequestClient.RequestOptions<TData>) {
    const target = new URL(options.uri);
    return super.request<TData>({
      ...options,
      uri: `${this.origin}${target.pathname}${target.search}`,
    });
  }
}

/**
 * A real `twilio` client whose requests go to a fake Twilio API on loopback, with the fake's
 * credentials.
 *
 * @param api - The fake, from `startFakeTwilioApi()`.
 * @param options.timeout - The client's request timeout in milliseconds; 30 s by default, as
 *   Twilio's own. Tests should not lean on it: end a `"hang"` with the fake's `dropHanging()`.
 *
 * @example
 * ```ts
 * import { createLoopbackTwilioClient, startFakeTwilioApi } from "@remit/testing/fake-twilio";
 *
 * const api = await startFakeTwilioApi();
 * const sms = createTwilioSms({
 *   client: createLoopbackTwilioClient(api),
 *   from: "+15125550100",
 *   statusCallbackUrl: "https://app.example/twilio/status",
 * });
 * ```
 */
export function createLoopbackTwilioClient(
  api: Pick<FakeTwilioApi, "origin" | "accountSid" | "authToken">,
  options: { timeout?: number } = {},
): twilio.Twilio {
  return twilio(api.accountSid, api.authToken, {
    httpClient: new LoopbackTwilioRequestClient(api.origin, options),
  });
}
