import { signStripeWebhook } from "@remit/testing/fake-stripe";
import type { Browser, Page } from "playwright-core";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../src/config/read-config";
import { seriousAccessibilityViolations } from "./support/check-accessibility";
import { chromiumInstallTimeoutMs, launchChromium } from "./support/chromium";
import { type ServiceFakes, startServiceFakes } from "./support/start-service-fakes";
import {
  invoiceDetails,
  issueDemoInvoice,
  startTestServer,
  type TestServer,
} from "./support/start-test-server";

// The demo with no Stripe keys: the real Stripe adapter on @remit/testing's fake Stripe, and a
// local checkout page labelled as a test. Pages and selectors are waited for, never a clock; this
// only bounds a hang on a loaded 2-core machine.
const safetyNet = 600_000;

/** What the hosted page's Pay button leads to, without following it. */
async function pressPay(server: TestServer, token: string) {
  const pay = await fetch(`${server.url}/i/${token}/pay`, { method: "POST", redirect: "manual" });
  expect(pay.status).toBe(303);
  const location = pay.headers.get("location") ?? "";
  return { location, sessionId: location.split("/").at(-1) ?? "" };
}

function deliverToWebhook(server: TestServer, body: string, signature?: string) {
  return fetch(`${server.url}/webhooks/stripe`, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      ...(signature ? { "stripe-signature": signature } : {}),
    },
  });
}

describe("the demo's test checkout (no Stripe keys, loopback)", () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer({ demoTestCheckout: true });
    browser = await launchChromium();
  }, chromiumInstallTimeoutMs + safetyNet);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("banner - the startup banner says the test checkout is on and what it does", () => {
    expect(server.lines).toContainEqual(
      expect.stringMatching(/^Payments: test checkout \(a local fake of Stripe, no real money\)/),
    );
    expect(server.lines).toContainEqual(
      expect.stringMatching(/^Test checkout: on\. .*"Test mode: no real money"/),
    );
  });

  it(
    "browser - Pay opens the local test checkout, Pay (test) pays through the signed webhook, and the hosted page shows Paid",
    async () => {
      const invoice = await issueDemoInvoice(server, "120.00");
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const blocked: string[] = [];
      const page: Page = await context.newPage();
      page.on("console", (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text()))
          blocked.push(message.text());
      });
      try {
        await page.goto(`${server.url}/i/${invoice.publicToken}`);
        await page.click("#pay-online");
        await page.waitForURL(/\/test-checkout\/cs_test_\w+$/);
        expect(new URL(page.url()).origin).toBe(server.url);
        expect(await page.title()).toContain("Test mode: no real money");
        expect(await page.textContent("#test-mode-banner")).toContain("Test mode: no real money");
        expect(await page.textContent("h1")).toBe("Pay $120.00");
        expect(await seriousAccessibilityViolations(page)).toEqual([]);

        await page.getByRole("button", { name: "Pay (test)" }).click();
        await page.waitForURL(`${server.url}/i/${invoice.publicToken}?paid=1`);
        expect(await page.textContent("#pay")).toContain("Paid in full");
        expect(blocked).toEqual([]);
      } finally {
        await context.close();
      }

      const { invoice: paid, payments } = await invoiceDetails(server, invoice.id);
      expect(paid).toMatchObject({ status: "paid", amountDue: "0.00" });
      const sessionId = [...(server.testCheckout?.fake.state.sessions.keys() ?? [])].at(-1) ?? "";
      const session = server.testCheckout?.fake.state.sessions.get(sessionId)?.session;
      expect(session).toMatchObject({ status: "complete", payment_status: "paid" });
      // Recorded by the Stripe webhook: the provider's name and its PaymentIntent, not a person.
      expect(payments).toEqual([
        expect.objectContaining({
          amount: "120.00",
          method: "card",
          provider: "stripe",
          reference: session?.payment_intent,
        }),
      ]);
      expect(String(session?.payment_intent)).toMatch(/^pi_/);
      expect(payments[0]?.actor).not.toMatchObject({ type: "user" });
    },
    safetyNet,
  );

  it("webhook - the test checkout's events go through the verified path: a forged, altered or unsigned one is refused", async () => {
    const testCheckout = server.testCheckout;
    if (!testCheckout) throw new Error("the test checkout is not running");
    const invoice = await issueDemoInvoice(server, "45.00");
    const { location, sessionId } = await pressPay(server, invoice.publicToken ?? "");
    expect(location).toBe(`${server.url}/test-checkout/${sessionId}`);
    // Paid at the fake, but the event is delivered here by hand, not by the test checkout.
    const completed = testCheckout.fake
      .pay(sessionId)
      .find((event): event is Stripe.Event => event.type === "checkout.session.completed");
    testCheckout.fake.takeEvents();
    if (!completed) throw new Error("the fake sent no checkout.session.completed");

    const forged = signStripeWebhook(completed, { secret: "whsec_someone_elses_secret" });
    const wrongSecret = await deliverToWebhook(server, forged.rawBody, forged.signature);
    expect(wrongSecret.status).toBe(400);
    expect(await wrongSecret.json()).toMatchObject({ error: { code: "invalid_signature" } });
    const signed = signStripeWebhook(completed, { secret: testCheckout.webhookSecret });
    const altered = signed.rawBody.replace(/"amount_total": \d+/, '"amount_total": 1');
    expect((await deliverToWebhook(server, altered, signed.signature)).status).toBe(400);
    expect((await deliverToWebhook(server, signed.rawBody)).status).toBe(400);
    const { invoice: after, payments } = await invoiceDetails(server, invoice.id);
    expect(after).toMatchObject({ status: "pending_payment", version: invoice.version });
    expect(payments).toEqual([]);

    // The same event signed with the demo's secret is recorded.
    expect((await deliverToWebhook(server, signed.rawBody, signed.signature)).status).toBe(200);
    expect((await invoiceDetails(server, invoice.id)).invoice.status).toBe("paid");
  });

  it("pages - an unknown session is the customer's 404 (no back-office menu); a paid one goes back to the invoice", async () => {
    const missing = await fetch(`${server.url}/test-checkout/cs_test_nosuchsession`, {
      headers: { accept: "text/html" },
    });
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain("<nav");
    const invoice = await issueDemoInvoice(server, "30.00");
    const { location } = await pressPay(server, invoice.publicToken ?? "");
    const pay = await fetch(location, { method: "POST", redirect: "manual" });
    expect(pay.status).toBe(303);
    expect(pay.headers.get("location")).toBe(`${server.url}/i/${invoice.publicToken}?paid=1`);
    const again = await fetch(location, { redirect: "manual" });
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toBe(`${server.url}/i/${invoice.publicToken}?paid=1`);
    expect((await fetch(location, { method: "POST", redirect: "manual" })).status).toBe(303);
    expect((await invoiceDetails(server, invoice.id)).payments).toHaveLength(1);
  });
});

describe("the test checkout is never on with Stripe keys", () => {
  let fakes: ServiceFakes;
  let server: TestServer;
  beforeAll(async () => {
    fakes = await startServiceFakes();
    server = await startTestServer({ services: fakes.services, demoTestCheckout: true });
  }, safetyNet);
  afterAll(async () => {
    await server?.stop();
    await fakes?.close();
  });

  it("keys - no test checkout (404, the banner says why), and Pay goes to Stripe Checkout", async () => {
    expect(server.testCheckout).toBeUndefined();
    expect(server.lines).toContain(
      "Test checkout: off (Stripe keys are set: the Pay button is Stripe's).",
    );
    expect(server.lines).toContainEqual(expect.stringMatching(/^Payments: Stripe;/));
    const stripe = server.stripe;
    if (!stripe) throw new Error("Stripe is not configured");
    const context = { tenantId: "demo-plumbing", actor: { type: "system" as const } };
    const { accountId } = await stripe.connectAccount(server.remit, context, {
      email: "office@reyesplumbing.example",
      country: "US",
    });
    fakes.stripe.updateAccount(accountId, { charges_enabled: true, details_submitted: true });
    await stripe.syncAccount(server.remit, context);

    const invoice = await issueDemoInvoice(server, "120.00");
    const { location, sessionId } = await pressPay(server, invoice.publicToken ?? "");
    expect(location).toBe(`https://checkout.stripe.com/c/pay/${sessionId}`);
    for (const path of [`/test-checkout/${sessionId}`, "/test-checkout/cs_test_anything"]) {
      const page = await fetch(`${server.url}${path}`, { headers: { accept: "text/html" } });
      expect(page.status, path).toBe(404);
      const post = await fetch(`${server.url}${path}`, { method: "POST", redirect: "manual" });
      expect(post.status, path).toBe(404);
    }
    expect(fakes.stripe.state.sessions.get(sessionId)?.session.status).toBe("open");
  });
});

describe("the test checkout is never on a server others can reach", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      demoTestCheckout: true,
      hostname: "0.0.0.0",
      publicUrl: "https://pay.reyesplumbing.example",
      authSecret: "a".repeat(32),
      owner: { email: "owner@reyesplumbing.example", password: "correct horse 42", name: "Ana" },
    });
  }, safetyNet);
  afterAll(async () => {
    await server?.stop();
  });

  it("bind - on HOST 0.0.0.0 the banner says it is off, the route 404s and the hosted page has no Pay button", async () => {
    expect(server.testCheckout).toBeUndefined();
    expect(server.stripe).toBeUndefined();
    expect(server.lines).toContain(
      "Test checkout: off (HOST 0.0.0.0 lets others reach this server; the test checkout runs on loopback only).",
    );
    const port = new URL(server.url).port;
    const page = await fetch(`http://127.0.0.1:${port}/test-checkout/cs_test_anything`, {
      headers: { accept: "text/html" },
    });
    expect(page.status).toBe(404);
    const invoice = await issueDemoInvoice(server, "120.00");
    const hosted = await (await fetch(`http://127.0.0.1:${port}/i/${invoice.publicToken}`)).text();
    expect(hosted).not.toContain('id="pay-online"');
  });
});

describe("REMIT_DEMO_TEST_CHECKOUT", () => {
  it("config - on unless set to off; another value is refused", () => {
    expect(readConfig({}).demoTestCheckout).toBe(true);
    expect(readConfig({ REMIT_DEMO_TEST_CHECKOUT: "off" }).demoTestCheckout).toBe(false);
    expect(readConfig({ REMIT_DEMO_TEST_CHECKOUT: "on" }).demoTestCheckout).toBe(true);
    expect(() => readConfig({ REMIT_DEMO_TEST_CHECKOUT: "yes" })).toThrow(
      /REMIT_DEMO_TEST_CHECKOUT: must be "on" or "off"/,
    );
  });
});
