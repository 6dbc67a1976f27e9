import { describe, expect, it } from "vitest";
import { ctx, demoApp, getPage, postForm, textOf } from "./support/demo-app";

// The quote page's Send (issue 20, part 4): the back office sends the quote's link by the channels
// ticked; "Mark as sent" only records a quote handed over.

async function draftQuote(remit: Awaited<ReturnType<typeof demoApp>>["remit"]) {
  const customer = await remit.customers.create(ctx, {
    name: "Dana Reyes",
    email: "dana@example.com",
    phone: "+15125550101",
  });
  const { quote } = await remit.quotes.create(ctx, {
    customerId: customer.id,
    title: "New water heater",
    lines: [{ kind: "material", description: "Heater", quantity: "1", unitPrice: "650.00" }],
  });
  return quote;
}

describe("sending quotes from the back office", () => {
  it("send - by email and text: one delivery per channel, and the page says it is sending", async () => {
    const { remit, app } = await demoApp();
    const quote = await draftQuote(remit);
    const { html } = await getPage(app, `/quotes/${quote.id}`);
    expect(html).toContain('id="send-quote"');
    const sent = await postForm(app, `/quotes/${quote.id}`, [
      ["move", "send"],
      ["version", String(quote.version)],
      ["channels", "email"],
      ["channels", "sms"],
    ]);
    expect(sent.status).toBe(303);
    expect(decodeURIComponent(sent.headers.get("location") ?? "")).toContain(
      "Sending the quote by email and text message",
    );
    const details = await remit.quotes.get(ctx, { id: quote.id });
    expect(details.quote.status).toBe("sent");
    expect(details.deliveries.map((delivery) => [delivery.purpose, delivery.channel])).toEqual([
      ["quote", "email"],
      ["quote", "sms"],
    ]);
  });

  it("mark as sent - no channels: the quote is sent and no message is queued", async () => {
    const { remit, app } = await demoApp();
    const quote = await draftQuote(remit);
    const marked = await postForm(app, `/quotes/${quote.id}`, [
      ["move", "send"],
      ["version", String(quote.version)],
    ]);
    expect(marked.status).toBe(303);
    const details = await remit.quotes.get(ctx, { id: quote.id });
    expect(details.quote.status).toBe("sent");
    expect(details.deliveries).toEqual([]);
  });

  it("send - a customer without a phone: Text is refused in plain words and nothing changes", async () => {
    const { remit, app } = await demoApp();
    const customer = await remit.customers.create(ctx, {
      name: "No Phone",
      email: "np@example.com",
    });
    const { quote } = await remit.quotes.create(ctx, {
      customerId: customer.id,
      title: "Faucet",
      lines: [{ kind: "material", description: "Faucet", quantity: "1", unitPrice: "90.00" }],
    });
    const refused = await postForm(app, `/quotes/${quote.id}`, [
      ["move", "send"],
      ["version", String(quote.version)],
      ["channels", "sms"],
    ]);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(textOf(await refused.text()).toLowerCase()).toContain("phone");
    const details = await remit.quotes.get(ctx, { id: quote.id });
    expect(details.quote.status).toBe("draft");
    expect(details.deliveries).toEqual([]);
  });

  it("deposit - the office sets the deposit the hosted page asks for; more than the total is refused", async () => {
    const { remit, app } = await demoApp();
    const quote = await draftQuote(remit);
    const saved = await postForm(app, `/quotes/${quote.id}`, [
      ["move", "deposit"],
      ["version", String(quote.version)],
      ["depositRequired", "200.00"],
    ]);
    expect(saved.status).toBe(303);
    const withDeposit = (await remit.quotes.get(ctx, { id: quote.id })).quote;
    expect(withDeposit.depositRequired).toBe("200.00");
    const page = textOf((await getPage(app, `/quotes/${quote.id}`)).html);
    expect(page).toContain("Deposit asked: $200.00");

    const refused = await postForm(app, `/quotes/${quote.id}`, [
      ["move", "deposit"],
      ["version", String(withDeposit.version)],
      ["depositRequired", "9000.00"],
    ]);
    expect(refused.status).toBe(422);
    expect((await remit.quotes.get(ctx, { id: quote.id })).quote.depositRequired).toBe("200.00");

    // Sent, the quote page links the customer's own page.
    await remit.quotes.send(ctx, { id: quote.id });
    const sent = (await remit.quotes.get(ctx, { id: quote.id })).quote;
    const { html } = await getPage(app, `/quotes/${quote.id}`);
    expect(html).toContain(`href="/q/${sent.publicToken}"`);
  });
});
