import { RemitError } from "./remit-error";

const marker = Symbol.for("remit.error.ValidationError");

/**
 * One problem with an input, at a path written as in the docs: `lines[0].quantity`.
 * @group Errors
 */
export type ValidationIssue = { path: string; message: string };

/**
 * An input was refused; nothing was changed. `path` names the first problem in document order and
 * `issues` lists every problem found, so a form can mark all of its bad fields at once.
 * @group Errors
 */
export class ValidationError extends RemitError {
  readonly [marker] = true;
  readonly path: string;
  readonly issues: readonly ValidationIssue[];

  constructor(options: { issues: readonly ValidationIssue[]; cause?: unknown }) {
    const [first] = options.issues;
    if (!first) throw new TypeError("ValidationError needs at least one issue");
    const more = options.issues.length > 1 ? ` (and ${options.issues.length - 1} more)` : "";
    super({
      code: "validation_error",
      message: `Invalid ${first.path || "input"}: ${first.message}${more}`,
      cause: options.cause,
    });
    this.name = "ValidationError";
    this.path = first.path;
    this.issues = options.issues;
  }

  /** True for this class and its subclasses, even from another installed copy of @remit/core. */
  static override isInstance(error: unknown): error is ValidationError {
    return RemitError.hasMarker(error, marker);
  }
}
