import { RemitError } from "./remit-error";

const marker = Symbol.for("remit.error.IdempotencyError");

/**
 * An idempotency key was reused with different arguments. Use a new key for a new request.
 * @group Errors
 */
export class IdempotencyError extends RemitError {
  readonly [marker] = true;
  readonly idempotencyKey: string;

  constructor(options: { idempotencyKey: string }) {
    super({
      code: "idempotency_conflict",
      message: `Idempotency key "${options.idempotencyKey}" was already used with other arguments`,
    });
    this.name = "IdempotencyError";
    this.idempotencyKey = options.idempotencyKey;
  }

  /** True for this class and its subclasses, even from another installed copy of @remit/core. */
  static override isInstance(error: unknown): error is IdempotencyError {
    return RemitError.hasMarker(error, marker);
  }
}
