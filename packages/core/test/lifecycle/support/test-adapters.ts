// Small, real implementations of Remit's ports for tests: they keep what they were asked to do.
// They stand in for SMTP, Twilio and Stripe, which come with their adapter packages.
import Decimal from "decimal.js";
import type {
  EmailMessage,
  EmailSender,
  PaymentProvider,
  Refund,
  SmsMessage,
  SmsSender,
} from "../../../src/index";

/** What a sender does with the next message: accept it, throw, or never answer. */
export type SenderBehaviour =
  | { type: "accept" }
  | { type: "throw"; error: () => unknown }
  | { type: "hang" };

/** An email sender that keeps every message it accepted, and can be told to fail or hang. */
export function createRecordingEmailSender() {
  const sent: EmailMessage[] = [];
  const attempts: EmailMessage[] = [];
  let behaviour: SenderBehaviour = { type: "accept" };
  const sender: EmailSender & {
    sent: EmailMessage[];
    attempts: EmailMessage[];
    behave(next: SenderBehaviour): void;
  } = {
    specificationVersion: "v1",
    sent,
    attempts,
    behave(next) {
      behaviour = next;
    },
    async send(message) {
      attempts.push(message);
      if (behaviour.type === "throw") throw behaviour.error();
      if (behaviour.type === "hang") return new Promise(() => undefined);
      sent.push(message);
      return { providerMessageId: `email_${sent.length}` };
    },
  };
  return sender;
}

/** An SMS sender that keeps every text it accepted (first status `queued`). */
export function createRecordingSmsSender() {
  const sent: SmsMessage[] = [];
  let behaviour: SenderBehaviour = { type: "accept" };
  const sender: SmsSender & { sent: SmsMessage[]; behave(next: SenderBehaviour): void } = {
    specificationVersion: "v1",
    sent,
    behave(next) {
      behaviour = next;
    },
    async send(message) {
      if (behaviour.type === "throw") throw behaviour.error();
      if (behaviour.type === "hang") return new Promise(() => undefined);
      sent.push(message);
      return { providerMessageId: `sms_${sent.length}`, status: "queued" };
    },
  };
  return sender;
}

/** A payment provider that moves refunds itself and answers with a set outcome. */
export function createTestPaymentProvider(name: string) {
  const requests: { refund: Refund; providerPaymentReference: string }[] = [];
  let outcome: "succeeded" | "failed" | "pending" | { error: () => unknown } = "succeeded";
  let step: Decimal | undefined;
  const provider: PaymentProvider & {
    requests: typeof requests;
    answer(next: typeof outcome): void;
    /** From now on refunds only whole multiples of `step` (a decimal amount), as Stripe does. */
    refundInStepsOf(step: string): void;
  } = {
    specificationVersion: "v1",
    name,
    capabilities: { checkout: false, refunds: true },
    requests,
    answer(next) {
      outcome = next;
    },
    refundInStepsOf(next) {
      step = new Decimal(next);
    },
    refundableAmount({ amount, currency }) {
      if (!step) return { refundable: amount, reason: null };
      const refundable = new Decimal(amount).dividedToIntegerBy(step).times(step);
      if (refundable.equals(amount)) return { refundable: amount, reason: null };
      return {
        refundable: refundable.toFixed(new Decimal(amount).decimalPlaces()),
        reason: `${name} refunds ${currency} in multiples of ${step.toFixed()}`,
      };
    },
    async refund(input) {
      requests.push(input);
      if (typeof outcome === "object") throw outcome.error();
      return { providerRefundId: `re_${input.refund.id}`, status: outcome };
    },
  };
  return provider;
}
