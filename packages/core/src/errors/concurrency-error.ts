import { RemitError } from "./remit-error";

const marker = Symbol.for("remit.error.ConcurrencyError");

/**
 * The record changed since the caller read it (`expectedVersion` no longer matches). Read it again,
 * show the user what changed, and retry deliberately; nothing was changed by this call.
 * @group Errors
 */
export class ConcurrencyError extends RemitError {
  readonly [marker] = true;
  readonly expectedVersion: number;
  readonly actualVersion: number;

  constructor(options: { expectedVersion: number; actualVersion: number }) {
    super({
      code: "version_conflict",
      message: `Expected version ${options.expectedVersion}, but the record is at version ${options.actualVersion}; reload it and try again`,
    });
    this.name = "ConcurrencyError";
    this.expectedVersion = options.expectedVersion;
    this.actualVersion = options.actualVersion;
  }

  /** True for this class and its subclasses, even from another installed copy of @remit/core. */
  static override isInstance(error: unknown): error is ConcurrencyError {
    return RemitError.hasMarker(error, marker);
  }
}
