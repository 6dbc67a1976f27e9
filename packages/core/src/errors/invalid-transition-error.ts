import { RemitError } from "./remit-error";

const marker = Symbol.for("remit.error.InvalidTransitionError");

/**
 * The move is not allowed from the record's current status; nothing was changed.
 * @group Errors
 */
export class InvalidTransitionError extends RemitError {
  readonly [marker] = true;
  readonly status: string;
  readonly move: string;

  constructor(options: { status: string; move: string; reason?: string }) {
    const why = options.reason ? `: ${options.reason}` : "";
    super({
      code: "invalid_transition",
      message: `Cannot ${options.move} a record that is ${options.status}${why}`,
    });
    this.name = "InvalidTransitionError";
    this.status = options.status;
    this.move = options.move;
  }

  /** True for this class and its subclasses, even from another installed copy of @remit/core. */
  static override isInstance(error: unknown): error is InvalidTransitionError {
    return RemitError.hasMarker(error, marker);
  }
}
