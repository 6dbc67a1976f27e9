import { type Remit, RemitError } from "@remit/core";
import { Hono } from "hono";
import { z } from "zod";
import { newErrorId } from "../http/problem-details";
import type { PartLogger } from "../options/parse-handler-options";
import type { PublicUrl } from "../options/remit-handler-options";
import { resolvePublicUrl } from "../options/resolve-public-url";

const querySchema = z.object({ tenant: z.string().regex(/^[\w.:-]{1,64}$/) });

// Twilio reads only the status; the body is for whoever reads its request log.
const failure = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status });

/**
 * `POST /twilio/status?tenant=…`: Twilio's message status callbacks move deliveries through
 * `handleTwilioStatusCallback` (from `@remit/adapter-twilio`, loaded only when Twilio is set up,
 * so hosts without Twilio need neither it nor the `twilio` SDK). The tenant comes from the query
 * string, which Twilio's signature covers (it signs the whole URL), so it cannot be changed
 * without failing the check. The check uses the URL as Twilio called it: the public URL, never
 * the request's `Host`.
 *
 * - 204 once handled, also for a message Remit did not send.
 * - 400 for a bad signature or a missing or malformed `tenant`: nothing changed.
 * - 503 when the store is down.
 */
export function twilioWebhookRoute(
  remit: Remit,
  options: { authToken: string; publicUrl: PublicUrl; logError: PartLogger },
) {
  const routes = new Hono();
  routes.post("/twilio/status", async (context) => {
    const query = querySchema.safeParse(context.req.query());
    if (!query.success) return failure(400, "validation_error", "tenant must be a tenant id");
    const tenantId = query.data.tenant;
    const { handleTwilioStatusCallback } = await import("@remit/adapter-twilio");
    // A per-tenant public URL needs the tenant's settings; a fixed one needs no read.
    const publicUrl =
      typeof options.publicUrl === "string"
        ? options.publicUrl
        : resolvePublicUrl(
            options.publicUrl,
            await remit.tenants.get({ tenantId, actor: { type: "system" } }),
          );
    const seen = new URL(context.req.url);
    const url = `${new URL(publicUrl).origin}${seen.pathname}${seen.search}`;
    // A malformed form (a multipart body without its boundary, say) is the sender's mistake.
    const body = await context.req.parseBody({ all: true }).catch(() => undefined);
    if (!body) return failure(400, "validation_error", "the body must be a form");
    const params = Object.fromEntries(
      Object.entries(body).filter(
        (entry): entry is [string, string | string[]] =>
          typeof entry[1] === "string" ||
          (Array.isArray(entry[1]) && entry[1].every((value) => typeof value === "string")),
      ),
    );
    try {
      await handleTwilioStatusCallback(remit, {
        tenantId,
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
      if (status < 500) return failure(status, error.code, error.message);
      const errorId = newErrorId();
      options.logError(error, errorId, context.req.raw);
      return Response.json(
        { error: { code: error.code, message: "Internal error", errorId } },
        { status },
      );
    }
  });
  return routes;
}
