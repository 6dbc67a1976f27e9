import type { MiddlewareHandler } from "hono";
import { httpProblem } from "./problem-details";

/** `pay.example.com`, `127.0.0.1`, `[::1]`: a Host header's name, lower case, without its port. */
export function hostnameOf(host: string): string {
  const name = host.trim().toLowerCase();
  if (name.startsWith("[")) return name.slice(0, name.indexOf("]") + 1);
  return name.replace(/:\d*$/, "").replace(/\.$/, "");
}

/**
 * Answers `421 misdirected_request` to a request whose `Host` is not one of `hosts` (names such
 * as `pay.example.com` or `127.0.0.1`, any port): a page of another site whose name was pointed at
 * this server (DNS rebinding) reaches nothing. A request with no `Host` is refused as well.
 *
 * @example
 * ```ts
 * app.use("*", hostAllowList(["pay.example.com", "localhost", "127.0.0.1"]));
 * ```
 */
export function hostAllowList(hosts: readonly string[]): MiddlewareHandler {
  const allowed = new Set(hosts.map(hostnameOf));
  return async (context, next) => {
    const host = context.req.header("host") ?? new URL(context.req.url).host;
    if (!allowed.has(hostnameOf(host))) {
      return httpProblem(421, "This server does not answer for that host name");
    }
    await next();
  };
}
