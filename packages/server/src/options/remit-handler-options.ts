import type { StripePayments } from "@remit/adapter-stripe";
import type { Context, PaymentProvider, Remit, Tenant } from "@remit/core";
import { z } from "zod";
import type { RemitOperation } from "../api/remit-operations";
import type { HostedPageCacheOptions } from "../hosted/hosted-page-cache";
import type { RemitChangeFeed } from "../hosted/remit-change-feed";
import type { ClientKey, FailureLimitOptions } from "../http/failure-rate-limit";
import type { RemitLogger } from "../logging/create-remit-logger";

/**
 * Who is calling the API, decided by the host app from the request (its session cookie, its
 * bearer token): the tenant whose records to use and the acting user, or `null` when the request
 * is not signed in (answered 401). Remit owns no users.
 */
export type Authenticate = (request: Request) => Context | null | Promise<Context | null>;

/**
 * Whether the signed-in caller may make one operation (`"invoices.issue"`, say); `false` answers
 * 403. Left out, every signed-in caller may make every operation. `request` is the request
 * `authenticate` saw, for what the context does not carry (a role from the same session or key).
 */
export type Authorize = (
  context: Context,
  request: { operation: RemitOperation; request: Request },
) => boolean | Promise<boolean>;

/**
 * Where customers reach this handler: an origin and optional path (`https://pay.example.com`,
 * `https://example.com/billing`), or a function of the tenant for tenants on their own domain.
 * Links on the hosted page, Stripe's return URLs and Twilio's signature check are built from it,
 * never from the request's `Host` header.
 */
export type PublicUrl = string | ((tenant: Tenant) => string);

/** What `createRemitHandler` and each part take. */
export type RemitHandlerOptions = {
  /** The service from `createRemit(...)`. */
  remit: Remit;
  /**
   * The payment providers given to `createRemit`, by name. `stripe` (`createStripePayments`)
   * gets `POST /webhooks/stripe`; the `checkoutProvider` one is behind the hosted page's Pay
   * button.
   */
  payments?: { stripe?: StripePayments; [name: string]: PaymentProvider | undefined };
  /** The provider behind the Pay button, by name in `payments`. Default `"stripe"`. */
  checkoutProvider?: string;
  /**
   * Twilio's auth token, to check the status callbacks `POST /webhooks/twilio/status` receives
   * (needs `@remit/adapter-twilio` and `twilio` installed).
   */
  notifiers?: { twilio?: { authToken: string } };
  /** Without it, the API answers 401 to every request. */
  authenticate?: Authenticate;
  authorize?: Authorize;
  publicUrl: PublicUrl;
  /**
   * Keep rendered hosted pages in memory, by token, so a busy link reads the store once: cleared
   * by every move of the page's tenant in this process, and by `changes` for other processes'
   * moves. Left out, every view reads the store. Give `changes` whenever several processes share
   * the database (`createPostgresChangeFeed` of `@remit/adapter-postgres`).
   *
   * @since 0.2.0
   */
  hostedPageCache?: HostedPageCacheOptions;
  /**
   * Where unexpected errors (the 5xx answers) are reported, with the part that met them
   * (`"api"`, `"hosted page"`, `"stripe webhook"`, `"twilio status callback"`). Default
   * `console.error("[<part>]", error)`.
   */
  logError?: (error: unknown, part: string) => void;
  /**
   * Where Remit writes its log lines (a pino logger, or anything with `error(object, message)`):
   * each 5xx with its error id, part, method and path, hosted-page tokens, emails and phone numbers
   * scrubbed. Default `createRemitLogger()` (pino to stdout, redacting) unless `logError` is given.
   *
   * @since 0.2.0
   */
  logger?: RemitLogger;
  /**
   * The largest request body each part reads, in bytes (larger ones are 413): `api` default 5 MiB
   * (an invoice at its limit of 10,000 lines of about 500 bytes each), `webhooks` 512 KiB, the
   * hosted page 16 KiB.
   *
   * @since 0.2.0
   */
  bodyLimits?: { api?: number; webhooks?: number; hostedPage?: number };
  /**
   * Origins the hosted page's Pay form may lead to besides itself, for its Content-Security-Policy
   * `form-action` (a browser checks the redirect to the checkout against it). Stripe Checkout,
   * `https://checkout.stripe.com`, is always allowed; add a test-mode checkout's origin here.
   *
   * @since 0.2.0
   */
  checkoutOrigins?: string[];
  /**
   * The host names this handler answers for (`pay.example.com`, `127.0.0.1`; any port): a request
   * with another `Host` is `421` (a rebound DNS name reaches nothing). Left out, any `Host` is
   * answered; give it unless a proxy in front already allows only yours.
   *
   * @since 0.2.0
   */
  allowedHosts?: string[];
  /**
   * Origins besides the request's own and the public URL's whose pages may send state-changing
   * requests (every method but GET, HEAD and OPTIONS is refused `403` when a browser sends it from
   * another site; requests with neither `Origin` nor `Sec-Fetch-Site`, as webhooks and servers
   * send them, pass).
   *
   * @since 0.2.0
   */
  allowedOrigins?: string[];
  /**
   * Rate limits that count failures only. `hostedPage`: a client whose lookups of `/i/*` found
   * nothing 20 times in 10 minutes (unknown or revoked tokens) is answered `429` until the window
   * ends; views of a good link are never counted. `false` turns it off.
   *
   * @since 0.2.0
   */
  rateLimits?: { hostedPage?: FailureLimitOptions };
  /**
   * Who the client is, for the rate limits: default the socket's address under
   * `@hono/node-server`; elsewhere, or behind a proxy, return the address your proxy forwards.
   * A request whose client is `undefined` is not limited.
   *
   * @since 0.2.0
   */
  clientKey?: ClientKey;
};

const functionSchema = <Fn>(message: string) =>
  z.custom<Fn>((value) => typeof value === "function", message);

const isRemit = (value: unknown): value is Remit =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as Remit).invoices?.getByPublicToken === "function";

const publicUrlSchema = z.union(
  [
    z
      .url({ protocol: /^https?$/ })
      .refine((url) => !/[?#]/.test(url), "must have no query or fragment"),
    functionSchema<(tenant: Tenant) => string>("must be a function"),
  ],
  {
    error: 'must be an http(s) URL such as "https://pay.example.com", or a function of the tenant',
  },
);

const providerSchema = z.custom<PaymentProvider>(
  (value) =>
    typeof value === "object" &&
    value !== null &&
    typeof (value as PaymentProvider).name === "string",
  "must be a payment provider",
);

/** The options of `createRemitHandler`, checked when the handler is made. */
export const remitHandlerOptionsSchema = z.object({
  remit: z.custom<Remit>(isRemit, "must be the service createRemit returns"),
  payments: z.record(z.string(), providerSchema.optional()).optional(),
  checkoutProvider: z.string().min(1).max(64).optional(),
  notifiers: z.object({ twilio: z.object({ authToken: z.string().min(1) }).optional() }).optional(),
  authenticate: functionSchema<Authenticate>("must be a function of the request").optional(),
  authorize: functionSchema<Authorize>("must be a function").optional(),
  publicUrl: publicUrlSchema,
  logError: functionSchema<(error: unknown, part: string) => void>("must be a function").optional(),
  logger: z
    .custom<RemitLogger>(
      (value) =>
        typeof value === "object" &&
        value !== null &&
        typeof (value as RemitLogger).error === "function",
      "must be a logger with an error(object, message) method, such as pino's",
    )
    .optional(),
  bodyLimits: z
    .object({
      api: z.number().int().min(1_024).optional(),
      webhooks: z.number().int().min(1_024).optional(),
      hostedPage: z.number().int().min(1_024).optional(),
    })
    .optional(),
  checkoutOrigins: z
    .array(
      z
        .url({ protocol: /^https?$/ })
        .refine((url) => new URL(url).origin === url.replace(/\/$/, ""), "must be an origin"),
    )
    .max(20)
    .optional(),
  allowedHosts: z.array(z.string().min(1).max(253)).min(1).max(100).optional(),
  allowedOrigins: z
    .array(
      z
        .url({ protocol: /^https?$/ })
        .refine((url) => new URL(url).origin === url.replace(/\/$/, ""), "must be an origin"),
    )
    .max(100)
    .optional(),
  rateLimits: z
    .object({
      hostedPage: z
        .union([
          z.literal(false),
          z.object({
            failures: z.number().int().min(1).max(1_000_000).optional(),
            windowSeconds: z.number().int().min(1).max(86_400).optional(),
            counter: z
              .custom<Exclude<FailureLimitOptions, false>["counter"]>(
                (value) =>
                  typeof value === "object" &&
                  value !== null &&
                  typeof (value as { penalty?: unknown }).penalty === "function" &&
                  typeof (value as { get?: unknown }).get === "function",
                "must be a limiter of rate-limiter-flexible, or have points, get and penalty",
              )
              .optional(),
          }),
        ])
        .optional(),
    })
    .optional(),
  clientKey: functionSchema<ClientKey>("must be a function of the request's context").optional(),
  hostedPageCache: z
    .object({
      maxEntries: z.number().int().min(1).max(1_000_000).optional(),
      changes: z
        .custom<RemitChangeFeed>(
          (value) =>
            typeof value === "object" &&
            value !== null &&
            typeof (value as RemitChangeFeed).subscribe === "function",
          "must be a change feed, such as createPostgresChangeFeed(...)",
        )
        .optional(),
    })
    .optional(),
});
