import type { StripePayments } from "@remit/adapter-stripe";
import type { PaymentProvider, Remit } from "@remit/core";
import {
  type ClientKey,
  createRemitHandler,
  createRemitLogger,
  crossSiteRequestGuard,
  type HostedPageCacheOptions,
  hostAllowList,
  problemResponse,
  type RemitLogger,
  scrubLogText,
} from "@remit/server";
import { Hono } from "hono";
import { actorNamesFrom } from "./auth/actor-names";
import { backOfficeAccess } from "./auth/back-office-access";
import { onePerRequest, signedInCaller, testHeaderCaller } from "./auth/caller";
import type { ExampleAuth } from "./auth/create-auth";
import { roleAllows } from "./auth/roles";
import { createTeam } from "./auth/team";
import { backOfficeHeaders } from "./back-office-headers";
import { errorPageResponse, notFoundPageResponse } from "./error-page";
import { backOfficeAssets } from "./routes/back-office-assets";
import { backOfficeRoutes } from "./routes/back-office-routes";
import { signInPages } from "./routes/sign-in-pages";
import { teamPages } from "./routes/team-pages";
import type { TestCheckout } from "./test-checkout/start-test-checkout";
import { testCheckoutRoutes } from "./test-checkout/test-checkout-routes";

/** How the app is wired: the back office's tenant, the Pay button, and the providers' webhooks. */
export type AppOptions = {
  /**
   * Who is calling. `{ auth }` (`createAuth`): people sign in to the back office (better-auth
   * sessions) and programs call the API with API keys (`Authorization: Bearer`). Tests only:
   * `{ testHeaders: tenantId }` takes the tenant, user and role from the `x-tenant-id`,
   * `x-user-id` and `x-role` headers (default: that tenant's owner).
   */
  identity: { auth: ExampleAuth } | { testHeaders: string };
  /** Who the client is for the sign-in and `/i/*` rate limits (default: the socket's address). */
  clientKey?: ClientKey;
  /** Failed sign-ins a client may make in the window before it is answered 429. Default 10 in 15 minutes. */
  signInLimit?: { failures: number; windowSeconds: number };
  /**
   * Stripe (`createStripePayments(...)`): the Pay button's provider unless `checkoutProvider`
   * says otherwise, `POST /webhooks/stripe`, and Connect onboarding in the back office.
   */
  stripe?: StripePayments;
  /** Another provider behind the Pay button (tests pass one written against the port). */
  checkoutProvider?: PaymentProvider;
  /** Twilio's auth token: `POST /webhooks/twilio/status` checks status callbacks with it. */
  twilio?: { authToken: string };
  /**
   * Where the world reaches this server (a function when it is known only once listening).
   * Default `http://localhost`, which is what `app.request(...)` in tests uses.
   */
  publicUrl?: string | (() => string);
  /** The hosted page's cache (see `createRemitHandler`); none when left out. */
  hostedPageCache?: HostedPageCacheOptions;
  /** Where errors are logged, as JSON lines with tokens, emails and phones redacted. Default pino. */
  logger?: RemitLogger;
  /**
   * The host names answered (any other `Host` is 421: DNS rebinding). Default `localhost`,
   * `127.0.0.1`, `[::1]` and the public URL's host; `startServer` adds the address it binds.
   */
  allowedHosts?: string[];
  /** Origins besides the request's own whose pages may post here (the public URL's, behind a proxy). */
  allowedOrigins?: string[];
  /** Origins the back office's forms may lead to besides itself and Stripe's onboarding. */
  formOrigins?: string[];
  /**
   * The demo's test checkout (`startTestCheckout`): `stripe` is then the real adapter on the fake
   * Stripe, and `/test-checkout/*` is its stand-in for Stripe Checkout. Left out, those paths 404.
   */
  testCheckout?: TestCheckout;
};

/** Loopback names: what a browser on this machine sends as `Host`. */
export const loopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

/**
 * The whole example on a Remit service: `@remit/server` (the JSON API under `/api`, the
 * customer's page under `/i`, the webhooks under `/webhooks`, `/openapi.json`) and the example's
 * own back office everywhere else.
 */
export function createApp(remit: Remit, options: AppOptions) {
  const { stripe, twilio, checkoutProvider, identity } = options;
  const resolveCaller = onePerRequest(
    "auth" in identity ? signedInCaller(identity.auth) : testHeaderCaller(identity.testHeaders),
  );
  const publicUrl = options.publicUrl ?? "http://localhost";
  const logger = options.logger ?? createRemitLogger();
  const allowedHosts = options.allowedHosts ?? [
    ...loopbackHosts,
    ...(typeof publicUrl === "string" ? [new URL(publicUrl).hostname] : []),
  ];
  const allowedOrigins = [
    ...(options.allowedOrigins ?? []),
    ...(typeof publicUrl === "string" ? [new URL(publicUrl).origin] : []),
  ];
  const remitHandler = createRemitHandler({
    remit,
    logger,
    payments: {
      ...(stripe ? { stripe } : {}),
      ...(checkoutProvider ? { checkout: checkoutProvider } : {}),
    },
    ...(checkoutProvider ? { checkoutProvider: "checkout" } : {}),
    ...(twilio ? { notifiers: { twilio } } : {}),
    authenticate: async (request) => (await resolveCaller(request))?.context ?? null,
    // The same roles as the back office: a technician's key cannot issue or take money.
    authorize: async (_context, { operation, request }) => {
      const caller = await resolveCaller(request);
      return caller !== undefined && roleAllows(caller.role, operation);
    },
    publicUrl: typeof publicUrl === "string" ? publicUrl : () => publicUrl(),
    ...(options.hostedPageCache ? { hostedPageCache: options.hostedPageCache } : {}),
    allowedHosts,
    allowedOrigins,
    ...(options.clientKey ? { clientKey: options.clientKey } : {}),
  });
  const app = new Hono();
  // Before every route, the back office's forms included: another host name (DNS rebinding) is
  // 421, another site's page changes nothing (403).
  app.use("*", hostAllowList(allowedHosts), crossSiteRequestGuard({ origins: allowedOrigins }));
  app.use("*", backOfficeHeaders(options.formOrigins));
  // The icon and the editor's script, before the door: the sign-in page uses them too.
  app.route("/", backOfficeAssets());
  // The customer's test checkout, before the door: no sign-in, as Stripe Checkout needs none.
  app.route("/", testCheckoutRoutes(options.testCheckout, logger));
  if ("auth" in identity) {
    // Histories name people, not ids: the back office looks them up in better-auth's users.
    const actorNames = actorNamesFrom(identity.auth);
    app.use("*", async (context, next) => {
      context.set("actorNames", actorNames);
      await next();
    });
  }
  // The back office's door: signed in, with a role that allows the page or form.
  app.use("*", backOfficeAccess(resolveCaller));
  app.onError((error, context) =>
    context.req.header("accept")?.includes("text/html")
      ? errorPageResponse(context, error, logger)
      : problemResponse(error, (cause, errorId) =>
          logger.error(
            { err: cause, errorId, part: "app", path: scrubLogText(context.req.path) },
            "unexpected error",
          ),
        ),
  );
  app.route("/", remitHandler.app);
  if ("auth" in identity) {
    app.route(
      "/",
      signInPages(identity.auth, resolveCaller, {
        ...(options.clientKey ? { clientKey: options.clientKey } : {}),
        ...(options.signInLimit ? { signInLimit: options.signInLimit } : {}),
      }),
    );
    app.route("/", teamPages(identity.auth, createTeam(identity.auth)));
  }
  app.route("/", backOfficeRoutes(remit, { stripe, publicUrl }));
  app.notFound((context) => notFoundPageResponse(context));
  return app;
}
