import { contextSchema } from "@remit/core";
import type { MiddlewareHandler } from "hono";
import { httpProblem } from "../http/problem-details";
import type { Authenticate, Authorize } from "../options/remit-handler-options";
import type { RemitApiEnvironment } from "./api-environment";
import type { RemitOperation } from "./remit-operations";

/**
 * Asks the host app who is calling. No `authenticate`, or `null` from it, is 401: the API never
 * guesses a tenant. What it returns is checked, so a host's bug cannot act as an unnamed tenant.
 */
export function authenticationMiddleware(
  authenticate: Authenticate | undefined,
): MiddlewareHandler<RemitApiEnvironment> {
  return async (context, next) => {
    const caller = authenticate ? await authenticate(context.req.raw) : null;
    if (caller === null || caller === undefined) {
      return httpProblem(401, "Sign in first: this request carries no credentials the app accepts");
    }
    const checked = contextSchema.safeParse(caller);
    if (!checked.success) {
      throw new Error("authenticate() returned something other than { tenantId, actor } or null", {
        cause: checked.error,
      });
    }
    context.set("remitContext", checked.data);
    await next();
  };
}

/** Asks the host app whether the caller may make this operation; `false` is 403. */
export function authorizationMiddleware(
  authorize: Authorize | undefined,
  operation: RemitOperation,
): MiddlewareHandler<RemitApiEnvironment> {
  return async (context, next) => {
    const request = context.req.raw;
    if (authorize && !(await authorize(context.get("remitContext"), { operation, request }))) {
      return httpProblem(403, `Not allowed: ${operation}`);
    }
    await next();
  };
}
