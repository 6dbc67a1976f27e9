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
 * without one, while it streams in: a large body is never held in memory.
 */
export function requestBodyLimit(maxSize: number): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () =>
      httpProblem(413, `The body is larger than this endpoint takes (${maxSize} bytes)`),
  });
}
