import type { MiddlewareHandler } from "hono";
import { httpProblem } from "./problem-details";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses a state-changing request (any method but GET, HEAD and OPTIONS, whatever its content
 * type) that a browser sent from another site: `403 forbidden` when `Sec-Fetch-Site` is
 * `cross-site` or `same-site`, or `Origin` is neither the request's own origin nor one of
 * `origins`, unless the other header vouches for it. A request with neither header is not a
 * browser's (a provider's webhook, `curl`, a server's fetch) and passes: those carry their own
 * proof (a signature, an API key).
 *
 * Give `origins` the public URL's origin when a proxy in front changes the scheme or host
 * (`https://pay.example.com` reaching `http://127.0.0.1:3000`).
 *
 * @example
 * ```ts
 * app.use("*", crossSiteRequestGuard({ origins: ["https://pay.example.com"] }));
 * ```
 */
export function crossSiteRequestGuard(
  options: { origins?: readonly string[] } = {},
): MiddlewareHandler {
  const origins = new Set(options.origins ?? []);
  return async (context, next) => {
    if (safeMethods.has(context.req.method)) return next();
    const site = context.req.header("sec-fetch-site");
    const origin = context.req.header("origin");
    const sameOrigin =
      origin !== undefined && (origins.has(origin) || origin === new URL(context.req.url).origin);
    // "none" is a request the user made themselves (typed, bookmarked), never a page's.
    const sameSite = site === "same-origin" || site === "none";
    const allowed =
      site === undefined && origin === undefined
        ? true
        : site === undefined
          ? sameOrigin
          : sameSite || sameOrigin;
    if (!allowed) return httpProblem(403, "Cross-site requests may not change anything here");
    await next();
  };
}
