import { type Tenant, ValidationError } from "@remit/core";
import { stripeAccountOf } from "./remit-access";

/**
 * The tenant's connected account, when it can take a charge now: connected, not disconnected by
 * its owner, onboarding done. Otherwise a `ValidationError` that says what to do. Invoice and
 * deposit checkouts both charge on it.
 */
export function chargingAccountOf(tenant: Tenant) {
  const account = stripeAccountOf(tenant);
  if (account?.disconnectedAt !== undefined) {
    throw new ValidationError({
      issues: [
        {
          path: "tenant.paymentAccounts.stripe",
          message: `the Stripe account ${account.accountId} was disconnected by its owner on ${account.disconnectedAt}: it takes no payments through the platform`,
        },
      ],
    });
  }
  if (!account?.chargesEnabled) {
    throw new ValidationError({
      issues: [
        {
          path: "tenant.paymentAccounts.stripe",
          message: account
            ? "the connected Stripe account cannot take charges yet: finish onboarding (createAccountLink)"
            : "the tenant has no connected Stripe account: call connectAccount first",
        },
      ],
    });
  }
  return account;
}
