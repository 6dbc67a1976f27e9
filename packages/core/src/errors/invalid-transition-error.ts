import { RemitError } from "./remit-error";

/** The move is not allowed from the record's current status; nothing was changed. */
export class InvalidTransitionError extends RemitError {
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
}
