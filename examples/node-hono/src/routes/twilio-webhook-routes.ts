import { handleTwilioStatusCallback } from "@remit/adapter-twilio";
import { type Remit, RemitError } from "@remit/core";
import { Hono } from "hono";
import { z } from "zod";

/** Where `createNotifiers` asks Twilio to post a tenant's message statuses. */
export function twilioStatusCallbackUrl(publicUrl: string, tenantId: string): string {
  return `${publicUrl}/webhooks/twilio/status?tenant=${encodeURIComponent(tenantId)}`;
}

const querySchema = z.object({ tenant: z.string().regex(/^[\w.:-]{1,64}$/) });

/**
 * `POST /webhooks/twilio/status?tenant=…`: Twilio's message status callbacks move deliveries
 * through `handleTwilioStatusCallback`. The tenant comes from the query string, which Twilio's
 * signature covers (it signs the whole URL), so it cannot be changed without failing the check.
 *
 * The check needs the URL exactly as Twilio called it: `publicUrl` (the `PUBLIC_URL` a proxy in
 * front of the app answers at), else the URL this server saw.
 *
 * - 204 once handled, also for a message Remit did not send.
 * - 400 for a bad signature or a missing or malformed `tenant`: nothing changed.
 * - 503 when the store is down.
 */
export function twilioWebhookRoutes(
  remit: Remit,
  options: { authToken: string; publicUrl?: string | undefined },
) {
  const routes = new Hono();
  routes.post("/status", async (context) => {
    const query = querySchema.safeParse(context.req.query());
    if (!query.success) {
      return context.json(
        { error: { code: "validation_error", message: "tenant must be a tenant id" } },
        400,
      );
    }
    const seen = new URL(context.req.url);
    const url = `${options.publicUrl ?? seen.origin}${seen.pathname}${seen.search}`;
    const body = await context.req.parseBody({ all: true });
    const params = Object.fromEntries(
      Object.entries(body).filter(
        (entry): entry is [string, string | string[]] =>
          typeof entry[1] === "string" ||
          (Array.isArray(entry[1]) && entry[1].every((value) => typeof value === "string")),
      ),
    );
    try {
      await handleTwilioStatusCallback(remit, {
        tenantId: query.data.tenant,
        url,
        params,
        signature: context.req.header("x-twilio-signature"),
        authToken: options.authToken,
      });
      return context.body(null, 204);
    } catch (error) {
      if (!RemitError.isInstance(error)) throw error;
      const status =
        error.code === "invalid_signature" || error.code === "validation_error"
          ? 400
          : error.retryable
            ? 503
            : 500;
      if (status >= 500) console.error("[twilio status callback]", error);
      return context.json({ error: { code: error.code, message: error.message } }, status);
    }
  });
  return routes;
}
