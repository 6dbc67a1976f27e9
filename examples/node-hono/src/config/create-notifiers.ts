import { createSmtpEmail } from "@remit/adapter-email";
import { createTwilioSms } from "@remit/adapter-twilio";
import type { CreditNote, EmailSender, Invoice, SmsSender } from "@remit/core";
import { createConsoleNotifiers } from "../console-notifiers";
import type { ExampleServices } from "./create-service-clients";

export type CreateNotifiersOptions = Pick<ExampleServices, "twilio" | "smtp"> & {
  /** Where Twilio reports a tenant's message statuses (`/webhooks/twilio/status?tenant=…`). */
  statusCallbackUrl: (tenantId: string) => string;
  /** The PDF attached to every email: the invoice's, or the credit note's on a credit-note email. */
  renderPdf: (about: {
    invoice: Invoice;
    creditNote?: CreditNote | undefined;
  }) => Promise<Uint8Array>;
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
          renderPdf: ({ invoice, creditNote }) => options.renderPdf({ invoice, creditNote }),
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
