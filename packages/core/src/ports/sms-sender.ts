import type { MessageAbout } from "./message-about";

/**
 * The SMS port: sends one text. Implemented by `@remit/adapter-twilio`; called only by the outbox
 * worker.
 *
 * @since 0.1.0
 * @group Ports
 */
export type SmsSender = {
  readonly specificationVersion: "v1";
  /**
   * Sends the text to an E.164 number. Resolves with the provider's message id and its first
   * status (`queued`, `sent`). Throws `ProviderError` (retryable or not), or `DeliveryError` with
   * `recipient_opted_out` when the recipient has opted out; Remit keeps that on the customer.
   * Retryable says the provider did not take the message, as far as the adapter can tell. Any
   * other error (not a Remit error) leaves the outcome unknown: the delivery becomes `failed`
   * with reason `outcome_unknown` and is not sent again.
   */
  send(message: SmsMessage): Promise<{ providerMessageId: string; status: "queued" | "sent" }>;
};

/** @group Ports */
export type SmsMessage = {
  to: string;
  body: string;
  /** The delivery id. SMS providers offer no idempotency; Remit claims the delivery first. */
  idempotencyKey: string;
  /**
   * What the message is about (tenant, purpose, invoice), e.g. for a per-tenant status callback
   * URL. Set by Remit's outbox worker.
   *
   * @since 0.1.0
   */
  about?: MessageAbout;
};
