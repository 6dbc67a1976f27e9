import Stripe from "stripe";

/** A webhook delivery as Stripe makes it: the exact body and its `Stripe-Signature` header. */
export type SignedStripeWebhook = {
  /** The JSON body, byte for byte as it must reach the verifier. */
  rawBody: string;
  /** The `Stripe-Signature` header value (`t=...,v1=...`). */
  signature: string;
};

/**
 * Signs a webhook payload as Stripe signs the deliveries to an endpoint, with the `stripe` SDK's
 * own `webhooks.generateTestHeaderString`, so the real `stripe.webhooks.constructEvent` (and any
 * code built on it) verifies it.
 *
 * An object payload is serialized as Stripe sends events, pretty-printed JSON; a string payload is
 * signed as it is (to test an altered body, change `rawBody` after signing).
 *
 * @param payload - The event (from a fake's scenario or `takeEvents()`), or a raw body.
 * @param options.secret - The endpoint's signing secret (`whsec_...`).
 * @param options.timestamp - The signing time in Unix seconds; now by default. Pass the app's
 *   clock when it is not the real one, or a time outside the tolerance to test a stale delivery.
 *
 * @example
 * ```ts
 * import { signStripeWebhook, startFakeStripeApi } from "@remit/testing/fake-stripe";
 *
 * const fake = await startFakeStripeApi();
 * const [event] = fake.updateAccount(accountId, { charges_enabled: true });
 * const { rawBody, signature } = signStripeWebhook(event, { secret: "whsec_test" });
 * const verified = fake.client().webhooks.constructEvent(rawBody, signature, "whsec_test");
 * ```
 */
export function signStripeWebhook(
  payload: string | object,
  options: { secret: string; timestamp?: number },
): SignedStripeWebhook {
  const rawBody = typeof payload === "string" ? payload : JSON.stringify(payload, null, 2);
  const signature = Stripe.webhooks.generateTestHeaderString({
    payload: rawBody,
    secret: options.secret,
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
  });
  return { rawBody, signature };
}
