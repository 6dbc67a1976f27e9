import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { isRemitPath } from "./remit-paths";
import { backOfficeStyles } from "./views/layout";

/** Stripe's onboarding, where the Payments page's form leads (a redirect the CSP checks). */
export const stripeConnectOrigin = "https://connect.stripe.com";

/**
 * The back office's security headers: a Content-Security-Policy that allows nothing but its one
 * stylesheet (by hash), its one script file (`'self'`, no inline code) and its fetches to itself (`connect-src`) and forms to itself and Stripe's onboarding (`form-action`), no framing
 * (`frame-ancestors 'none'`, `X-Frame-Options`), `nosniff`, and `Referrer-Policy: same-origin`.
 *
 * @remit/server sets the hosted page's own headers (its styles are the tenant's); the API and the
 * webhooks answer JSON.
 */
export function backOfficeHeaders(formOrigins: readonly string[] = []): MiddlewareHandler {
  const styleHash = `'sha256-${createHash("sha256").update(backOfficeStyles).digest("base64")}'`;
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      styleSrc: [styleHash],
      scriptSrc: ["'self'"],
      // The batch page's script fetches the page again for its progress bar.
      connectSrc: ["'self'"],
      imgSrc: ["'self'", "https:", "data:"],
      formAction: ["'self'", stripeConnectOrigin, ...formOrigins],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
    referrerPolicy: "same-origin",
    xFrameOptions: "DENY",
  });
  return (context, next) => (isRemitPath(context.req.path) ? next() : headers(context, next));
}
