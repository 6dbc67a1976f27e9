import type { Context, MiddlewareHandler } from "hono";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { httpProblem } from "./problem-details";

/**
 * Where failures are counted, by client: any limiter of `rate-limiter-flexible`
 * (`RateLimiterMemory`, the default; `RateLimiterRedis` or `RateLimiterPostgres` to share the
 * count between processes), or anything with the same three members.
 */
export type FailureCounter = {
  /** Failures allowed per client in one window. */
  readonly points: number;
  /** The client's count in its current window, or `null` when it has none. */
  get(key: string): Promise<{ consumedPoints: number; msBeforeNext: number } | null>;
  /** Counts one failure of the client (never rejects for being over the limit). */
  penalty(key: string, points?: number): Promise<unknown>;
};

/** Who is asking, for counting: a client address, or `undefined` when it cannot be known. */
export type ClientKey = (context: Context) => string | undefined;

/**
 * Settings of a failure-counting rate limit (`rateLimits.hostedPage` of `createRemitHandler`).
 * `false` turns it off.
 */
export type FailureLimitOptions =
  | false
  | {
      /** Failures a client may make in `windowSeconds` before it is answered 429. Default 20. */
      failures?: number;
      /** The window, in seconds. Default 600 (10 minutes). */
      windowSeconds?: number;
      /** Your own counter (shared between processes); replaces `failures` and `windowSeconds`. */
      counter?: FailureCounter;
    };

/**
 * The client's address as `@hono/node-server` hands it over (`env.incoming.socket`); `undefined`
 * on other runtimes, where `clientKey` must say (behind a proxy: the address it forwards).
 */
export const socketAddressKey: ClientKey = (context) => {
  const env = context.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress;
};

/** The default: 20 failed lookups per client in 10 minutes. */
export const defaultFailureLimit = { failures: 20, windowSeconds: 600 } as const;

/**
 * Counts a client's failures (`isFailure` of the answer, such as a 404 for an unknown token) and,
 * once it has made `failures` of them in the window, answers it `429 too_many_requests` with
 * `Retry-After` until the window ends. Answers that are no failure are never counted, so a busy
 * good link is never throttled; a client that cannot be told apart (`clientKey` gives
 * `undefined`) is not limited, rather than throttling every such client together.
 */
export function failureRateLimit(
  options: Exclude<FailureLimitOptions, false> & {
    clientKey?: ClientKey;
    isFailure: (response: Response) => boolean;
  },
): MiddlewareHandler {
  const counter =
    options.counter ??
    new RateLimiterMemory({
      points: options.failures ?? defaultFailureLimit.failures,
      duration: options.windowSeconds ?? defaultFailureLimit.windowSeconds,
    });
  const clientKey = options.clientKey ?? socketAddressKey;
  return async (context, next) => {
    const key = clientKey(context);
    if (key === undefined) return next();
    const count = await counter.get(key);
    if (count && count.consumedPoints >= counter.points) {
      const retryAfter = Math.max(1, Math.ceil(count.msBeforeNext / 1000));
      return httpProblem(429, "Too many failed attempts: try again later", {
        "retry-after": String(retryAfter),
      });
    }
    await next();
    if (options.isFailure(context.res)) await counter.penalty(key, 1);
  };
}
