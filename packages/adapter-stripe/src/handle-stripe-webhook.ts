import {
  parseWithSchema,
  type Remit,
  RemitError,
  ValidationError,
  WebhookSignatureError,
} from "@remit/core";
import type Stripe from "stripe";
import { z } from "zod";
import type { StripePayments } from "./create-stripe-payments";
import { nowOf } from "./internal/remit-access";
import {
  isSupportedStripeApiVersion,
  unsupportedStripeApiVersionMessage,
} from "./internal/stripe-api-version";
import {
  configOf,
  type StripePaymentsConfig,
  type StripeUnmatchedEvent,
} from "./internal/stripe-payments-config";
import { isResourceMissing, toProviderError } from "./internal/to-provider-error";
import { disconnectAccountFromEvent } from "./internal/webhook/disconnect-stripe-account";
import {
  factsOfIntent,
  recordStripePayment,
  reportStripePaymentFailure,
} from "./internal/webhook/record-stripe-payment";
import { applyStripeDispute, applyStripeRefund } from "./internal/webhook/record-stripe-refund";
import { syncAccountFromEvent } from "./internal/webhook/sync-stripe-account";
import {
  chargeSchema,
  checkoutSessionSchema,
  disputeSchema,
  eventSchema,
  idOf,
  paymentIntentSchema,
  refundSchema,
  type StripeEventShape,
} from "./internal/webhook/webhook-objects";
import {
  accountDisconnectedReason,
  retrievePaymentIntent,
  step,
  UnmatchedStripeEvent,
  type WebhookScope,
  type WebhookStep,
} from "./internal/webhook/webhook-scope";

const webhookInputSchema = z.object({
  /** The request body exactly as received (not parsed JSON). */
  rawBody: z.union([z.string().min(1), z.instanceof(Uint8Array)], {
    error: "must be the raw request body (a string or Buffer), not parsed JSON",
  }),
  /** The `Stripe-Signature` header. */
  signature: z.string().max(10_000).nullish(),
});

/** @group Webhooks @interface */
export type StripeWebhookInput = z.input<typeof webhookInputSchema>;

/**
 * What a verified event came to. Answer it with HTTP 200 whatever the outcome: `recorded` and
 * `duplicate` are done, `unmatched` is stored for the tenant to sort out, and `ignored` is an event
 * Remit has nothing to do with (or a move no retry can change; `detail` says which).
 * @group Webhooks
 */
export type StripeWebhookResult = {
  eventId: string;
  eventType: string;
  /** The connected account the event came from, or `null` for the platform's own. */
  account: string | null;
  outcome: WebhookStep["outcome"];
  /** One entry per money movement (a `charge.refunded` can carry several refunds). */
  steps: WebhookStep[];
};

/**
 * The HTTP status a webhook endpoint answers for an error `handleStripeWebhook` threw.
 * @group Webhooks
 */
export function webhookErrorStatus(error: unknown): 400 | 500 | 503 {
  if (!RemitError.isInstance(error)) return 500;
  if (error.code === "invalid_signature" || error.code === "validation_error") return 400;
  return error.retryable ? 503 : 500;
}

function verifyEvent(
  config: StripePaymentsConfig,
  input: z.output<typeof webhookInputSchema>,
  receivedAt: number,
): StripeEventShape {
  if (!input.signature) {
    throw new WebhookSignatureError({ message: "The request has no Stripe-Signature header" });
  }
  let lastFailure: unknown;
  for (const secret of config.webhookSecrets) {
    let event: Stripe.Event;
    try {
      event = config.stripe.webhooks.constructEvent(
        input.rawBody,
        input.signature,
        secret,
        config.webhookToleranceSeconds,
        undefined,
        receivedAt,
      );
    } catch (error) {
      if ((error as { type?: unknown }).type === "StripeSignatureVerificationError") {
        lastFailure = error;
        continue;
      }
      // The signature matched: the body is Stripe's, but not an event this SDK can read.
      throw new ValidationError({
        issues: [{ path: "rawBody", message: "is signed by Stripe but is not a JSON event" }],
        cause: error,
      });
    }
    return parseWithSchema(eventSchema, event, { pathPrefix: "event" });
  }
  throw new WebhookSignatureError({
    message:
      "The Stripe-Signature does not match any webhook secret, or is too old: check the endpoint's signing secret and pass the raw body",
    cause: lastFailure,
  });
}

/**
 * The refunds of a `charge.refunded`'s charge, or `null` when Stripe has no such charge on the
 * account (`resource_missing`, as for a PaymentIntent); any other failure is thrown (5xx).
 */
async function refundsOfCharge(scope: WebhookScope, object: unknown) {
  const charge = parseWithSchema(chargeSchema, object, { pathPrefix: "event.data.object" });
  if (charge.refunds && !charge.refunds.has_more) return charge.refunds.data;
  // API versions since 2022-11-15 leave `refunds` out of the charge: list them.
  const account = scope.event.account;
  if (!account) return [];
  const refunds: Stripe.Refund[] = [];
  try {
    for await (const refund of scope.config.stripe.refunds.list(
      { charge: charge.id, limit: 100 },
      { stripeAccount: account },
    ))
      refunds.push(refund);
  } catch (error) {
    const translated = toProviderError(error);
    if (isResourceMissing(translated)) return null;
    throw translated;
  }
  return refunds.map((refund) => parseWithSchema(refundSchema, refund, { pathPrefix: "refund" }));
}

async function handleEvent(scope: WebhookScope): Promise<WebhookStep[]> {
  const { event } = scope;
  const object = event.data.object;
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded": {
      const session = parseWithSchema(checkoutSessionSchema, object, {
        pathPrefix: "event.data.object",
      });
      const intentId = idOf(session.payment_intent);
      if (session.payment_status !== "paid" || !intentId) {
        return [step("ignored", null, `session ${session.id} is ${session.payment_status}`)];
      }
      return [
        await recordStripePayment(scope, {
          paymentIntentId: intentId,
          chargedMinor: session.amount_total ?? 0,
          currency: session.currency ?? "",
          metadata: session.metadata ?? {},
          paymentMethodTypes: session.payment_method_types,
        }),
      ];
    }
    case "checkout.session.async_payment_failed": {
      const session = parseWithSchema(checkoutSessionSchema, object, {
        pathPrefix: "event.data.object",
      });
      const intentId = idOf(session.payment_intent);
      const intent = intentId ? await retrievePaymentIntent(scope, intentId) : null;
      if (!intent) return [step("ignored", null, `session ${session.id} has no PaymentIntent`)];
      return [await reportStripePaymentFailure(scope, intent)];
    }
    case "payment_intent.succeeded":
      return [
        await recordStripePayment(
          scope,
          factsOfIntent(
            parseWithSchema(paymentIntentSchema, object, { pathPrefix: "event.data.object" }),
          ),
        ),
      ];
    case "payment_intent.payment_failed":
      return [
        await reportStripePaymentFailure(
          scope,
          parseWithSchema(paymentIntentSchema, object, { pathPrefix: "event.data.object" }),
        ),
      ];
    case "charge.refunded": {
      const refunds = await refundsOfCharge(scope, object);
      if (refunds === null)
        return [step("ignored", null, "no charge of this event on the account")];
      const steps: WebhookStep[] = [];
      for (const refund of refunds) steps.push(await applyStripeRefund(scope, refund));
      return steps.length > 0 ? steps : [step("ignored", null, "the charge lists no refunds")];
    }
    // `refund.*` come for every payment method (API versions since 2024-10-28);
    // `charge.refund.updated` only for some. Each carries the refund as it was then.
    case "refund.created":
    case "refund.updated":
    case "refund.failed":
    case "charge.refund.updated":
      return [
        await applyStripeRefund(
          scope,
          parseWithSchema(refundSchema, object, { pathPrefix: "event.data.object" }),
        ),
      ];
    case "charge.dispute.funds_withdrawn":
      return [
        await applyStripeDispute(
          scope,
          parseWithSchema(disputeSchema, object, { pathPrefix: "event.data.object" }),
          "funds_withdrawn",
        ),
      ];
    case "charge.dispute.funds_reinstated":
      return [
        await applyStripeDispute(
          scope,
          parseWithSchema(disputeSchema, object, { pathPrefix: "event.data.object" }),
          "funds_reinstated",
        ),
      ];
    case "account.updated":
      return [await syncAccountFromEvent(scope, object)];
    case "account.application.deauthorized":
      return [await disconnectAccountFromEvent(scope, object)];
    default:
      return [step("ignored", null, `Remit does not handle ${event.type}`)];
  }
}

/**
 * Stripe refused a call made for the event's connected account: the platform may no longer act
 * for it (403, `account_invalid` or a permission error). An authentication error (401, a rolled
 * platform key) is not this: it says nothing about the account.
 */
function isAccountAccessRefusal(error: unknown): boolean {
  if (!RemitError.isInstance(error) || error.code !== "provider_error") return false;
  const cause = error.cause as { statusCode?: unknown; type?: unknown } | undefined;
  return (
    (error as { providerCode?: unknown }).providerCode === "account_invalid" ||
    cause?.statusCode === 403 ||
    cause?.type === "StripePermissionError"
  );
}

/**
 * `handleEvent`, and when Stripe refuses a read for the event's account, whether that account
 * was disconnected (`account.application.deauthorized` recorded before): then the event is
 * unmatched with the reason "account disconnected" (2xx, Stripe stops resending it). For an
 * account still connected the refusal is thrown (5xx), so the event is not lost.
 */
async function handleEventOfConnectedAccount(scope: WebhookScope): Promise<WebhookStep[]> {
  try {
    return await handleEvent(scope);
  } catch (error) {
    const accountId = scope.event.account;
    if (!accountId || !isAccountAccessRefusal(error)) throw error;
    const tenant = await scope.remit.tenants.findByPaymentAccount({
      provider: "stripe",
      accountId,
    });
    if (tenant?.paymentAccounts.stripe?.disconnectedAt === undefined) throw error;
    throw new UnmatchedStripeEvent(tenant.id, accountDisconnectedReason);
  }
}

const outcomeRank: Record<WebhookStep["outcome"], number> = {
  recorded: 3,
  unmatched: 2,
  duplicate: 1,
  ignored: 0,
};

/**
 * Verifies a Stripe webhook and turns its event into Remit moves, idempotently: an event delivered
 * twice, or events of one payment in any order, leave the same records.
 *
 * - The signature is checked with the `stripe` SDK against each webhook secret, at Remit's clock;
 *   a bad or stale one throws `WebhookSignatureError` (answer 400) and changes nothing.
 * - An event about a tenant's invoice from an account that is not that tenant's connected
 *   account throws `StripeAccountMismatchError` (400) and changes nothing.
 * - An event naming a tenant Remit never saved, or of an API version outside
 *   {@link supportedStripeApiVersions}, resolves as `unmatched` (answer 200), writes nothing to any
 *   tenant, is logged, and is passed to the `onUnmatched` option with the reason.
 * - `account.application.deauthorized` marks the tenant's account disconnected and emits
 *   `payments.account_disconnected`; any later event of that account resolves as `unmatched` with
 *   the reason "account disconnected" (answer 200), even when Stripe refuses the reads it needs.
 * - A store or Stripe outage throws a retryable error (answer 5xx: Stripe resends).
 * - Anything else resolves: answer 200. See {@link webhookErrorStatus}.
 *
 * @example
 * ```ts
 * app.post("/webhooks/stripe", async (c) => {
 *   try {
 *     const result = await handleStripeWebhook(remit, payments, {
 *       rawBody: await c.req.text(),
 *       signature: c.req.header("stripe-signature"),
 *     });
 *     return c.json(result, 200);
 *   } catch (error) {
 *     return c.json({ error: String(error) }, webhookErrorStatus(error));
 *   }
 * });
 * ```
 * @group Webhooks
 */
export async function handleStripeWebhook(
  remit: Remit,
  payments: StripePayments,
  rawInput: StripeWebhookInput,
): Promise<StripeWebhookResult> {
  const config = configOf(payments);
  const input = parseWithSchema(webhookInputSchema, rawInput);
  const event = verifyEvent(config, input, nowOf(remit));
  let steps: WebhookStep[];
  try {
    const apiVersion = event.api_version;
    if (typeof apiVersion === "string" && !isSupportedStripeApiVersion(apiVersion)) {
      throw new UnmatchedStripeEvent(null, unsupportedStripeApiVersionMessage(apiVersion));
    }
    steps = await handleEventOfConnectedAccount({ remit, config, event });
  } catch (error) {
    if (!(error instanceof UnmatchedStripeEvent)) throw error;
    const unmatched: StripeUnmatchedEvent = {
      eventId: event.id,
      eventType: event.type,
      account: event.account ?? null,
      tenantId: error.tenantId,
      reason: error.reason,
    };
    config.logger.warn(
      `Stripe event ${event.id} (${event.type}) is unmatched: ${error.reason}`,
      unmatched,
    );
    await config.onUnmatched?.(unmatched);
    steps = [step("unmatched", null, error.reason)];
  }
  const outcome = steps.reduce<WebhookStep["outcome"]>(
    (best, next) => (outcomeRank[next.outcome] > outcomeRank[best] ? next.outcome : best),
    "ignored",
  );
  return {
    eventId: event.id,
    eventType: event.type,
    account: event.account ?? null,
    outcome,
    steps,
  };
}
