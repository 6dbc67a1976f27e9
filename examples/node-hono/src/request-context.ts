import { type Context as RemitContext, ValidationError } from "@remit/core";
import type { Context } from "hono";

/**
 * Who is calling. This example trusts two headers so it can be tried with curl; a real app takes
 * the tenant and user from its own session or token, never from the client.
 */
export function remitContext(context: Context, defaultTenantId: string): RemitContext {
  return {
    tenantId: context.req.header("x-tenant-id") ?? defaultTenantId,
    actor: { type: "user", id: context.req.header("x-user-id") ?? "demo-user" },
  };
}

/** The JSON body, or a validation error at `body` when it is not JSON. */
export async function jsonBody(context: Context): Promise<Record<string, unknown>> {
  try {
    const body = await context.req.json();
    if (typeof body === "object" && body !== null && !Array.isArray(body))
      return body as Record<string, unknown>;
  } catch {
    // fall through to the typed error below
  }
  throw new ValidationError({ issues: [{ path: "body", message: "must be a JSON object" }] });
}
