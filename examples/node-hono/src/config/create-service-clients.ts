import type { Mailbox, MailTransport } from "@remit/adapter-email";
import type { TwilioMessagesClient } from "@remit/adapter-twilio";
import nodemailer from "nodemailer";
import Stripe from "stripe";
import twilio from "twilio";
import type { ExampleConfig } from "./read-config";

/**
 * The outside services the example talks to, each as the vendor's own client (which the adapters
 * take injected). A missing one falls back to the embedded default: no online payment, email and
 * SMS printed to the console. Tests build these with clients pointed at local fakes.
 */
export type ExampleServices = {
  stripe?: {
    client: Stripe;
    /** The platform endpoint's signing secret. */
    webhookSecret: string;
    /** The Connect endpoint's (events on connected accounts), when it is a separate endpoint. */
    connectWebhookSecret?: string | undefined;
    applicationFeePercent?: string | undefined;
  };
  twilio?: {
    client: TwilioMessagesClient;
    /** Twilio signs status callbacks with it. */
    authToken: string;
    /** An E.164 number or a Messaging Service SID (`MG…`). */
    from: string;
  };
  smtp?: { transport: MailTransport; from: Mailbox };
};

/** The real clients for the services the environment names (see `readConfig`). */
export function createServiceClients(config: ExampleConfig): ExampleServices {
  return {
    ...(config.stripe
      ? {
          stripe: {
            client: new Stripe(config.stripe.secretKey, { maxNetworkRetries: 2 }),
            webhookSecret: config.stripe.webhookSecret,
            connectWebhookSecret: config.stripe.connectWebhookSecret,
            applicationFeePercent: config.stripe.applicationFeePercent,
          },
        }
      : {}),
    ...(config.twilio
      ? {
          twilio: {
            client: twilio(config.twilio.accountSid, config.twilio.authToken),
            authToken: config.twilio.authToken,
            from: config.twilio.from,
          },
        }
      : {}),
    ...(config.smtp
      ? { smtp: { transport: nodemailer.createTransport(config.smtp.url), from: config.smtp.from } }
      : {}),
  };
}
