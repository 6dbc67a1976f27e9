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
});
