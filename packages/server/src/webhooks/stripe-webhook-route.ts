import {
  handleStripeWebhook,
  type StripePayments,
  webhookErrorStatus,
} from "@remit/adapter-stripe";
import { type Remit, RemitError } from "@remit/core";
import { Hono } from "hono";
import { newErrorId } from "../http/problem-details";
import type { PartLogger } from "../options/parse-handler-options";

/**
 * `POST /stripe`: Stripe's events (from the platform endpoint and from the Connect endpoint)
 * become Remit moves through `handleStripeWebhook`. Point both endpoints here.
 *
 * - 200 with `{ outcome, steps }` once the event is handled: `recorded`, `duplicate`, `unmatched`
 *   (kept for the tenant to sort out) or `ignored`. Stripe stops sending it.
 * - 400 when the signature does not match (or the body is not Stripe's event), or the event names
 *   an account that is not the invoice's tenant's: nothing changed, and a retry cannot help.
 * - 503 when the store (or Stripe, read back during the event) is down: Stripe sends it again.
 */
export function stripeWebhookRoute(remit: Remit, payments: StripePayments, logError: PartLogger) {
  const routes = new Hono();
  routes.post("/stripe", async (context) => {
    // The signature covers the exact bytes: read the body raw, never parsed and re-serialized.
    const rawBody = Buffer.from(await context.req.arrayBuffer());
    try {
      const result = await handleStripeWebhook(remit, payments, {
        rawBody,
        signature: context.req.header("stripe-signature"),
      });
      return context.json(result, 200);
    } catch (error) {
      const status = webhookErrorStatus(error);
      // Stripe reads only the status; the body is for whoever reads Stripe's delivery log, so a
      // 5xx shows its error id, never the error's own message.
      const code = RemitError.isInstance(error) ? error.code : "internal_error";
      if (status >= 500) {
        const errorId = newErrorId();
        logError(error, errorId, context.req.raw);
        return context.json({ error: { code, message: "Internal error", errorId } }, status as 500);
      }
      const message = RemitError.isInstance(error) ? error.message : "Bad request";
      return context.json({ error: { code, message } }, status as 400);
    }
  });
  return routes;
}
