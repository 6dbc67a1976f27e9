import { createSmtpEmail } from "@remit/adapter-email";
import { createTwilioSms } from "@remit/adapter-twilio";
import type { EmailSender, Invoice, SmsSender } from "@remit/core";
import { createConsoleNotifiers } from "../console-notifiers";
import type { ExampleServices } from "./create-service-clients";

export type CreateNotifiersOptions = Pick<ExampleServices, "twilio" | "smtp"> & {
  /** Where Twilio reports a tenant's message statuses (`/webhooks/twilio/status?tenant=…`). */
  statusCallbackUrl: (tenantId: string) => string;
  /** The invoice's PDF, attached to every email about it. */
  renderPdf: (invoice: Invoice) => Promise<Uint8Array>;
  /** Where the console senders print. */
  log: (line: string) => void;
};

/**
 * Email over SMTP and SMS over Twilio when they are configured; the console senders for whichever
 * is not, so that the demo shows every message either way.
 */
export function createNotifiers(options: CreateNotifiersOptions): {
  email: EmailSender;
  sms: SmsSender;
} {
  const consoleNotifiers = createConsoleNotifiers(options.log);
  const { twilio, smtp } = options;
  return {
    email: smtp
      ? createSmtpEmail({
          transport: smtp.transport,
          from: smtp.from,
          renderPdf: ({ invoice }) => options.renderPdf(invoice),
        })
      : consoleNotifiers.email,
    sms: twilio
      ? createTwilioSms({
          client: twilio.client,
          ...(twilio.from.startsWith("MG")
            ? { messagingServiceSid: twilio.from }
            : { from: twilio.from }),
          statusCallbackUrl: (message) =>
            message.about ? options.statusCallbackUrl(message.about.tenantId) : undefined,
        })
      : consoleNotifiers.sms,
  };
}
