import { describePaymentProviderConformance } from "@remit/testing";
import { fromStripeAmount } from "../src/index";
import { createStripeTest } from "./support/stripe-test-harness";

// The payment port's conformance suite, on the real `stripe` SDK against the fake Stripe: money
// arrives through Checkout and its webhooks, and the probe reads refunds from the fake's state.
describePaymentProviderConformance({
  name: "stripe",
  capabilities: { checkout: true, refunds: true },
  async setup() {
    const t = await createStripeTest();
    return {
      remit: t.remit,
      provider: t.payments,
      context: t.ctx,
      customerId: t.customer.id,
      async collect(invoice, amount) {
        const session = await t.checkout(invoice.id, amount);
        await t.deliver(t.fake.pay(session.sessionId));
      },
      probe: {
        async refunds(paymentReference) {
          return [...t.fake.state.refunds.values()]
            .map((entry) => entry.refund)
            .filter((refund) => refund.payment_intent === paymentReference)
            .map((refund) => ({
              amount: fromStripeAmount(refund.amount, refund.currency.toUpperCase()),
            }));
        },
      },
      close: t.close,
    };
  },
});
