import type { MessageAbout } from "./message-about";

/**
 * The email port: sends one rendered message. Implemented by `@remit/adapter-email` (SMTP through
 * nodemailer); called only by the outbox worker.
 *
 * @since 0.1.0
 * @group Ports
 */
export type EmailSender = {
  readonly specificationVersion: "v1";
  /**
   * Sends the message. Resolves with the provider's message id once the provider accepted it
   * (Remit marks the delivery `sent`; email goes no further). Throws `ProviderError`: retryable
   * for a temporary refusal (the worker tries again later), not retryable for a permanent one
   * (the delivery becomes `failed`). Retryable says the provider did not take the message, as far
   * as the adapter can tell (a timeout is a judgment call each adapter documents). Any other
   * error (not a Remit error) leaves the outcome unknown: the delivery becomes `failed` with
   * reason `outcome_unknown` and is not sent again.
   */
  send(message: EmailMessage): Promise<{ providerMessageId: string }>;
};

/** @group Ports */
export type EmailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Set by Remit to the delivery id, for providers and logs that deduplicate. */
  idempotencyKey: string;
  attachments?: { filename: string; contentType: string; content: Uint8Array }[];
  /**
   * What the message is about, as it was rendered: for adapters that add to it (an invoice PDF)
   * or route by tenant. Set by Remit's outbox worker.
   *
   * @since 0.1.0
   */
  about?: MessageAbout;
};
