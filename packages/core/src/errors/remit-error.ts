/**
 * The stable codes a Remit error can carry. They never change meaning; new ones may be added.
 * @group Errors
 */
export type RemitErrorCode =
  | "validation_error"
  | "not_found"
  | "invalid_transition"
  | "version_conflict"
  | "idempotency_conflict"
  | "missing_contact"
  | "recipient_opted_out"
  | "provider_error"
  | "store_unavailable"
  | "invalid_signature"
  /** An e-invoice (`@remit/e-invoice`) cannot be made from this invoice: data missing, or math EN 16931 cannot express. */
  | "e_invoice_refused"
  /** The store does not implement what the call needs (an optional collection). @since 0.2.0 */
  | "not_supported"
  /** The connection was lost during commit; retryable only with an idempotency key. */
  | "outcome_unknown"
  /** Internal: a store's answer to core that an idempotency key is taken; never thrown by a Remit call. */
  | "idempotency_key_taken";

// A global symbol, not `instanceof`: two installed copies of @remit/core (a bundler, a monorepo with
// mismatched versions) still recognise each other's errors. Each subclass adds its own
// `Symbol.for("remit.error.<Name>")` beside this one.
const marker = Symbol.for("remit.error");

/**
 * The base of every error Remit throws. Branch on `code`, never on the message.
 *
 * @example
 * ```ts
 * try { calculateInvoice(input) } catch (error) {
 *   if (RemitError.isInstance(error) && error.code === "validation_error") showFormErrors(error);
 * }
 * ```
 * @group Errors
 */
export class RemitError extends Error {
  readonly [marker] = true;
  /** A stable, lower snake case code such as `"validation_error"`. */
  readonly code: RemitErrorCode;
  /** Whether the same call may succeed if tried again later, unchanged. */
  readonly retryable: boolean;

  constructor(options: {
    code: RemitErrorCode;
    message: string;
    retryable?: boolean;
    cause?: unknown;
  }) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "RemitError";
    this.code = options.code;
    this.retryable = options.retryable ?? false;
  }

  /**
   * True for any Remit error, even one thrown by another installed copy of the package. Each
   * subclass has its own `isInstance`, true only for itself and its own subclasses:
   * `ConcurrencyError.isInstance(validationError)` is false.
   */
  static isInstance(error: unknown): error is RemitError {
    return RemitError.hasMarker(error, marker);
  }

  /**
   * Whether `error` carries `classMarker`, a `Symbol.for("remit.error.<Name>")` that a subclass
   * sets as a field. Every subclass declares its own marker and `isInstance` with this, so a
   * subclass that inherited `isInstance` would not answer for its siblings.
   */
  protected static hasMarker(error: unknown, classMarker: symbol): boolean {
    return (
      typeof error === "object" &&
      error !== null &&
      (error as { [key: symbol]: unknown })[classMarker] === true
    );
  }
}
