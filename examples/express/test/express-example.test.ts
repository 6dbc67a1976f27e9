import type { AddressInfo } from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { createPostgresStore, migrate } from "@remit/adapter-postgres";
import { createStripePayments } from "@remit/adapter-stripe";
import { createRemit } from "@remit/core";
import { startFakeStripeApi } from "@remit/testing/fake-stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExpressApp } from "../src/create-express-app";

const secret = "whsec_express_example_secret";
const ctx = { tenantId: "demo", actor: { type: "user" as const, id: "api-key" } };
let stop: () => Promise<void>;
let url = "";
let setup: Awaited<ReturnType<typeof start>>;

/** The example's app on PGlite and the real Stripe adapter, its client at the fake Stripe API. */
async function start() {
  const fake = await startFakeStripeApi();
  fake.state.now = Math.floor(Date.now() / 1000);
  const client = fake.client();
  const stripe = createStripePayments({ stripe: client, webhookSecrets: [secret] });
  const database = new PGlite();
  await migrate(database);
  const remit = createRemit({
    store: createPostgresStore({ client: database }),
    payments: { stripe },
  });
  const app = createExpressApp({
    remit,
    stripe,
    authenticate: (request) =>
      request.headers.get("authorization") === "Bearer key_1" ? ctx : null,
    publicUrl: "http://127.0.0.1",
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stop = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await Promise.all([fake.close(), database.close()]);
  };
  await remit.tenants.upsert(ctx, { name: "Demo Plumbing" });
  const account = await stripe.connectAccount(remit, ctx, {
    email: "o@demo.example",
    country: "US",
  });
  fake.updateAccount(account.accountId, { charges_enabled: true, details_submitted: true });
  fake.takeEvents();
  await stripe.syncAccount(remit, ctx);
  return { fake, client, remit };
}

beforeAll(async () => {
  setup = await start();
}, 120_000);
afterAll(() => stop?.());

const api = (path: string, body?: unknown) =>
  fetch(`${url}/api${path}`, {
    method: body ? "POST" : "GET",
    headers: { authorization: "Bearer key_1", "content-type": "application/json" },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

describe("Remit in Express", () => {
  it("express - the API takes the host's sign-in, and refuses a request without it", async () => {
    expect(await (await fetch(url)).text()).toContain("Your own pages");
    expect((await fetch(`${url}/api/invoices`)).status).toBe(401);
    expect((await api("/invoices")).status).toBe(200);
  });

  it("express - an invoice made over the API is paid on Stripe, and Stripe's signed webhook records it", async () => {
    const customer = (await (await api("/customers", { name: "Jo Park" })).json()) as {
      id: string;
    };
    const created = (await (
      await api("/invoices", {
        customerId: customer.id,
        lines: [{ quantity: "1", unitPrice: "75.00" }],
      })
    ).json()) as { invoice: { id: string } };
    const issued = (await (await api(`/invoices/${created.invoice.id}/issue`, {})).json()) as {
      invoice: { publicToken: string };
    };
    const token = issued.invoice.publicToken;
    const pay = await fetch(`${url}/i/${token}/pay`, { method: "POST", redirect: "manual" });
    expect(pay.status).toBe(303);
    const sessionId = pay.headers.get("location")?.split("/").at(-1) ?? "";
    const event = setup.fake.pay(sessionId).find((e) => e.type === "checkout.session.completed");
    const body = JSON.stringify(event);
    const signature = setup.client.webhooks.generateTestHeaderString({ payload: body, secret });
    const delivered = await fetch(`${url}/webhooks/stripe`, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": signature },
      body,
    });
    expect(delivered.status).toBe(200);
    const page = await (await fetch(`${url}/i/${token}`)).text();
    expect(page).toContain('data-status="paid">Paid</span>');
  });
});
