import { type Context, contextSchema, parseWithSchema, type Remit, type Tenant } from "@remit/core";

/** Reads and checks the `{ tenantId, actor }` context every helper takes. */
export function parseContext(context: unknown): Context {
  return parseWithSchema(contextSchema, context, { pathPrefix: "context" });
}

/** The tenant's Stripe connected account, as Remit stores it, or `undefined`. */
export function stripeAccountOf(tenant: Tenant) {
  return tenant.paymentAccounts.stripe;
}

/** Stores a connected account's id and status on the tenant (other providers' accounts kept). */
export async function saveStripeAccount(
  remit: Remit,
  context: Context,
  tenant: Tenant,
  account: { accountId: string; chargesEnabled: boolean; detailsSubmitted: boolean },
): Promise<Tenant> {
  const current = stripeAccountOf(tenant);
  if (
    current?.accountId === account.accountId &&
    current.chargesEnabled === account.chargesEnabled &&
    current.detailsSubmitted === account.detailsSubmitted
  )
    return tenant;
  return remit.tenants.upsert(context, {
    paymentAccounts: { ...tenant.paymentAccounts, stripe: account },
  });
}

/** The instant of Remit's clock (the Clock port), in milliseconds. */
export function nowOf(remit: Remit): number {
  return Date.parse(remit.clock.now());
}
