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
}, 600_000);

afterAll(async () => {
  await server?.stop();
  await fakes?.close();
});

describe("SMTP email in the example server", () => {
  it("email - an invoice sent by email arrives at the SMTP server with its PDF attached", async () => {
    const invoice = await issueDemoInvoice(server, "310.00");
    const sent = await fetch(`${server.url}/api/invoices/${invoice.id}/send`, {
      method: "POST",
      body: JSON.stringify({ channels: ["email"] }),
      headers: { "content-type": "application/json", ...(await server.apiHeaders()) },
    });
    expect(sent.status).toBe(200);
    const number = invoice.number ?? "";
    await expect
      .poll(() => fakes.smtp.received.find((mail) => mail.subject?.includes(number)), {
        timeout: 10_000,
      })
      .toBeDefined();
    const mail = fakes.smtp.received.find((candidate) => candidate.subject?.includes(number));

    expect(mail?.envelopeTo).toEqual(["dana@example.com"]);
    expect(mail?.from?.value).toEqual([
      { name: "Reyes Plumbing", address: "billing@reyesplumbing.example" },
    ]);
    expect(mail?.text).toContain(`${server.url}/i/${invoice.publicToken}`);
    expect(mail?.html).toContain(`${server.url}/i/${invoice.publicToken}`);
    expect(mail?.attachments).toHaveLength(1);
    const [pdf] = mail?.attachments ?? [];
    expect(pdf).toMatchObject({ filename: `${number}.pdf`, contentType: "application/pdf" });
    expect(pdf?.content.subarray(0, 5).toString()).toBe("%PDF-");
    // The attachment is the invoice's PDF, the same bytes the hosted page offers.
    const download = await fetch(`${server.url}/i/${invoice.publicToken}/pdf`);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf?.content ?? Buffer.alloc(0))).toBe(
      true,
    );

    await expect
      .poll(async () => (await invoiceDetails(server, invoice.id)).deliveries[0]?.status, {
        timeout: 10_000,
      })
      .toBe("sent");
  });

  it("email - a credit note sent through the API arrives with the credit note's own PDF", async () => {
    const invoice = await issueDemoInvoice(server, "120.00");
    const post = async (path: string, body: unknown) =>
      fetch(`${server.url}/api${path}`, {
        method: "POST",
        body: JSON.stringify(body),
        headers: { "content-type": "application/json", ...(await server.apiHeaders()) },
      });
    const credited = await post(`/invoices/${invoice.id}/credit-notes`, {
      amount: "20.00",
      reason: "Part returned",
    });
    expect(credited.status).toBe(200);
    const { creditNote } = (await credited.json()) as {
      creditNote: { id: string; number: string };
    };
    const sent = await post(`/credit-notes/${creditNote.id}/send`, { channels: ["email"] });
    expect(sent.status).toBe(200);
    const answer = (await sent.json()) as {
      deliveries: { purpose: string; creditNoteId: string }[];
    };
    expect(answer.deliveries).toMatchObject([
      { purpose: "credit_note", creditNoteId: creditNote.id },
    ]);
    const subject = `Credit note ${creditNote.number} from Reyes Plumbing & Heating`;
    await expect
      .poll(() => fakes.smtp.received.find((mail) => mail.subject === subject), { timeout: 10_000 })
      .toBeDefined();
    const mail = fakes.smtp.received.find((candidate) => candidate.subject === subject);
    expect(mail?.text).toContain(`credit note ${creditNote.number} for $20.00`);
    const [pdf] = mail?.attachments ?? [];
    expect(pdf).toMatchObject({
      filename: `${creditNote.number}.pdf`,
      contentType: "application/pdf",
    });
    expect(pdf?.content.subarray(0, 5).toString()).toBe("%PDF-");
    // Not the invoice's PDF: the credit note's.
    const invoicePdf = await fetch(`${server.url}/i/${invoice.publicToken}/pdf`);
    expect(
      Buffer.from(await invoicePdf.arrayBuffer()).equals(pdf?.content ?? Buffer.alloc(0)),
    ).toBe(false);
  });

  it("email - a quote sent through the API arrives with the link to its hosted quote page", async () => {
    const headers = { "content-type": "application/json", ...(await server.apiHeaders()) };
    const post = (path: string, body: unknown) =>
      fetch(`${server.url}/api${path}`, { method: "POST", body: JSON.stringify(body), headers });
    const customers = (await (
      await fetch(`${server.url}/api/customers?limit=200`, { headers })
    ).json()) as { items: { id: string; email: string | null }[] };
    const dana = customers.items.find((customer) => customer.email === "dana@example.com");
    const created = await post("/quotes", {
      customerId: dana?.id,
      title: "Tankless water heater",
      lines: [{ kind: "material", description: "Heater", quantity: "1", unitPrice: "1450.00" }],
    });
    expect(created.status).toBe(201);
    const { quote } = (await created.json()) as { quote: { id: string } };
    const sent = await post(`/quotes/${quote.id}/send`, { channels: ["email"] });
    expect(sent.status).toBe(200);
    const { quote: sentQuote } = (await sent.json()) as { quote: { publicToken: string } };
    const subject = "Quote from Reyes Plumbing & Heating: Tankless water heater";
    await expect
      .poll(() => fakes.smtp.received.find((mail) => mail.subject === subject), { timeout: 10_000 })
      .toBeDefined();
    const mail = fakes.smtp.received.find((candidate) => candidate.subject === subject);
    const link = `${server.url}/q/${sentQuote.publicToken}`;
    expect(mail?.text).toContain(link);
    expect(mail?.attachments ?? []).toHaveLength(0);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Tankless water heater");
  });

  it("email - with SMTP set nothing is printed: the demo seed's invoice email went out over SMTP", async () => {
    // The seed issues "Clear main line clog" to Luis Ortega and sends it by email.
    await expect
      .poll(
        () => fakes.smtp.received.some((mail) => mail.envelopeTo.includes("luis@example.com")),
        { timeout: 10_000 },
      )
      .toBe(true);
    expect(server.lines.some((line) => line.startsWith("[email]"))).toBe(false);
    expect(server.lines).toContain("Payments: Stripe; email: SMTP; SMS: Twilio");
  });
});
