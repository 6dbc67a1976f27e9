import type { Remit } from "@remit/core";
import { Hono } from "hono";
import { problemResponse } from "./problem-details";
import { customerRoutes } from "./routes/customer-routes";
import { invoiceRoutes } from "./routes/invoice-routes";
import { pageRoutes } from "./routes/pages";

/** The whole HTTP app on a Remit service; `tenantId` is the demo tenant for the back office. */
export function createApp(remit: Remit, options: { tenantId: string }) {
  const app = new Hono();
  app.onError((error, context) => problemResponse(context, error));
  app.route("/api/invoices", invoiceRoutes(remit, options.tenantId));
  app.route("/api/customers", customerRoutes(remit, options.tenantId));
  app.route("/", pageRoutes(remit, options.tenantId));
  return app;
}
