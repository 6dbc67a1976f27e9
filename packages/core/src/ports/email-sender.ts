/**
 * The email port: sends one rendered message. Implemented by `@remit/adapter-email` (SMTP through
 * nodemailer); called only by the outbox worker.
 *
 * @since 0.1.0
 */
export type EmailSender = {
  readonly specificationVersion: "v1";
  /**
   * Sends the message. Resolves with the provider's message id once the provider accepted it
   * (Remit marks the delivery `sent`; email goes no further). Throws `ProviderError`: retryable
   * for a temporary refusal (the worker tries again later), not retryable for a permanent one
   * (the delivery becomes `failed`).
   */
  send(message: EmailMessage): Promise<{ providerMessageId: string }>;
};

export type EmailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Set by Remit to the delivery id, for providers and logs that deduplicate. */
  idempotencyKey: string;
  attachments?: { filename: string; contentType: string; content: Uint8Array }[];
};
