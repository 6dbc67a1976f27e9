import { RemitError } from "./remit-error";

const marker = Symbol.for("remit.error.NotSupportedError");

/**
 * The store lacks an optional part that the call needs (a store written before recurring plans);
 * nothing was changed. Upgrade the store adapter.
 * @group Errors
 */
export class NotSupportedError extends RemitError {
  readonly [marker] = true;
  readonly feature: string;

  constructor(options: { feature: string }) {
    super({
      code: "not_supported",
      message: `This store does not support ${options.feature}; upgrade its adapter`,
    });
    this.name = "NotSupportedError";
    this.feature = options.feature;
  }

  /** True for this class and its subclasses, even from another installed copy of @remit/core. */
  static override isInstance(error: unknown): error is NotSupportedError {
    return RemitError.hasMarker(error, marker);
  }
}
