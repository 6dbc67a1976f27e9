import { parseWithSchema } from "@remit/core";
import { saveStripeAccount } from "../remit-access";
import { callStripe } from "../to-provider-error";
import { accountSchema } from "./webhook-objects";
import { settle, step, tenantOf, type WebhookScope, type WebhookStep } from "./webhook-scope";

/**
 * `account.updated`: stores whether the tenant's connected account can take charges. The account
 * is read again from Stripe, so an older event arriving late cannot undo a newer one.
 */
export async function syncAccountFromEvent(
  scope: WebhookScope,
  object: unknown,
): Promise<WebhookStep> {
  const account = parseWithSchema(accountSchema, object, { pathPrefix: "event.data.object" });
  const tenant = await tenantOf(scope, account.metadata);
  if (!tenant) return step("ignored", null, `account ${account.id} is not a Remit tenant's`);
  if (tenant.accountId !== account.id) {
    return step("ignored", null, `account ${account.id} is not the tenant's connected account`);
  }
  return settle(null, async () => {
    const fresh = await callStripe(() => scope.config.stripe.accounts.retrieve(account.id));
    const before = tenant.tenant.paymentAccounts.stripe;
    const saved = await saveStripeAccount(scope.remit, tenant.context, tenant.tenant, {
      accountId: fresh.id,
      chargesEnabled: fresh.charges_enabled === true,
      detailsSubmitted: fresh.details_submitted === true,
    });
    const after = saved.paymentAccounts.stripe;
    const changed =
      before?.chargesEnabled !== after?.chargesEnabled ||
      before?.detailsSubmitted !== after?.detailsSubmitted;
    return step(
      changed ? "recorded" : "duplicate",
      null,
      `account ${fresh.id}: charges ${after?.chargesEnabled ? "enabled" : "disabled"}, details ${after?.detailsSubmitted ? "submitted" : "missing"}`,
    );
  });
}
