import { DeliveryError, type Invoice, RemitError } from "@remit/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSmtpEmail, type RenderPdfInput } from "../src/index";
import { createHarness, user } from "./support/harness";
import { type SmtpSink, startSmtpSink } from "./support/smtp-sink";

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});
beforeEach(() => {
  sink.received.length = 0;
  sink.attempts.length = 0;
});

/** A stand-in for the app's PDF renderer: a tiny PDF naming the invoice and its amount due. */
function renderPdf({ invoice, purpose }: RenderPdfInput) {
  if (purpose === "receipt") return undefined;
  return new TextEncoder().encode(
    `%PDF-1.7\n% ${invoice.number} ${invoice.amountDue} ${invoice.currency}\n%%EOF\n`,
  );
}

const smtpEmail = () =>
  createSmtpEmail({
    transport: sink.transport(),
    from: { name: "Acme Plumbing", address: "billing@acme.example" },
    renderPdf,
  });

async function refusal(promise: Promise<unknown>): Promise<RemitError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!RemitError.isInstance(error)) throw new Error(`expected a RemitError, got ${String(error)}`);
  return error;
}

const link = (invoice: Invoice) => `https://pay.example.com/i/${invoice.publicToken}`;

describe("sending invoices by email", () => {
  it("send now - one email with subject, recipient, HTML and text bodies and the PDF; delivery sent", async () => {
    const { remit, worker, issuedInvoice, deliveriesOf } = await createHarness({
      email: smtpEmail(),
    });
    const { invoice } = await issuedInvoice({});
    await remit.invoices.send(user, { id: invoice.id, channels: ["email"] });
    expect(sink.received).toHaveLength(0); // never inside the user's request
    await worker.runOnce();
    await worker.runOnce();

    expect(sink.received).toHaveLength(1);
    const [mail] = sink.received;
    expect(mail?.subject).toBe("Invoice INV-0001 from Acme Plumbing");
    expect(mail?.envelopeTo).toEqual(["dana@example.com"]);
    expect(mail?.to).toMatchObject({ value: [{ address: "dana@example.com" }] });
    expect(mail?.text).toContain("Invoice INV-0001 for $1,234.50 is due on 2026-04-01.");
    expect(mail?.text).toContain(`View and pay it here: ${link(invoice)}`);
    expect(mail?.html).toContain("Invoice INV-0001 for $1,234.50 is due on 2026-04-01.");
    expect(mail?.html).toContain(link(invoice));
    const [pdf] = mail?.attachments ?? [];
    expect(pdf).toMatchObject({ filename: "INV-0001.pdf", contentType: "application/pdf" });
    expect(pdf?.content.toString("latin1")).toContain("% INV-0001 1234.5");

    const [delivery] = await deliveriesOf(invoice.id);
    expect(delivery).toMatchObject({
      channel: "email",
      recipient: "dana@example.com",
      status: "sent",
      providerMessageId: mail?.messageId,
      attempts: 1,
    });
    expect(mail?.messageId).toBe(`<${delivery?.id}@acme.example>`);
  });

  it("send later - nothing before `at`, one email after", async () => {
    const { remit, clock, worker, issuedInvoice, deliveriesOf } = await createHarness({
      email: smtpEmail(),
    });
    const { invoice } = await issuedInvoice({});
    await remit.invoices.send(user, {
      id: invoice.id,
      channels: ["email"],
      at: "2026-03-10T14:00:00.000Z",
    });
    await worker.runOnce();
    clock.set("2026-03-10T13:59:59.999Z");
    await worker.runOnce();
    expect(sink.received).toHaveLength(0);
    expect((await deliveriesOf(invoice.id))[0]?.status).toBe("scheduled");
    clock.set("2026-03-10T14:00:00.000Z");
    await worker.runOnce();
    clock.advance(86_400_000);
    await worker.runOnce();
    expect(sink.received).toHaveLength(1);
    expect((await deliveriesOf(invoice.id))[0]?.status).toBe("sent");
  });

  it("reminders after the due date by rule, and a receipt (without the PDF) when paid", async () => {
    const { remit, clock, worker, issuedInvoice } = await createHarness({
      email: smtpEmail(),
      settings: {
        reminders: [{ daysFromDueDate: 1, channels: ["email"] }],
        receiptChannels: ["email"],
      },
    });
    const { invoice } = await issuedInvoice({ amount: "300.00" });
    clock.set("2026-04-02T13:59:00.000Z"); // 08:59 in Chicago, the day after the due date
    await worker.runOnce();
    expect(sink.received).toHaveLength(0);
    clock.set("2026-04-02T14:00:00.000Z");
    await worker.runOnce();
    expect(sink.received.map((mail) => mail.subject)).toEqual([
      "Reminder: invoice INV-0001 from Acme Plumbing",
    ]);
    await remit.invoices.recordPayment(user, {
      id: invoice.id,
      amount: "100.00",
      method: "cash",
      idempotencyKey: "cash-1",
    });
    await worker.runOnce();
    const receipt = sink.received[1];
    expect(receipt?.subject).toBe("Receipt for invoice INV-0001 from Acme Plumbing");
    expect(receipt?.text).toContain("Paid so far: $100.00; still due: $200.00.");
    expect(receipt?.attachments).toEqual([]);
  });

  it("templates - overridden per tenant, values escaped in HTML, amounts in the tenant's locale", async () => {
    const { remit, worker } = await createHarness({
      email: smtpEmail(),
      settings: {
        name: "Smith & Söhne <Sanitär>",
        currency: "EUR",
        locale: "de-DE",
        timeZone: "Europe/Berlin",
        templates: {
          invoiceSentSubject: "Rechnung {{number}} – {{business}}",
          invoiceSentBody:
            "Guten Tag {{customer}},\n\nbitte zahlen Sie {{amountDue}} bis {{dueDate}}: {{url}}\n\n{{business}}",
        },
      },
    });
    const customer = await remit.customers.create(user, {
      name: `Dana "<script>alert(1)</script>" & Co`,
      email: "dana@example.com",
    });
    const { invoice: draft } = await remit.invoices.create(user, {
      customerId: customer.id,
      lines: [{ kind: "labor", description: "Rohrreinigung", quantity: "2", unitPrice: "617.25" }],
    });
    const { invoice } = await remit.invoices.issue(user, {
      id: draft.id,
      send: { channels: ["email"] },
    });
    await worker.runOnce();
    const [mail] = sink.received;
    expect(mail?.subject).toBe("Rechnung INV-0001 – Smith & Söhne <Sanitär>");
    expect(mail?.text).toContain(`Guten Tag Dana "<script>alert(1)</script>" & Co,`);
    expect(mail?.text).toContain(
      `bitte zahlen Sie 1.234,50\u00a0€ bis 2026-04-01: ${link(invoice)}`,
    );
    expect(mail?.html).not.toContain("<script>");
    expect(mail?.html).toContain(
      "Guten Tag Dana &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; &amp; Co,",
    );
    expect(mail?.html).toContain("Smith &amp; Söhne &lt;Sanitär&gt;");
    expect(mail?.html).toContain("1.234,50\u00a0€");
  });
});

describe("faults", () => {
  it("the SMTP server refusing (451) for a while - retried with backoff, delivered exactly once", async () => {
    const { remit, clock, worker, issuedInvoice, deliveriesOf } = await createHarness({
      email: smtpEmail(),
    });
    const { invoice } = await issuedInvoice({});
    sink.answerNext("refuse_temporary", "refuse_temporary");
    await remit.invoices.send(user, { id: invoice.id, channels: ["email"] });
    expect(await worker.runOnce()).toMatchObject({ retried: 1 });
    expect((await deliveriesOf(invoice.id))[0]).toMatchObject({
      status: "queued",
      reason: null,
      providerStatus: expect.stringContaining("451"),
    });
    clock.advance(5_000);
    expect(await worker.runOnce()).toMatchObject({ retried: 1 });
    clock.advance(10_000);
    expect(await worker.runOnce()).toMatchObject({ retried: 0, dead: 0 });
    clock.advance(3_600_000);
    await worker.runOnce();

    expect(sink.attempts).toEqual(["refuse_temporary", "refuse_temporary", "accept"]);
    expect(sink.received).toHaveLength(1);
    expect((await deliveriesOf(invoice.id))[0]).toMatchObject({ status: "sent", attempts: 3 });
  });

  it("a permanent refusal (550) - failed, not retried", async () => {
    const { remit, clock, worker, issuedInvoice, deliveriesOf } = await createHarness({
      email: smtpEmail(),
    });
    const { invoice } = await issuedInvoice({});
    sink.answerNext("refuse_permanent");
    await remit.invoices.send(user, { id: invoice.id, channels: ["email"] });
    await worker.runOnce();
    clock.advance(3_600_000);
    await worker.runOnce();
    expect(sink.attempts).toEqual(["refuse_permanent"]);
    expect((await deliveriesOf(invoice.id))[0]).toMatchObject({
      status: "failed",
      reason: "provider_refused",
    });
  });

  it("the connection dropped after the server took the message - resent with the same Message-ID (the at-least-once edge)", async () => {
    const { remit, clock, worker, issuedInvoice, deliveriesOf } = await createHarness({
      email: smtpEmail(),
    });
    const { invoice } = await issuedInvoice({});
    sink.answerNext("drop");
    await remit.invoices.send(user, { id: invoice.id, channels: ["email"] });
    expect(await worker.runOnce()).toMatchObject({ retried: 1 });
    clock.advance(5_000);
    await worker.runOnce();
    // The client could not tell the first copy arrived; both carry one Message-ID, which mail
    // servers and clients use to show it once.
    expect(sink.received).toHaveLength(2);
    expect(sink.received[0]?.messageId).toBe(sink.received[1]?.messageId);
    expect((await deliveriesOf(invoice.id))[0]).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("a customer without an email - the send is refused with missing_contact naming email, nothing sent", async () => {
    const { remit, worker, issuedInvoice, deliveriesOf } = await createHarness({
      email: smtpEmail(),
    });
    const { invoice } = await issuedInvoice({ email: null, phone: "+15125550101" });
    const error = await refusal(remit.invoices.send(user, { id: invoice.id, channels: ["email"] }));
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ code: "missing_contact", channel: "email" });
    await worker.runOnce();
    expect(sink.attempts).toEqual([]);
    expect(await deliveriesOf(invoice.id)).toEqual([]);
  });
});

describe("sending credit notes by email", () => {
  it("sendCreditNote - one email with the credit note's subject and its own PDF, named after its number", async () => {
    const email = createSmtpEmail({
      transport: sink.transport(),
      from: { name: "Acme Plumbing", address: "billing@acme.example" },
      // The app renders the credit note's PDF for a credit-note message, the invoice's otherwise.
      renderPdf: ({ invoice, creditNote }) =>
        new TextEncoder().encode(
          creditNote
            ? `%PDF-1.7\n% credit note ${creditNote.number} ${creditNote.total}\n%%EOF\n`
            : `%PDF-1.7\n% ${invoice.number}\n%%EOF\n`,
        ),
    });
    const { remit, worker, issuedInvoice, deliveriesOf } = await createHarness({ email });
    const { invoice } = await issuedInvoice({});
    const { creditNote } = await remit.invoices.issueCreditNote(user, {
      id: invoice.id,
      amount: "100.00",
      reason: "Part returned",
    });
    await remit.invoices.sendCreditNote(user, { id: creditNote.id, channels: ["email"] });
    await worker.runOnce();
    await worker.runOnce();

    const mails = sink.received.filter((mail) => mail.subject?.startsWith("Credit note"));
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail?.subject).toBe("Credit note CN-0001 from Acme Plumbing");
    expect(mail?.envelopeTo).toEqual(["dana@example.com"]);
    expect(mail?.text).toContain("credit note CN-0001 for $100.00 on invoice INV-0001");
    const [pdf] = mail?.attachments ?? [];
    expect(pdf).toMatchObject({ filename: "CN-0001.pdf", contentType: "application/pdf" });
    expect(pdf?.content.toString("latin1")).toContain("% credit note CN-0001 100.00");
    const delivery = (await deliveriesOf(invoice.id)).find(
      (each) => each.purpose === "credit_note",
    );
    expect(delivery).toMatchObject({ creditNoteId: creditNote.id, status: "sent" });
    expect(mail?.messageId).toBe(`<${delivery?.id}@acme.example>`);
  });
});
