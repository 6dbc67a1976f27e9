import type { Context as RemitContext } from "@remit/core";
import type { Authenticate } from "@remit/server";
import type { Context } from "hono";

// The example's "sign-in": it trusts two headers so it can be tried with curl. A real app takes
// the tenant and user from its own session or token, never from the client (see the security
// guide); both the API (`authenticate`) and the back office go through these two functions.

/** Who is calling, from the `x-tenant-id` and `x-user-id` headers, else the demo tenant's user. */
function callerFromHeaders(headers: Headers, defaultTenantId: string): RemitContext {
  return {
    tenantId: headers.get("x-tenant-id") ?? defaultTenantId,
    actor: { type: "user", id: headers.get("x-user-id") ?? "demo-user" },
  };
}

/** `authenticate` for `createRemitHandler`: the API's caller, as the back office sees it. */
export function authenticateFromHeaders(defaultTenantId: string): Authenticate {
  return (request) => callerFromHeaders(request.headers, defaultTenantId);
}

/** The back office's caller. */
export function remitContext(context: Context, defaultTenantId: string): RemitContext {
  return callerFromHeaders(context.req.raw.headers, defaultTenantId);
}
