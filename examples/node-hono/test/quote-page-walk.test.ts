import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousAccessibilityViolations } from "./support/check-accessibility";
import { chromiumInstallTimeoutMs, launchChromium } from "./support/chromium";
import { type ServiceFakes, startServiceFakes } from "./support/start-service-fakes";
import { startTestServer, type TestServer } from "./support/start-test-server";

// The customer's side of a quote in a real browser: the page a sent quote's link opens, approval
// with a typed name, and the deposit paid through Stripe (the fake, reached by the real SDK) and
// recorded by the signed webhook. Waits for pages and selectors, never for a clock; the hook
// timeout only bounds a hang on a loaded machine.
const safetyNet = 600_000;
let fakes: ServiceFakes;
let server: TestServer;
let browser: Browser;
const tenantCtx = { tenantId: "demo-plumbing", actor: { type: "user" as const, id: "u_test" } };

beforeAll(async () => {
  fakes = await startServiceFakes();
  server = await startTestServer({ services: fakes.services });
  browser = await launchChromium();
}, chromiumInstallTimeoutMs + safetyNet);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await fakes?.close();
});

/** The contractor connects Stripe in the back office and finishes onboarding there. */
async function connectStripe() {
  const owner = await server.signIn("owner");
  const connect = await fetch(`${server.url}/settings/payments/stripe/connect`, {
    method: "POST",
    body: new URLSearchParams({
      email: "office@reyesplumbing.example",
      country: "us",
      businessName: "Reyes Plumbing & Heating",
    }),
    headers: { accept: "text/html", ...owner },
    redirect: "manual",
  });
  expect(connect.status).toBe(303);
  const accountId = (await server.remit.tenants.get(tenantCtx)).paymentAccounts.stripe?.accountId;
  fakes.stripe.updateAccount(accountId ?? "", { charges_enabled: true, details_submitted: true });
  const back = await fetch(`${server.url}/settings/payments/stripe/return`, {
    headers: owner,
    redirect: "manual",
  });
  expect(back.status).toBe(303);
}

/** A quote for the demo tenant's first customer, asking a deposit, sent: its page's path. */
async function sentQuote() {
  const [customer] = (await server.remit.customers.list(tenantCtx, { limit: 1 })).items;
  const { quote } = await server.remit.quotes.create(tenantCtx, {
    customerId: customer?.id ?? "",
    title: "Replace water heater",
    lines: [
      { kind: "material", description: "50-gallon heater", quantity: "1", unitPrice: "900.00" },
      { kind: "labor", description: "Install", quantity: "3", unitPrice: "100.00" },
    ],
    depositRequired: "250.00",
    expiresOn: "2099-12-31",
  });
  const sent = (await server.remit.quotes.send(tenantCtx, { id: quote.id })).quote;
  return { quote: sent, path: `/q/${sent.publicToken}` };
}

/** What the Content-Security-Policy blocked on the page: must be nothing. */
function watchBlocked(page: Page): string[] {
  const blocked: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) blocked.push(message.text());
  });
  return blocked;
}

describe("the hosted quote page in a browser", () => {
  it("walk - the customer opens a sent quote, approves it with a typed name, pays the deposit and sees it recorded", async () => {
    await connectStripe();
    const { quote, path } = await sentQuote();
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    const blocked = watchBlocked(page);
    const violations: string[] = [];
    // Stripe's Checkout is not on this machine: the browser's visit there is answered locally, and
    // the session id read from its URL, as the customer's payment at Stripe is the fake's.
    const checkoutVisits: string[] = [];
    await page.route("https://checkout.stripe.com/**", async (route) => {
      checkoutVisits.push(route.request().url());
      await route.fulfill({
        contentType: "text/html",
        body: '<!doctype html><html lang="en"><title>Stripe Checkout</title><h1>Checkout</h1></html>',
      });
    });

    await page.goto(`${server.url}${path}`);
    await page.getByRole("heading", { level: 1, name: /Replace water heater/ }).waitFor();
    expect(await page.locator("#status").getAttribute("data-status")).toBe("sent");
    expect(await page.locator("table.lines").textContent()).toContain("50-gallon heater");
    expect(await page.locator("#deposit-required").textContent()).toContain("$250.00");
    violations.push(...(await seriousAccessibilityViolations(page)));

    await page.getByLabel("Type your full name to approve this quote").fill("Dana Reyes");
    await page.getByRole("button", { name: "Approve quote" }).click();
    await page.locator("#approved").waitFor();
    expect(await page.locator("#approved").textContent()).toMatch(/^Approved by Dana Reyes on /);
    expect(await page.locator("#status").getAttribute("data-status")).toBe("approved");
    const approved = (await server.remit.quotes.get(tenantCtx, { id: quote.id })).quote;
    expect(approved).toMatchObject({ status: "approved", approvedBy: "Dana Reyes" });
    violations.push(...(await seriousAccessibilityViolations(page)));

    await page.getByRole("button", { name: "Pay deposit of $250.00 by card" }).click();
    await page.getByRole("heading", { name: "Checkout" }).waitFor();
    const sessionId = new URL(checkoutVisits[0] ?? "").pathname.split("/").at(-1) ?? "";
    const session = fakes.stripe.state.sessions.get(sessionId)?.session;
    expect(session).toMatchObject({
      amount_total: 25000,
      metadata: { remit_quote_id: quote.id },
      success_url: `${server.url}${path}?deposit=1`,
    });

    // At Stripe: the customer pays; Stripe signs and sends the event, to the invoices' webhook.
    const completed = fakes.stripe
      .pay(sessionId)
      .find((event) => event.type === "checkout.session.completed");
    if (!completed) throw new Error("the fake sent no checkout.session.completed");
    const { body, signature } = fakes.signStripeEvent(completed);
    const delivered = await fetch(`${server.url}/webhooks/stripe`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "stripe-signature": signature },
    });
    expect(await delivered.json()).toMatchObject({ outcome: "recorded" });

    // Stripe sends the customer back to the page, which now shows the deposit held.
    await page.goto(session?.success_url ?? "");
    await page.locator("#deposit-received").waitFor();
    expect(await page.locator("#deposit-held").textContent()).toContain("$250.00");
    const { quote: held, deposits } = await server.remit.quotes.get(tenantCtx, { id: quote.id });
    expect(held.depositHeld).toBe("250.00");
    expect(deposits).toEqual([
      expect.objectContaining({ amount: "250.00", provider: "stripe", method: "card" }),
    ]);
    violations.push(...(await seriousAccessibilityViolations(page)));
    await context.close();

    expect(violations).toEqual([]);
    expect(blocked).toEqual([]);
  });
});
