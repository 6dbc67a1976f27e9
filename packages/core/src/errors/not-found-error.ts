import { RemitError } from "./remit-error";

const marker = Symbol.for("remit.error.NotFoundError");

/**
 * The record does not exist for this tenant (another tenant's record is never found either).
 * @group Errors
 */
export class NotFoundError extends RemitError {
  readonly [marker] = true;
  readonly resource: string;
  readonly id: string;

  constructor(options: { resource: string; id: string }) {
    super({ code: "not_found", message: `No ${options.resource} "${options.id}" in this tenant` });
    this.name = "NotFoundError";
    this.resource = options.resource;
    this.id = options.id;
  }

  /** True for this class and its subclasses, even from another installed copy of @remit/core. */
  static override isInstance(error: unknown): error is NotFoundError {
    return RemitError.hasMarker(error, marker);
  }
}
