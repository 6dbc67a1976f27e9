import { RemitError } from "./remit-error";

const marker = Symbol.for("remit.error.DeliveryError");

/**
 * A send was refused before anything went out: a channel lacks a contact or the recipient opted out.
 * @group Errors
 */
export class DeliveryError extends RemitError {
  readonly [marker] = true;
  readonly channel: "email" | "sms";

  constructor(options: {
    code: "missing_contact" | "recipient_opted_out";
    channel: "email" | "sms";
    message?: string;
  }) {
    const defaultMessage =
      options.code === "missing_contact"
        ? `The customer has no ${options.channel === "email" ? "email address" : "phone number"} for ${options.channel}`
        : `The recipient has opted out of ${options.channel}`;
    super({ code: options.code, message: options.message ?? defaultMessage });
    this.name = "DeliveryError";
    this.channel = options.channel;
  }

  /** True for this class and its subclasses, even from another installed copy of @remit/core. */
  static override isInstance(error: unknown): error is DeliveryError {
    return RemitError.hasMarker(error, marker);
  }
}
