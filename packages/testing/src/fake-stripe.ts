/**
 * `@remit/testing/fake-stripe`: a small stateful fake of the Stripe API endpoints Remit calls, on
 * 127.0.0.1, for tests that run the real `stripe` SDK without the network, and a helper that
 * signs webhook payloads with the SDK's own `generateTestHeaderString`.
 *
 * Needs the `stripe` package (an optional peer dependency of `@remit/testing`); the main entry
 * `@remit/testing` never loads it.
 *
 * ```ts
 * import { signStripeWebhook, startFakeStripeApi } from "@remit/testing/fake-stripe";
 *
 * const fake = await startFakeStripeApi();
 * const stripe = fake.client(); // or new Stripe(fakeStripeApiKey, fake.clientOptions())
 * // ... run the code under test with `stripe`, then deliver what Stripe would send:
 * for (const event of fake.takeEvents()) {
 *   const { rawBody, signature } = signStripeWebhook(event, { secret: "whsec_test" });
 *   // POST rawBody with `Stripe-Signature: signature` to the webhook handler
 * }
 * await fake.close();
 * ```
 *
 * @module fake-stripe
 */
export type { StripeErrorBody } from "./fakes/stripe/fake-stripe-error";
export type { FakeStripeScenarios } from "./fakes/stripe/fake-stripe-scenarios";
export type { FakeStripeState } from "./fakes/stripe/fake-stripe-state";
export type { FormValue } from "./fakes/stripe/parse-form-body";
export { type SignedStripeWebhook, signStripeWebhook } from "./fakes/stripe/sign-stripe-webhook";
export {
  type FakeStripeApi,
  type FakeStripeApiOptions,
  type FakeStripeFailure,
  type FakeStripeRecordedRequest,
  fakeStripeApiKey,
  startFakeStripeApi,
} from "./fakes/stripe/start-fake-stripe-api";
