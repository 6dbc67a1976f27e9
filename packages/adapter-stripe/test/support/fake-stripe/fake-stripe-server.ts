// The fake Stripe API now lives in `@remit/testing/fake-stripe`: import it from there. This file
// stays only because examples/node-hono's tests import this path; delete it once they import
// `@remit/testing/fake-stripe` instead.
export {
  type FakeStripeApi as FakeStripeServer,
  type FakeStripeFailure as InjectedFailure,
  type FakeStripeRecordedRequest as RecordedRequest,
  startFakeStripeApi as startFakeStripe,
} from "@remit/testing/fake-stripe";
