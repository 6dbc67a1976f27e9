import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServiceFakes, startServiceFakes } from "./support/start-service-fakes";
import {
  invoiceDetails,
  issueDemoInvoice,
  startTestServer,
  type TestServer,
} from "./support/start-test-server";

let fakes: ServiceFakes;
let server: TestServer;

beforeAll(async () => {
  fakes = await startServiceFakes();
  server = await startTestServer({ services: fakes.services });
  // Stripe's settings are the owner's.
  owner = await server.signIn("owner");
}, 600_000);

afterAll(async () => {
  await server?.stop();
  await fakes?.close();
});

let owner: Record<string, string> = {};
const tenantCtx = { tenantId: "demo-plumbing", actor: { type: "user" as const, id: "u_test" } };

function postForm(path: string, fields: Record<string, string>) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { accept: "text/html", ...owner },
    redirect: "manual",
  });
}

let connecting: Promise<{ accountId: string; onboardingUrl: string }> | undefined;

/** The contractor presses "Connect Stripe", finishes Stripe's onboarding, and comes back. */
function connectThroughBackOffice() {
  connecting ??= (async () => {
    const connect = await postForm("/settings/payments/stripe/connect", {
      email: "office@reyesplumbing.example",
      country: "us",
      businessName: "Reyes Plumbing & Heating",
    });
    expect(connect.status).toBe(303);
    const onboardingUrl = connect.headers.get("location") ?? "";
    const tenant = await server.remit.tenants.get(tenantCtx);
    const accountId = tenant.paymentAccounts.stripe?.accountId ?? "";
    // At Stripe: the contractor finishes onboarding, and Stripe sends them back.
    fakes.stripe.updateAccount(accountId, { charges_enabled: true, details_submitted: true });
    const back = await fetch(`${server.url}/settings/payments/stripe/return`, {
      headers: owner,
      redirect: "manual",
    });
    expect(back.status).toBe(303);
    return { accountId, onboardingUrl };
  })();
  return connecting;
}

/** Pay on the hosted page: the checkout session the button leads to. */
async function pressPay(token: string) {
  const pay = await fetch(`${server.url}/i/${token}/pay`, { method: "POST", redirect: "manual" });
  expect(pay.status).toBe(303);
  const location = pay.headers.get("location") ?? "";
  return { location, sessionId: location.split("/").at(-1) ?? "" };
}

function deliverToWebhook(body: string, signature?: string) {
  return fetch(`${server.url}/webhooks/stripe`, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      ...(signature ? { "stripe-signature": signature } : {}),
    },
  });
}

describe("Stripe in the example server", () => {
  it("connect - Connect Stripe creates the tenant's account and sends the contractor to onboarding; the return stores its state", async () => {
    const before = await (
      await fetch(`${server.url}/settings/payments`, { headers: owner })
    ).text();
    expect(before).toContain('id="stripe-status">not connected');
    expect(before).toContain('id="connect-stripe"');

    const { accountId, onboardingUrl } = await connectThroughBackOffice();
    expect(accountId).toMatch(/^acct_/);
    expect(onboardingUrl).toMatch(
      new RegExp(`^https://connect\\.stripe\\.com/setup/s/${accountId}/`),
    );
    const created = fakes.stripe.requests.find((request) => request.path === "/v1/accounts");
    expect(created?.body).toMatchObject({ country: "US", email: "office@reyesplumbing.example" });
    const link = fakes.stripe.requests.find((request) => request.path === "/v1/account_links");
    expect(link?.body).toMatchObject({
      account: accountId,
      refresh_url: `${server.url}/settings/payments/stripe/refresh`,
      return_url: `${server.url}/settings/payments/stripe/return`,
    });
    expect((await server.remit.tenants.get(tenantCtx)).paymentAccounts.stripe).toEqual({
      accountId,
      chargesEnabled: true,
      detailsSubmitted: true,
    });
    const after = await (await fetch(`${server.url}/settings/payments`, { headers: owner })).text();
    expect(after).toContain('id="stripe-status">taking payments');

    // An expired onboarding link: Stripe opens the refresh URL, which makes a new one.
    const refresh = await fetch(`${server.url}/settings/payments/stripe/refresh`, {
      headers: owner,
      redirect: "manual",
    });
    expect(refresh.status).toBe(303);
    expect(refresh.headers.get("location")).not.toBe(onboardingUrl);
    expect(refresh.headers.get("location")).toContain(accountId);
  });

  it("pay - the hosted page shows the card button for a connected tenant, and Pay redirects to Stripe Checkout", async () => {
    const { accountId } = await connectThroughBackOffice();
    const invoice = await issueDemoInvoice(server, "120.00");
    const hosted = await (await fetch(`${server.url}/i/${invoice.publicToken}`)).text();
    expect(hosted).toContain('id="pay-online"');
    expect(hosted).toContain("Pay $120.00 by card");

    const { location, sessionId } = await pressPay(invoice.publicToken ?? "");
    expect(location).toBe(`https://checkout.stripe.com/c/pay/${sessionId}`);
    const session = fakes.stripe.state.sessions.get(sessionId);
    expect(session?.account).toBe(accountId);
    expect(session?.session).toMatchObject({
      amount_total: 12000,
      currency: "usd",
      success_url: `${server.url}/i/${invoice.publicToken}?paid=1`,
      cancel_url: `${server.url}/i/${invoice.publicToken}`,
    });
  });

  it("webhook - a checkout.session.completed signed by Stripe marks the invoice paid through POST /webhooks/stripe", async () => {
    await connectThroughBackOffice();
    const invoice = await issueDemoInvoice(server, "80.00");
    const { sessionId } = await pressPay(invoice.publicToken ?? "");
    const completed = fakes.stripe
      .pay(sessionId)
      .find((event) => event.type === "checkout.session.completed");
    if (!completed) throw new Error("the fake sent no checkout.session.completed");
    const { body, signature } = fakes.signStripeEvent(completed);

    const response = await deliverToWebhook(body, signature);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      eventType: "checkout.session.completed",
      outcome: "recorded",
    });
    const { invoice: paid, payments } = await invoiceDetails(server, invoice.id);
    expect(paid).toMatchObject({ status: "paid", amountDue: "0.00" });
    expect(payments).toEqual([
      expect.objectContaining({ amount: invoice.amountDue, method: "card", provider: "stripe" }),
    ]);

    // Stripe delivers again: answered 200, nothing added.
    const again = await deliverToWebhook(body, signature);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ outcome: "duplicate" });
    expect((await invoiceDetails(server, invoice.id)).payments).toHaveLength(1);
    const page = await (await fetch(`${server.url}/i/${invoice.publicToken}`)).text();
    expect(page).toContain("Paid in full");
  });

  it("webhook - a bad, missing or reused signature gets 400 and changes nothing", async () => {
    await connectThroughBackOffice();
    const invoice = await issueDemoInvoice(server, "45.00");
    const { sessionId } = await pressPay(invoice.publicToken ?? "");
    const completed = fakes.stripe
      .pay(sessionId)
      .find((event) => event.type === "checkout.session.completed");
    if (!completed) throw new Error("the fake sent no checkout.session.completed");

    const forged = fakes.signStripeEvent(completed, "whsec_someone_elses_secret");
    const wrongSecret = await deliverToWebhook(forged.body, forged.signature);
    expect(wrongSecret.status).toBe(400);
    expect(await wrongSecret.json()).toMatchObject({ error: { code: "invalid_signature" } });

    const signed = fakes.signStripeEvent(completed);
    const altered = await deliverToWebhook(
      signed.body.replace(/"amount_total": \d+/, '"amount_total": 1'),
      signed.signature,
    );
    expect(altered.status).toBe(400);
    expect((await deliverToWebhook(signed.body)).status).toBe(400);

    const { invoice: after, payments } = await invoiceDetails(server, invoice.id);
    expect(after).toMatchObject({ status: "pending_payment", version: invoice.version });
    expect(payments).toEqual([]);
  });

  it("webhook - a database outage answers 503, so Stripe sends the event again, and the retry records it", async () => {
    await connectThroughBackOffice();
    const invoice = await issueDemoInvoice(server, "60.00");
    const { sessionId } = await pressPay(invoice.publicToken ?? "");
    const completed = fakes.stripe
      .pay(sessionId)
      .find((event) => event.type === "checkout.session.completed");
    if (!completed) throw new Error("the fake sent no checkout.session.completed");
    const { body, signature } = fakes.signStripeEvent(completed);

    server.setStoreDown(true);
    try {
      const during = await deliverToWebhook(body, signature);
      expect(during.status).toBe(503);
      // The error went to the log (pino, on stdout) under the id the answer shows.
      expect(await during.json()).toMatchObject({
        error: { code: "store_unavailable", errorId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      });
    } finally {
      server.setStoreDown(false);
    }
    expect((await invoiceDetails(server, invoice.id)).invoice.status).toBe("pending_payment");
    const retry = await deliverToWebhook(body, signature);
    expect(retry.status).toBe(200);
    expect((await invoiceDetails(server, invoice.id)).invoice.status).toBe("paid");
  });
});
