/**
 * The SMS port: sends one text. Implemented by `@remit/adapter-twilio`; called only by the outbox
 * worker.
 *
 * @since 0.1.0
 */
export type SmsSender = {
  readonly specificationVersion: "v1";
  /**
   * Sends the text to an E.164 number. Resolves with the provider's message id and its first
   * status (`queued`, `sent`). Throws `ProviderError` (retryable or not), or `DeliveryError` with
   * `recipient_opted_out` when the recipient has opted out; Remit keeps that on the customer.
   */
  send(message: SmsMessage): Promise<{ providerMessageId: string; status: "queued" | "sent" }>;
};

export type SmsMessage = {
  to: string;
  body: string;
  /** The delivery id. SMS providers offer no idempotency; Remit claims the delivery first. */
  idempotencyKey: string;
};
