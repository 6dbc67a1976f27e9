import { afterEach, describe, expect, it } from "vitest";
import { createRemitHandler } from "../src/index";
import { createStripeTestRemit, createTestRemit, ctx } from "./support/create-test-remit";

const publicUrl = "https://pay.example.com";
const clientKey = () => "203.0.113.7";
const html = { accept: "text/html" };

let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

type TestRemit = Awaited<ReturnType<typeof createTestRemit>>;

/** A sent quote of two lines with 8.25 % tax and a deposit asked; its page's URL. */
async function sentQuote(test: TestRemit, extra: Record<string, unknown> = {}) {
  const { quote } = await test.remit.quotes.create(ctx, {
    customerId: test.customer.id,
    title: "New water heater",
    lines: [
      {
        kind: "material",
        description: "50-gallon heater",
        quantity: "1",
        unitPrice: "900.00",
        taxRateIds: ["tx"],
      },
      {
        kind: "labor",
        description: "Install",
        quantity: "2",
        unitPrice: "150.00",
        taxRateIds: ["tx"],
      },
    ],
    taxRates: [{ id: "tx", name: "Sales tax", percent: "8.25" }],
    depositRequired: "300.00",
    expiresOn: "2099-12-31",
    ...extra,
  });
  const sent = (await test.remit.quotes.send(ctx, { id: quote.id })).quote;
  return { quote: sent, url: `${publicUrl}/q/${sent.publicToken}` };
}

/** The quote's events, from the tenant's feed. */
async function eventsOf(test: TestRemit, quoteId: string) {
  const page = await test.remit.events.list(ctx, { limit: 1000 });
  return page.items.filter((event) => event.subject.id === quoteId);
}

/** A browser's form post from the page itself. */
function post(url: string, fields: Record<string, string>) {
  return new Request(url, {
    method: "POST",
    headers: { ...html, origin: publicUrl, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

describe("hosted quote page", () => {
  it("page - shows the business, title, lines, taxes, total, deposit, expiry and status, kept private and self-contained", async () => {
    const test = await createTestRemit();
    const { url } = await sentQuote(test);
    const { fetch } = createRemitHandler({ remit: test.remit, publicUrl, clientKey });
    const response = await fetch(new Request(url, { headers: html }));
    expect(response.status).toBe(200);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/style-src 'sha256-/);
    const page = await response.text();
    expect(Buffer.byteLength(page)).toBeLessThan(30 * 1024);
    // Nothing loaded from elsewhere: no script, no stylesheet link, no remote image without a logo.
    expect(page).not.toMatch(/<script|<link|src="http/);
    expect(page).toContain("Reyes Plumbing");
    expect(page).toContain("Quote: New water heater");
    expect(page).toContain("50-gallon heater");
    expect(page).toContain("Install");
    expect(page).toContain("Sales tax 8.25%");
    expect(page).toContain("$1,299.00"); // 1,200.00 + 99.00 tax
    expect(page).toMatch(
      /id="deposit-required"><th scope="row">Deposit required<\/th><td class="num">\$300\.00/,
    );
    expect(page).toMatch(
      /id="deposit-held"><th scope="row">Deposit paid<\/th><td class="num">\$0\.00/,
    );
    expect(page).toContain("Dec 31, 2099");
    expect(page).toContain('data-status="sent"');
    expect(page).toContain('id="approve-form"');
    expect(page).toContain('id="decline-form"');
    // Before approval nothing is asked to be paid.
    expect(page).not.toContain('id="pay-deposit"');
  });

  it("approve - the customer's typed name, with the request's IP, approves it; the page then says who and when", async () => {
    const test = await createTestRemit();
    const { quote, url } = await sentQuote(test);
    const { fetch } = createRemitHandler({ remit: test.remit, publicUrl, clientKey });
    const answered = await fetch(
      post(`${url}/approve`, { approvedBy: "  Dana Reyes ", version: String(quote.version) }),
    );
    expect(answered.status).toBe(303);
    expect(answered.headers.get("location")).toBe(`/q/${quote.publicToken}`);
    const { quote: approved } = await test.remit.quotes.get(ctx, { id: quote.id });
    expect(approved).toMatchObject({ status: "approved", approvedBy: "Dana Reyes" });
    const events = await eventsOf(test, quote.id);
    expect(events.find((event) => event.type === "quote.approved")).toMatchObject({
      actor: { type: "customer", ip: "203.0.113.7" },
      data: { approvedBy: "Dana Reyes", ip: "203.0.113.7" },
    });
    const page = await (await fetch(new Request(url, { headers: html }))).text();
    const day = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(
      new Date(`${approved.approvedAt?.slice(0, 10)}T00:00:00Z`),
    );
    expect(page).toContain(`Approved by <strong>Dana Reyes</strong> on ${day}.`);
    expect(page).not.toContain('id="approve-form"');
    // A second click (another tab) changes nothing and shows the approval again.
    const twice = await fetch(post(`${url}/approve`, { approvedBy: "Someone Else" }));
    expect(twice.status).toBe(303);
    expect((await test.remit.quotes.get(ctx, { id: quote.id })).quote.approvedBy).toBe(
      "Dana Reyes",
    );
  });

  it("approve - without a typed name the page comes back with the error beside the field (422) and nothing changes", async () => {
    const test = await createTestRemit();
    const { quote, url } = await sentQuote(test);
    const { fetch } = createRemitHandler({ remit: test.remit, publicUrl, clientKey });
    const refused = await fetch(post(`${url}/approve`, { approvedBy: "   " }));
    expect(refused.status).toBe(422);
    const page = await refused.text();
    expect(page).toContain('id="approved-by-error" role="alert"');
    expect(page).toContain('aria-describedby="approved-by-error"');
    expect((await test.remit.quotes.get(ctx, { id: quote.id })).quote.status).toBe("sent");
  });

  it("approve - an answer to a quote revised since the page loaded is refused (409), asking to read it again", async () => {
    const test = await createTestRemit();
    const { quote, url } = await sentQuote(test);
    await test.remit.quotes.revise(ctx, {
      id: quote.id,
      expectedVersion: quote.version,
      title: "Bigger heater",
    });
    const { fetch } = createRemitHandler({ remit: test.remit, publicUrl, clientKey });
    const refused = await fetch(
      post(`${url}/approve`, { approvedBy: "Dana", version: String(quote.version) }),
    );
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("The quote changed since you opened it");
    expect((await test.remit.quotes.get(ctx, { id: quote.id })).quote.status).toBe("sent");
  });

  it("decline - the customer's reason declines it as the customer; the page then says so", async () => {
    const test = await createTestRemit();
    const { quote, url } = await sentQuote(test);
    const { fetch } = createRemitHandler({ remit: test.remit, publicUrl, clientKey });
    const answered = await fetch(post(`${url}/decline`, { reason: "Going with a tankless unit" }));
    expect(answered.status).toBe(303);
    const events = await eventsOf(test, quote.id);
    expect(events.find((event) => event.type === "quote.declined")).toMatchObject({
      actor: { type: "customer", ip: "203.0.113.7" },
      data: { reason: "Going with a tankless unit" },
    });
    const page = await (await fetch(new Request(url, { headers: html }))).text();
    expect(page).toContain("You declined this quote on");
    expect(page).toContain("Going with a tankless unit");
    expect(page).toContain('data-status="declined"');
  });

  it("expired - past its last day, or swept, the page says when it expired and offers no forms; answers change nothing", async () => {
    const test = await createTestRemit();
    const late = await sentQuote(test, { expiresOn: "2024-05-01" });
    const swept = await sentQuote(test, { expiresOn: "2024-06-01" });
    await test.remit.quotes.sweepExpired(ctx);
    expect((await test.remit.quotes.get(ctx, { id: swept.quote.id })).quote.status).toBe("expired");
    const { fetch } = createRemitHandler({ remit: test.remit, publicUrl, clientKey });
    for (const [{ url }, day] of [
      [late, "May 1, 2024"],
      [swept, "Jun 1, 2024"],
    ] as const) {
      const page = await (await fetch(new Request(url, { headers: html }))).text();
      expect(page).toContain(`This quote expired on ${day}.`);
      expect(page).toContain('data-status="expired"');
      expect(page).not.toContain("<form");
      const answered = await fetch(post(`${url}/approve`, { approvedBy: "Dana" }));
      expect(answered.status).toBe(303);
    }
    expect((await test.remit.quotes.get(ctx, { id: swept.quote.id })).quote.status).toBe("expired");
  });

  it("bad token - the customer's own not-found page (no back-office menu) for a browser, problem+json otherwise", async () => {
    const test = await createTestRemit();
    const { fetch } = createRemitHandler({ remit: test.remit, publicUrl, clientKey });
    const url = `${publicUrl}/q/AAAAAAAAAAAAAAAAAAAAAAAA`;
    const page = await fetch(new Request(url, { headers: html }));
    expect(page.status).toBe(404);
    const text = await page.text();
    expect(text).toContain("Not found");
    expect(text).toContain("the quote no longer exists");
    expect(text).not.toContain("<nav");
    const json = await fetch(new Request(url));
    expect(json.status).toBe(404);
    expect(json.headers.get("content-type")).toBe("application/problem+json");
    // An invoice's token is not a quote's.
    const invoice = await test.issue();
    const crossed = await fetch(
      new Request(`${publicUrl}/q/${invoice.publicToken}`, { headers: html }),
    );
    expect(crossed.status).toBe(404);
  });

  it("forms - another site's form cannot answer for the customer (403), also with the page mounted alone", async () => {
    const test = await createTestRemit();
    const { quote, url } = await sentQuote(test);
    const options = { remit: test.remit, publicUrl, clientKey };
    const forged = () =>
      new Request(`${url}/approve`, {
        method: "POST",
        headers: {
          ...html,
          origin: "https://evil.example",
          "sec-fetch-site": "cross-site",
          "content-type": "application/x-www-form-urlencoded",
        },
        body: "approvedBy=Mallory",
      });
    expect((await createRemitHandler(options).fetch(forged())).status).toBe(403);
    const alone = createRemitHandler(options).hostedQuotePage;
    expect((await alone.request(`/${quote.publicToken}/approve`, forged())).status).toBe(403);
    expect((await test.remit.quotes.get(ctx, { id: quote.id })).quote.status).toBe("sent");
  });
});

describe("hosted quote page - the deposit through Stripe", () => {
  it("deposit - Pay deposit starts a Checkout on the tenant's account; the signed webhook records it once, delivered twice", async () => {
    const test = await createStripeTestRemit();
    close = test.close;
    const { quote, url } = await sentQuote(test);
    const { fetch } = createRemitHandler({
      remit: test.remit,
      payments: { stripe: test.stripe },
      publicUrl,
      clientKey,
    });
    await fetch(post(`${url}/approve`, { approvedBy: "Dana Reyes" }));
    const page = await (await fetch(new Request(url, { headers: html }))).text();
    expect(page).toContain(`action="/q/${quote.publicToken}/deposit"`);
    expect(page).toContain("Pay deposit of $300.00 by card");

    const started = await fetch(post(`${url}/deposit`, {}));
    expect(started.status).toBe(303);
    const [sessionId, entry] = [...test.fake.state.sessions.entries()][0] ?? [];
    expect(started.headers.get("location")).toBe(entry?.session.url);
    expect(entry?.session).toMatchObject({
      amount_total: 30000,
      success_url: `${url}?deposit=1`,
      cancel_url: url,
      metadata: { remit_quote_id: quote.id },
    });

    const completed = test.fake
      .pay(sessionId ?? "")
      .filter((event) => event.type === "checkout.session.completed");
    const outcomes: string[] = [];
    for (const event of [...completed, ...completed]) {
      const { body, signature } = test.sign(event);
      const delivered = await fetch(
        new Request(`${publicUrl}/webhooks/stripe`, {
          method: "POST",
          headers: { "content-type": "application/json", "stripe-signature": signature },
          body,
        }),
      );
      expect(delivered.status).toBe(200);
      outcomes.push(((await delivered.json()) as { outcome: string }).outcome);
    }
    expect(outcomes).toEqual(["recorded", "duplicate"]);
    const { quote: held, deposits } = await test.remit.quotes.get(ctx, { id: quote.id });
    expect(held.depositHeld).toBe("300.00");
    expect(deposits).toHaveLength(1);
    expect(deposits[0]).toMatchObject({
      provider: "stripe",
      actor: { type: "provider", name: "stripe" },
    });

    const after = await (await fetch(new Request(`${url}?deposit=1`, { headers: html }))).text();
    expect(after).toContain("Deposit of $300.00 received. Thank you!");
    expect(after).not.toContain('id="pay-deposit"');
  });
});
