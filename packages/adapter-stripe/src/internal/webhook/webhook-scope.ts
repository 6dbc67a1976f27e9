import {
  type Context,
  IdempotencyError,
  type InvoiceDetails,
  NotFoundError,
  parseWithSchema,
  type Remit,
  RemitError,
  type Tenant,
} from "@remit/core";
import { StripeAccountMismatchError } from "../../errors/stripe-account-mismatch-error";
import { metadataKeys, stripeActor } from "../metadata-keys";
import type { StripePaymentsConfig } from "../stripe-payments-config";
import { callStripe, isResourceMissing } from "../to-provider-error";
import { accountKey, memoryOf, rememberIntent } from "./webhook-memory";
import {
  type PaymentIntentShape,
  paymentIntentSchema,
  type StripeEventShape,
} from "./webhook-objects";

/**
 * What one event (or one refund of a `charge.refunded`) came to.
 * @group Errors and amounts
 */
export type WebhookStep = {
  outcome: "recorded" | "duplicate" | "unmatched" | "ignored";
  invoiceId: string | null;
  /** Why, in a few words: what was recorded, or why nothing was. */
  detail: string;
};

/** The reason a disconnected tenant's events are unmatched with (settled in issue 14). */
export const accountDisconnectedReason = "account disconnected";

/**
 * Thrown by {@link tenantOf} for an event that names a tenant Remit has never saved:
 * `handleStripeWebhook` answers it as `unmatched` (2xx) and writes nothing to any tenant.
 */
export class UnmatchedStripeEvent extends Error {
  constructor(
    readonly tenantId: string | null,
    readonly reason: string,
  ) {
    super(reason);
    this.name = "UnmatchedStripeEvent";
  }
}

/** One verified event being handled. */
export type WebhookScope = {
  remit: Remit;
  config: StripePaymentsConfig;
  event: StripeEventShape;
};

/** The tenant an event belongs to, once its account was checked. */
export type TenantScope = {
  tenantId: string;
  context: Context;
  tenant: Tenant;
  accountId: string;
};

export function step(
  outcome: WebhookStep["outcome"],
  invoiceId: string | null,
  detail: string,
): WebhookStep {
  return { outcome, invoiceId, detail };
}

/**
 * The tenant named in a Stripe object's metadata, after checking that the event comes from that
 * tenant's connected account (throws `StripeAccountMismatchError` otherwise). `undefined` when the
 * object carries no Remit tenant: not Remit's payment. A tenant Remit never saved, or one whose
 * account was disconnected (`account.application.deauthorized`), throws {@link UnmatchedStripeEvent}.
 */
export async function tenantOf(
  scope: WebhookScope,
  metadata: Record<string, string> | null | undefined,
): Promise<TenantScope | undefined> {
  const tenantId = metadata?.[metadataKeys.tenantId];
  if (!tenantId || tenantId.length > 64) return undefined;
  const context: Context = { tenantId, actor: stripeActor };
  const tenant = await scope.remit.tenants.get(context);
  // `tenants.get` answers defaults for any id; a tenant exists once its settings were saved.
  if (tenant.version === 0)
    throw new UnmatchedStripeEvent(tenantId, `unknown tenant "${tenantId}"`);
  const connected = tenant.paymentAccounts.stripe;
  const expected = connected?.accountId ?? null;
  // Its owner took the platform's access away: nothing of it is Remit's to record any more.
  if (connected?.disconnectedAt !== undefined && scope.event.account === expected) {
    throw new UnmatchedStripeEvent(tenantId, accountDisconnectedReason);
  }
  if (expected === null || scope.event.account !== expected) {
    throw new StripeAccountMismatchError({
      eventId: scope.event.id,
      tenantId,
      account: scope.event.account ?? null,
      expectedAccount: expected,
    });
  }
  return { tenantId, context, tenant, accountId: expected };
}

/**
 * Runs a Remit move for a webhook. A refusal that no retry can change (an invoice in the wrong
 * status, an amount over what is refundable) becomes an `ignored` step with its reason, so Stripe
 * stops resending; a repeat with other arguments is a `duplicate`; a retryable failure (the store
 * is down) is thrown so the endpoint answers 5xx and Stripe resends.
 */
export async function settle(
  invoiceId: string | null,
  move: () => Promise<WebhookStep>,
): Promise<WebhookStep> {
  try {
    return await move();
  } catch (error) {
    if (StripeAccountMismatchError.isInstance(error)) throw error;
    if (error instanceof IdempotencyError) return step("duplicate", invoiceId, error.message);
    if (RemitError.isInstance(error) && !error.retryable) {
      return step("ignored", invoiceId, `${error.code}: ${error.message}`);
    }
    throw error;
  }
}

/** The invoice with its payments and refunds, or `null` if the tenant has no such invoice. */
export async function invoiceDetails(
  tenant: TenantScope,
  remit: Remit,
  invoiceId: string,
): Promise<InvoiceDetails | null> {
  try {
    return await remit.invoices.get(tenant.context, { id: invoiceId });
  } catch (error) {
    if (
      error instanceof NotFoundError ||
      (RemitError.isInstance(error) && error.code === "not_found")
    )
      return null;
    throw error;
  }
}

/**
 * Reads a PaymentIntent from the connected account the event came from (refund and dispute events
 * carry no invoice metadata of their own). `null` if Stripe has no such PaymentIntent there
 * (`resource_missing`); any other failure is thrown, so the endpoint answers 5xx and Stripe resends.
 */
export async function retrievePaymentIntent(
  scope: WebhookScope,
  id: string,
): Promise<PaymentIntentShape | null> {
  const account = scope.event.account;
  if (!account) return null;
  // A succeeded one is final: the events of its refunds and disputes need not ask again.
  const known = memoryOf(scope).intents.get(accountKey(scope, id));
  if (known) return known;
  try {
    const intent = await callStripe(() =>
      scope.config.stripe.paymentIntents.retrieve(id, {}, { stripeAccount: account }),
    );
    const parsed = parseWithSchema(paymentIntentSchema, intent, { pathPrefix: "paymentIntent" });
    rememberIntent(scope, parsed);
    return parsed;
  } catch (error) {
    if (isResourceMissing(error)) return null;
    throw error;
  }
}
