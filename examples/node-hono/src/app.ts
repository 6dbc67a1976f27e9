import type { StripePayments } from "@remit/adapter-stripe";
import type { Remit } from "@remit/core";
import { Hono } from "hono";
import { errorPageResponse } from "./error-page";
import { problemResponse } from "./problem-details";
import { backOfficeInvoiceForms } from "./routes/back-office-invoice-forms";
import { backOfficeInvoicePages } from "./routes/back-office-invoice-pages";
import { backOfficePaymentSettings } from "./routes/back-office-payment-settings";
import { backOfficeWorkOrderPages } from "./routes/back-office-work-order-pages";
import { customerRoutes } from "./routes/customer-routes";
import { type HostedInvoiceOptions, hostedInvoiceRoutes } from "./routes/hosted-invoice-routes";
import { invoiceRoutes } from "./routes/invoice-routes";
import { quoteRoutes } from "./routes/quote-routes";
import { stripeWebhookRoutes } from "./routes/stripe-webhook-routes";
import { twilioWebhookRoutes } from "./routes/twilio-webhook-routes";
import { workOrderRoutes } from "./routes/work-order-routes";

/** How the app is wired: the back office's tenant, the Pay button, and the providers' webhooks. */
export type AppOptions = { tenantId: string } & HostedInvoiceOptions & {
    /**
     * Stripe (`createStripePayments(...)`): the Pay button's provider unless `checkoutProvider`
     * says otherwise, `POST /webhooks/stripe`, and Connect onboarding in the back office.
     */
    stripe?: StripePayments;
    /** Twilio's auth token: `POST /webhooks/twilio/status` checks status callbacks with it. */
    twilio?: { authToken: string };
  };

/**
 * The whole HTTP app on a Remit service: the JSON API under `/api`, the customer's hosted invoice
 * page under `/i`, the providers' webhooks under `/webhooks`, and the back office everywhere else.
 * `tenantId` is the demo tenant whose records the back office shows.
 */
export function createApp(remit: Remit, options: AppOptions) {
  const { tenantId, stripe, twilio, publicUrl } = options;
  const app = new Hono();
  app.onError((error, context) =>
    context.req.path.startsWith("/api/") || !context.req.header("accept")?.includes("text/html")
      ? problemResponse(context, error)
      : errorPageResponse(context, error),
  );
  app.route("/api/invoices", invoiceRoutes(remit, tenantId));
  app.route("/api/customers", customerRoutes(remit, tenantId));
  app.route("/api/work-orders", workOrderRoutes(remit, tenantId));
  app.route("/api/quotes", quoteRoutes(remit, tenantId));
  app.route(
    "/i",
    hostedInvoiceRoutes(remit, {
      ...options,
      ...(options.checkoutProvider || !stripe ? {} : { checkoutProvider: stripe }),
    }),
  );
  if (stripe) app.route("/webhooks/stripe", stripeWebhookRoutes(remit, stripe));
  if (twilio) {
    app.route(
      "/webhooks/twilio",
      twilioWebhookRoutes(remit, { authToken: twilio.authToken, publicUrl }),
    );
  }
  app.route("/", backOfficeInvoicePages(remit, tenantId));
  app.route("/", backOfficeInvoiceForms(remit, tenantId));
  app.route("/", backOfficeWorkOrderPages(remit, tenantId));
  app.route("/", backOfficePaymentSettings(remit, { tenantId, stripe, publicUrl }));
  return app;
}
