import type { StripePayments } from "@remit/adapter-stripe";
import type { PaymentProvider, Remit } from "@remit/core";
import {
  createRemitHandler,
  createRemitLogger,
  type HostedPageCacheOptions,
  problemResponse,
  type RemitLogger,
  scrubLogText,
} from "@remit/server";
import { Hono } from "hono";
import { errorPageResponse } from "./error-page";
import { authenticateFromHeaders } from "./request-context";
import { backOfficeInvoiceForms } from "./routes/back-office-invoice-forms";
import { backOfficeInvoicePages } from "./routes/back-office-invoice-pages";
import { backOfficePaymentSettings } from "./routes/back-office-payment-settings";
import { backOfficeWorkOrderPages } from "./routes/back-office-work-order-pages";

/** How the app is wired: the back office's tenant, the Pay button, and the providers' webhooks. */
export type AppOptions = {
  tenantId: string;
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
};

/**
 * The whole example on a Remit service: `@remit/server` (the JSON API under `/api`, the
 * customer's page under `/i`, the webhooks under `/webhooks`, `/openapi.json`) and the example's
 * own back office everywhere else.
 */
export function createApp(remit: Remit, options: AppOptions) {
  const { tenantId, stripe, twilio, checkoutProvider } = options;
  const publicUrl = options.publicUrl ?? "http://localhost";
  const logger = options.logger ?? createRemitLogger();
  const remitHandler = createRemitHandler({
    remit,
    logger,
    payments: {
      ...(stripe ? { stripe } : {}),
      ...(checkoutProvider ? { checkout: checkoutProvider } : {}),
    },
    ...(checkoutProvider ? { checkoutProvider: "checkout" } : {}),
    ...(twilio ? { notifiers: { twilio } } : {}),
    authenticate: authenticateFromHeaders(tenantId),
    publicUrl: typeof publicUrl === "string" ? publicUrl : () => publicUrl(),
    ...(options.hostedPageCache ? { hostedPageCache: options.hostedPageCache } : {}),
  });
  const app = new Hono();
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
  app.route("/", backOfficeInvoicePages(remit, tenantId));
  app.route("/", backOfficeInvoiceForms(remit, tenantId));
  app.route("/", backOfficeWorkOrderPages(remit, tenantId));
  app.route("/", backOfficePaymentSettings(remit, { tenantId, stripe, publicUrl }));
  return app;
}
