import { PGlite } from "@electric-sql/pglite";
import { createPostgresStore, migrate } from "@remit/adapter-postgres";
import { createStripePayments } from "@remit/adapter-stripe";
import { createRemit } from "@remit/core";
import Stripe from "stripe";
import { createExpressApp } from "./create-express-app";

// Only the example reads the environment. PGlite in memory: the data lives as long as the process.
const { PORT = "3001", API_KEY, STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET } = process.env;
const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${PORT}`;
const client = new PGlite();
await migrate(client);
const stripe =
  STRIPE_SECRET_KEY && STRIPE_WEBHOOK_SECRET
    ? createStripePayments({
        stripe: new Stripe(STRIPE_SECRET_KEY),
        webhookSecrets: [STRIPE_WEBHOOK_SECRET],
      })
    : undefined;
const remit = createRemit({
  store: createPostgresStore({ client }),
  ...(stripe ? { payments: { stripe } } : {}),
});
const app = createExpressApp({
  remit,
  ...(stripe ? { stripe } : {}),
  // Your sign-in goes here. This one takes `Authorization: Bearer $API_KEY` for tenant "demo".
  authenticate: (request) =>
    API_KEY && request.headers.get("authorization") === `Bearer ${API_KEY}`
      ? { tenantId: "demo", actor: { type: "user", id: "api-key" } }
      : null,
  publicUrl,
});
app.listen(Number(PORT), "127.0.0.1", () => console.log(`Remit in Express at ${publicUrl}`));
