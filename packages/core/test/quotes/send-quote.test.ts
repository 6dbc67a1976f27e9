import { describe, expect, it } from "vitest";
import { createOutboxWorker, DeliveryError, RemitError } from "../../src/index";
import { createHarness, providerContext, userContext } from "../lifecycle/support/harness";

// remit.quotes.send really sends: the quote's link by email and SMS, like invoices (issue 20, part 4).

type Harness = Awaited<ReturnType<typeof createHarness>>;

async function draftQuote(harness: Harness, customerId = harness.customer.id) {
  const { quote } = await harness.remit.quotes.create(userContext, {
    customerId,
    title: "New water heater",
    expiresOn: "2026-03-31",
    lines: [{ kind: "material", description: "Heater", quantity: "1", unitPrice: "650.00" }],
  });
  return quote;
}

const quoteUrl = (quote: { publicToken: string | null }) =>
  `https://pay.example.com/q/${quote.publicToken}`;

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!RemitError.isInstance(error)) throw new Error(`expected a RemitError, got ${String(error)}`);
  return error;
}

describe("sending quotes", () => {
  it("send - with channels, one quote delivery per channel; the worker sends the quote's link", async () => {
    const harness = await createHarness();
    const quote = await draftQuote(harness);
    const sent = await harness.remit.quotes.send(userContext, {
      id: quote.id,
      channels: ["email", "sms"],
    });
    expect(sent.quote.status).toBe("sent");
    expect(sent.deliveries).toMatchObject([
      { purpose: "quote", quoteId: quote.id, invoiceId: null, channel: "email" },
      { purpose: "quote", quoteId: quote.id, invoiceId: null, channel: "sms" },
    ]);
    expect(sent.events.map((event) => event.type)).toEqual(["quote.sent"]);
    expect(sent.events[0]?.data.deliveryIds).toEqual(sent.deliveries.map((each) => each.id));
    expect(harness.email.sent).toHaveLength(0); // never inside the user's call

    const worker = createOutboxWorker({ remit: harness.remit, quoteUrl });
    await worker.runOnce();
    await worker.runOnce();
    const [mail] = harness.email.sent;
    expect(mail?.subject).toBe("Quote from Acme Plumbing: New water heater");
    expect(mail?.text).toContain("Here is our quote for New water heater: $650.00.");
    expect(mail?.text).toContain("It can be approved until 2026-03-31.");
    expect(sent.quote.publicToken).toMatch(/.{22,}/);
    expect(mail?.text).toContain(quoteUrl(sent.quote));
    expect(mail?.about).toMatchObject({ purpose: "quote", quote: { id: quote.id } });
    expect(mail?.about?.invoice).toBeUndefined();
    expect(harness.sms.sent.map((message) => message.body)).toEqual([
      expect.stringContaining(quoteUrl(sent.quote)),
    ]);
    const details = await harness.remit.quotes.get(userContext, { id: quote.id });
    expect(details.deliveries.map((delivery) => [delivery.channel, delivery.status])).toEqual([
      ["email", "sent"],
      ["sms", expect.stringMatching(/^(queued|sent|delivered)$/)],
    ]);
  });

  it("send - without channels the quote is only marked sent, as before", async () => {
    const harness = await createHarness();
    const quote = await draftQuote(harness);
    const sent = await harness.remit.quotes.send(userContext, { id: quote.id });
    expect(sent.quote.status).toBe("sent");
    expect(sent.deliveries).toEqual([]);
    await createOutboxWorker({ remit: harness.remit }).runOnce();
    expect(harness.email.sent).toHaveLength(0);
  });

  it("send - a quote approved before its send goes out is not sent (cancelled, quote_approved)", async () => {
    const harness = await createHarness();
    const quote = await draftQuote(harness);
    const later = "2026-03-03T15:00:00.000Z";
    await harness.remit.quotes.send(userContext, { id: quote.id, channels: ["email"], at: later });
    await harness.remit.quotes.approve(userContext, { id: quote.id, approvedBy: "Dana Reyes" });
    harness.clock.set(later);
    await createOutboxWorker({ remit: harness.remit, quoteUrl }).runOnce();
    expect(harness.email.sent).toHaveLength(0);
    const { deliveries, quote: approved } = await harness.remit.quotes.get(userContext, {
      id: quote.id,
    });
    expect(approved.status).toBe("approved");
    expect(deliveries).toMatchObject([{ status: "cancelled", reason: "quote_approved" }]);
  });

  it("send - a missing contact refuses the whole send and changes nothing", async () => {
    const harness = await createHarness();
    const emailOnly = await harness.remit.customers.create(userContext, {
      name: "Sam Okafor",
      email: "sam@example.com",
    });
    const quote = await draftQuote(harness, emailOnly.id);
    const error = await refusal(
      harness.remit.quotes.send(userContext, { id: quote.id, channels: ["email", "sms"] }),
    );
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error.code).toBe("missing_contact");
    const details = await harness.remit.quotes.get(userContext, { id: quote.id });
    expect(details.quote).toMatchObject({ status: "draft", version: quote.version });
    expect(details.deliveries).toEqual([]);
  });

  it("send - the provider's status report on a quote's text updates it with quote.delivery_updated", async () => {
    const harness = await createHarness();
    const quote = await draftQuote(harness);
    await harness.remit.quotes.send(userContext, { id: quote.id, channels: ["sms"] });
    await createOutboxWorker({ remit: harness.remit, quoteUrl }).runOnce();
    const [delivery] = (await harness.remit.quotes.get(userContext, { id: quote.id })).deliveries;
    const report = await harness.remit.deliveries.report(providerContext, {
      providerMessageId: delivery?.providerMessageId ?? "",
      status: "delivered",
      providerStatus: "delivered",
    });
    expect(
      report.events.map((event) => [event.type, event.subject.type, event.subject.id]),
    ).toEqual([["quote.delivery_updated", "quote", quote.id]]);
    const after = await harness.remit.quotes.get(userContext, { id: quote.id });
    expect(after.deliveries[0]?.status).toBe("delivered");
    expect(after.quote.version).toBe(report.events[0]?.subject.version);
  });

  it("send - the tenant's quote templates are used", async () => {
    const harness = await createHarness({
      settings: { templates: { quoteSubject: "{{business}} quote: {{total}}" } },
    });
    const quote = await draftQuote(harness);
    await harness.remit.quotes.send(userContext, { id: quote.id, channels: ["email"] });
    await createOutboxWorker({ remit: harness.remit, quoteUrl }).runOnce();
    expect(harness.email.sent.map((message) => message.subject)).toEqual([
      "Acme Plumbing quote: $650.00",
    ]);
  });
});
