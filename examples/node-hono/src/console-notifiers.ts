import type { EmailSender, SmsSender } from "@remit/core";

let counter = 0;

/** Email and SMS "senders" that print to the console: the example's default with no SMTP or Twilio set. */
export function createConsoleNotifiers(log: (line: string) => void = console.log): {
  email: EmailSender;
  sms: SmsSender;
} {
  return {
    email: {
      specificationVersion: "v1",
      async send(message) {
        log(`[email] to ${message.to}: ${message.subject}\n${message.text}\n`);
        return { providerMessageId: `console-email-${++counter}` };
      },
    },
    sms: {
      specificationVersion: "v1",
      async send(message) {
        log(`[sms] to ${message.to}: ${message.body}\n`);
        return { providerMessageId: `console-sms-${++counter}`, status: "sent" };
      },
    },
  };
}
