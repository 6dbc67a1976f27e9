import type { StripePayments } from "@remit/adapter-stripe";
import type { Remit } from "@remit/core";
import type { FakeStripeApi } from "@remit/testing/fake-stripe";

/**
 * Connects the demo tenant to the fake Stripe with charges enabled, as a contractor who finished
 * Stripe's onboarding, so the hosted page offers the Pay button. The fake lives in memory while
 * the tenant is in the database: an account id kept from an earlier start is made again at the
 * fake under the same id.
 */
export async function connectDemoTenant(options: {
  remit: Remit;
  stripe: StripePayments;
  fake: FakeStripeApi;
  tenantId: string;
}): Promise<void> {
  const { remit, stripe, fake } = options;
  const context = { tenantId: options.tenantId, actor: { type: "system" as const } };
  const tenant = await remit.tenants.get(context);
  const kept = tenant.paymentAccounts.stripe?.accountId;
  if (kept) {
    fake.addAccount(kept, { charges_enabled: true, details_submitted: true });
  } else {
    const { accountId } = await stripe.connectAccount(remit, context, {
      email: tenant.email ?? "office@demo.example",
      country: "US",
      businessName: tenant.name,
    });
    fake.updateAccount(accountId, { charges_enabled: true, details_submitted: true });
  }
  await stripe.syncAccount(remit, context);
  // What onboarding sent (account.updated) is already on the tenant: nothing left to deliver.
  fake.takeEvents();
}
