import { type Context, parseWithSchema } from "@remit/core";
import { stripeActor } from "../metadata-keys";
import { rememberDisconnected } from "./webhook-memory";
import { applicationSchema } from "./webhook-objects";
import {
  settle,
  step,
  UnmatchedStripeEvent,
  type WebhookScope,
  type WebhookStep,
} from "./webhook-scope";

/**
 * `account.application.deauthorized`: the owner of a connected account took the platform's access
 * away. The event names the account (`event.account`), not the tenant, so the tenant is found by
 * its account across tenants. Its account is marked disconnected (`disconnectedAt`,
 * `chargesEnabled: false`: no Pay button, no checkout) and `payments.account_disconnected` tells
 * the host app, once; a redelivery is a `duplicate`. An account no tenant holds is unmatched.
 */
export async function disconnectAccountFromEvent(
  scope: WebhookScope,
  object: unknown,
): Promise<WebhookStep> {
  const application = parseWithSchema(applicationSchema, object, {
    pathPrefix: "event.data.object",
  });
  const accountId = scope.event.account;
  if (!accountId) {
    return step("ignored", null, `application ${application.id} deauthorized on no account`);
  }
  const tenant = await scope.remit.tenants.findByPaymentAccount({ provider: "stripe", accountId });
  if (!tenant) throw new UnmatchedStripeEvent(null, `no tenant holds Stripe account ${accountId}`);
  const context: Context = { tenantId: tenant.id, actor: stripeActor };
  rememberDisconnected(scope);
  return settle(null, async () => {
    const { events } = await scope.remit.tenants.disconnectPaymentAccount(context, {
      provider: "stripe",
      accountId,
      // No idempotency key: the move is idempotent itself (an account already disconnected
      // emits nothing), and a replayed result would report the first delivery's events again.
      reason: scope.event.type,
    });
    return events.length > 0
      ? step("recorded", null, `account ${accountId} of tenant "${tenant.id}" disconnected`)
      : step("duplicate", null, `account ${accountId} is disconnected`);
  });
}
