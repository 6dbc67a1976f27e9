import { randomBytes } from "node:crypto";
import { type FakeStripeApi, startFakeStripeApi } from "@remit/testing/fake-stripe";
import type { ExampleServices } from "../config/create-service-clients";

/** Where the test checkout's pages are, under the example's own origin. */
export const testCheckoutPath = "/test-checkout";

/**
 * The demo's test checkout: `@remit/testing`'s fake of Stripe on 127.0.0.1, in this process, and
 * what the test-checkout pages need to complete a session and deliver Stripe's events.
 */
export type TestCheckout = {
  /** The fake Stripe: sessions, accounts, and `pay`, which completes a session. */
  fake: FakeStripeApi;
  /** The webhook signing secret, made at each start: events are signed with it and checked. */
  webhookSecret: string;
  /** The example's own `POST /webhooks/stripe`, where the events go (known once it listens). */
  webhookUrl: () => string;
};

/**
 * Starts the fake Stripe for the demo's test checkout and returns the `services.stripe` that
 * points the real `stripe` SDK (and so the real `@remit/adapter-stripe`) at it, as the adapter's
 * own tests do. Each Checkout Session's `url` is the example's test-checkout page.
 */
export async function startTestCheckout(options: {
  /** The example's public URL, read when a session is made (port 0 is known only once listening). */
  publicUrl: () => string;
  /** The example's own URL, read when events are delivered. */
  serverUrl: () => string;
}): Promise<{ testCheckout: TestCheckout; stripe: NonNullable<ExampleServices["stripe"]> }> {
  const fake = await startFakeStripeApi({
    checkoutPageUrl: (sessionId) => `${options.publicUrl()}${testCheckoutPath}/${sessionId}`,
  });
  // Objects and events carry the real time, as Remit's clock does.
  fake.state.now = Math.floor(Date.now() / 1000);
  const webhookSecret = `whsec_test_checkout_${randomBytes(24).toString("hex")}`;
  return {
    testCheckout: {
      fake,
      webhookSecret,
      webhookUrl: () => `${options.serverUrl()}/webhooks/stripe`,
    },
    stripe: { client: fake.client(), webhookSecret },
  };
}
