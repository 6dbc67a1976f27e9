import { RemitError } from "./remit-error";

/** An idempotency key was reused with different arguments. Use a new key for a new request. */
export class IdempotencyError extends RemitError {
  readonly idempotencyKey: string;

  constructor(options: { idempotencyKey: string }) {
    super({
      code: "idempotency_conflict",
      message: `Idempotency key "${options.idempotencyKey}" was already used with other arguments`,
    });
    this.name = "IdempotencyError";
    this.idempotencyKey = options.idempotencyKey;
  }
}
