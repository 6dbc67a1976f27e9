import type { Remit } from "@remit/core";
import { Hono } from "hono";
import { errorPageResponse } from "./error-page";
import { problemResponse } from "./problem-details";
import { backOfficeInvoiceForms } from "./routes/back-office-invoice-forms";
import { backOfficeInvoicePages } from "./routes/back-office-invoice-pages";
import { backOfficeWorkOrderPages } from "./routes/back-office-work-order-pages";
import { customerRoutes } from "./routes/customer-routes";
import { type HostedInvoiceOptions, hostedInvoiceRoutes } from "./routes/hosted-invoice-routes";
import { invoiceRoutes } from "./routes/invoice-routes";
import { quoteRoutes } from "./routes/quote-routes";
import { workOrderRoutes } from "./routes/work-order-routes";

/** How the app is wired: the back office's tenant, and the hosted page's Pay button. */
export type AppOptions = { tenantId: string } & HostedInvoiceOptions;

/**
 * The whole HTTP app on a Remit service: the JSON API under `/api`, the customer's hosted invoice
 * page under `/i`, and the back office everywhere else. `tenantId` is the demo tenant whose
 * records the back office shows. Provider webhooks (Stripe, Twilio) mount beside these, one routes
 * file each, under `/webhooks`.
 */
export function createApp(remit: Remit, options: AppOptions) {
  const { tenantId } = options;
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
  app.route("/i", hostedInvoiceRoutes(remit, options));
  app.route("/", backOfficeInvoicePages(remit, tenantId));
  app.route("/", backOfficeInvoiceForms(remit, tenantId));
  app.route("/", backOfficeWorkOrderPages(remit, tenantId));
  return app;
}
