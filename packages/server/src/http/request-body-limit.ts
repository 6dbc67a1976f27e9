import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { httpProblem } from "./problem-details";

/** The largest body each part reads by default, in bytes. */
export const defaultBodyLimits = {
  /** An invoice at its limit: 10,000 lines of about 500 bytes of JSON each. */
  api: 5 * 1024 * 1024,
  /** Stripe's and Twilio's events are a few kilobytes; 512 KiB leaves room for the largest. */
  webhooks: 512 * 1024,
  /** The Pay button's form carries no fields. */
  hostedPage: 16 * 1024,
} as const;

/**
 * Refuses a request body over `maxSize` bytes with 413 problem+json, by its `Content-Length` or,
 * without one, while it streams in: a large body is never held in memory. GET and HEAD pass: no
 * route reads their body.
 */
export function requestBodyLimit(maxSize: number): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize,
    onError: () =>
      httpProblem(413, `The body is larger than this endpoint takes (${maxSize} bytes)`),
  });
  // No route reads the body of a GET or HEAD, so there is nothing to limit. Skipping them matters:
  // the check reads `request.body`, which makes @hono/node-server build a whole fetch Request for
  // each hosted page view (a fifth of a cached view's CPU).
  return (context, next) =>
    context.req.method === "GET" || context.req.method === "HEAD" ? next() : limit(context, next);
}
