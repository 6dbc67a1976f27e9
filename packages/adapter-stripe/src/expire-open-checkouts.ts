import type { Remit, RemitEvent } from "@remit/core";
import { parseWithSchema } from "@remit/core";
import { z } from "zod";
import { metadataKeys } from "./internal/metadata-keys";
import { parseContext, stripeAccountOf } from "./internal/remit-access";
import type { StripePaymentsConfig } from "./internal/stripe-payments-config";
import { callStripe, toProviderError } from "./internal/to-provider-error";

const expireInputSchema = z.object({ invoiceId: z.string().min(1).max(64) });

/** @group Checkout @interface */
export type ExpireOpenCheckoutsInput = z.input<typeof expireInputSchema>;

/**
 * Expires every open Checkout Session of an invoice on the tenant's connected account, so that a
 * customer cannot pay an old amount after the invoice changed, was cancelled or was paid another
 * way. Sessions are found among the account's open sessions by their metadata. A session that
 * completed meanwhile is left alone. Returns the ids it expired.
 */
export async function expireOpenStripeCheckouts(
  config: StripePaymentsConfig,
  remit: Remit,
  rawContext: unknown,
  rawInput: ExpireOpenCheckoutsInput,
): Promise<{ expired: string[] }> {
  const context = parseContext(rawContext);
  const { invoiceId } = parseWithSchema(expireInputSchema, rawInput);
  const account = stripeAccountOf(await remit.tenants.get(context));
  if (!account) return { expired: [] };
  const options = { stripeAccount: account.accountId };
  const open: string[] = [];
  try {
    for await (const session of config.stripe.checkout.sessions.list(
      { status: "open", limit: 100 },
      options,
    )) {
      if (
        session.metadata?.[metadataKeys.invoiceId] === invoiceId &&
        session.metadata?.[metadataKeys.tenantId] === context.tenantId
      )
        open.push(session.id);
    }
  } catch (error) {
    throw toProviderError(error);
  }
  const expired: string[] = [];
  for (const id of open) {
    try {
      await callStripe(() =>
        config.stripe.checkout.sessions.expire(
          id,
          {},
          { ...options, idempotencyKey: `remit:expire-checkout:${id}` },
        ),
      );
      expired.push(id);
    } catch (error) {
      // Completed (or expired) since it was listed: nothing left to stop.
      const remitError = toProviderError(error);
      if (remitError.retryable) throw remitError;
    }
  }
  return { expired };
}

/**
 * The invoice events after which an open checkout would charge a stale amount.
 * @group Checkout
 */
export const checkoutExpiringEvents = [
  "invoice.updated",
  "invoice.cancelled",
  "invoice.payment_recorded",
] as const;

/**
 * Registers outbox handlers (named `stripe.expire-checkouts.<event>`) that expire an invoice's open
 * Checkout Sessions after it is updated, cancelled or paid (in part or in full). The outbox worker
 * runs them at least once, retrying a failed Stripe call. Returns a function that unregisters them.
 */
export function registerCheckoutExpiry(config: StripePaymentsConfig, remit: Remit): () => void {
  const handle = async (event: RemitEvent) => {
    if (event.subject.type !== "invoice") return;
    await expireOpenStripeCheckouts(
      config,
      remit,
      { tenantId: event.tenantId, actor: { type: "system" } },
      { invoiceId: event.subject.id },
    );
  };
  const unregister = checkoutExpiringEvents.map((type) =>
    remit.events.on(type, handle, { name: `stripe.expire-checkouts.${type}` }),
  );
  return () => {
    for (const off of unregister) off();
  };
}
