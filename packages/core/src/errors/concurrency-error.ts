import { RemitError } from "./remit-error";

/**
 * The record changed since the caller read it (`expectedVersion` no longer matches). Read it again,
 * show the user what changed, and retry deliberately; nothing was changed by this call.
 */
export class ConcurrencyError extends RemitError {
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
}
