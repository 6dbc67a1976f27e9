// The same fakes of Stripe's and Twilio's APIs that prove the adapters, from @remit/testing.
import { startFakeStripeApi as startFakeStripe } from "@remit/testing/fake-stripe";
import {
  fakeTwilioAuthToken as authToken,
  createLoopbackTwilioClient,
  startFakeTwilioApi,
} from "@remit/testing/fake-twilio";
import type Stripe from "stripe";
import { startSmtpSink } from "../../../../packages/adapter-email/test/support/smtp-sink";
import type { ExampleServices } from "../../src/config/create-service-clients";

export const stripePlatformSecret = "whsec_example_platform_secret";
export const stripeConnectSecret = "whsec_example_connect_secret";
export const smsFrom = "+15125550199";

/**
 * Stripe, Twilio and an SMTP server on 127.0.0.1, and the example's `services` pointed at them:
 * the real `stripe` and `twilio` SDKs and a real nodemailer transport, talking to local fakes.
 */
export async function startServiceFakes() {
  const [stripe, twilio, smtp] = await Promise.all([
    startFakeStripe(),
    startFakeTwilioApi(),
    startSmtpSink(),
  ]);
  // Stripe signs webhooks, and times its objects, by the real clock, as the example's Remit does.
  stripe.state.now = Math.floor(Date.now() / 1000);
  const stripeClient = stripe.client();
  const services: ExampleServices = {
    stripe: {
      client: stripeClient,
      webhookSecret: stripePlatformSecret,
      connectWebhookSecret: stripeConnectSecret,
    },
    twilio: { client: createLoopbackTwilioClient(twilio), authToken, from: smsFrom },
    smtp: { transport: smtp.transport(), from: "Reyes Plumbing <billing@reyesplumbing.example>" },
  };

  return {
    stripe,
    twilio,
    smtp,
    services,
    /** An event as Stripe sends it: the JSON body and its `Stripe-Signature` header. */
    signStripeEvent(event: Stripe.Event, secret = stripeConnectSecret) {
      const body = JSON.stringify(event, null, 2);
      const signature = stripeClient.webhooks.generateTestHeaderString({ payload: body, secret });
      return { body, signature };
    },
    async close() {
      await Promise.all([stripe.close(), twilio.close(), smtp.close()]);
    },
  };
}

export type ServiceFakes = Awaited<ReturnType<typeof startServiceFakes>>;
