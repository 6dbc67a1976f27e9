import { getRequestListener } from "@hono/node-server";
import type { StripePayments } from "@remit/adapter-stripe";
import type { Remit } from "@remit/core";
import { type Authenticate, createRemitHandler } from "@remit/server";
import express from "express";

/** An Express app of your own, with Remit's API, invoice page and webhooks mounted in it. */
export function createExpressApp(options: {
  remit: Remit;
  stripe?: StripePayments;
  authenticate: Authenticate;
  publicUrl: string;
}) {
  const app = express();
  app.get("/", (_request, response) => {
    response.send("Your own pages live here; Remit answers /api, /openapi.json, /i and /webhooks.");
  });
  const remitHandler = createRemitHandler({
    remit: options.remit,
    ...(options.stripe ? { payments: { stripe: options.stripe } } : {}),
    authenticate: options.authenticate,
    publicUrl: options.publicUrl,
  });
  // Mounted before any body parser: Stripe signs the webhook's exact bytes.
  app.use(getRequestListener(remitHandler.fetch));
  return app;
}
