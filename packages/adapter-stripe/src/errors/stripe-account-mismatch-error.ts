import { ValidationError } from "@remit/core";

const marker = Symbol.for("remit.error.StripeAccountMismatchError");

/**
 * A verified Stripe event names a tenant (in its metadata) but comes from a connected account that
 * is not that tenant's: a contractor's own account cannot pay, refund or onboard another tenant.
 * Nothing was changed. Its `code` is `validation_error` (answer 400, and look into it: it means a
 * misconfigured endpoint or someone probing).
 * @group Webhooks
 */
export class StripeAccountMismatchError extends ValidationError {
  readonly [marker] = true;
  readonly eventId: string;
  readonly tenantId: string;
  /** The event's `account` (`null` for a platform event). */
  readonly account: string | null;
  /** The tenant's connected account, or `null` if it has none. */
  readonly expectedAccount: string | null;

  constructor(options: {
    eventId: string;
    tenantId: string;
    account: string | null;
    expectedAccount: string | null;
  }) {
    super({
      issues: [
        {
          path: "account",
          message: `event ${options.eventId} comes from ${options.account ?? "the platform account"}, not from tenant ${options.tenantId}'s connected account (${options.expectedAccount ?? "none"})`,
        },
      ],
    });
    this.name = "StripeAccountMismatchError";
    this.eventId = options.eventId;
    this.tenantId = options.tenantId;
    this.account = options.account;
    this.expectedAccount = options.expectedAccount;
  }

  /** True for this error, even one thrown by another installed copy of the package. */
  static override isInstance(error: unknown): error is StripeAccountMismatchError {
    return ValidationError.hasMarker(error, marker);
  }
}
