import { describe, expect, it } from "vitest";
import { createOutboxWorker, DeliveryError, RemitError, ValidationError } from "../../src/index";
import { createHarness, userContext } from "../lifecycle/support/harness";

// remit.invoices.sendCreditNote: a credit note goes out like an invoice (issue 19, part 1).

type Harness = Awaited<ReturnType<typeof createHarness>>;

async function creditedInvoice(harness: Harness, { paid }: { paid: boolean }) {
  const invoice = await harness.issued();
  if (paid) await harness.pay(invoice.id, "100.00", "paid-in-full");
  const { creditNote } = await harness.remit.invoices.issueCreditNote(userContext, {
    id: invoice.id,
    amount: "25.00",
    reason: "Goodwill: late arrival",
  });
  return { invoice, creditNote };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!RemitError.isInstance(error)) throw new Error(`expected a RemitError, got ${String(error)}`);
  return error;
}

describe("sending credit notes", () => {
  it("sendCreditNote - one credit_note delivery per channel, sent by the worker with the credit note's message", async () => {
    const harness = await createHarness();
    const { invoice, creditNote } = await creditedInvoice(harness, { paid: false });
    const { deliveries, events } = await harness.remit.invoices.sendCreditNote(userContext, {
      id: creditNote.id,
      channels: ["email", "sms"],
    });
    expect(deliveries).toMatchObject([
      {
        purpose: "credit_note",
        creditNoteId: creditNote.id,
        invoiceId: invoice.id,
        channel: "email",
      },
      {
        purpose: "credit_note",
        creditNoteId: creditNote.id,
        invoiceId: invoice.id,
        channel: "sms",
      },
    ]);
    expect(events.map((event) => [event.type, event.subject.type, event.subject.id])).toEqual([
      ["credit_note.sent", "credit_note", creditNote.id],
    ]);
    expect(events[0]?.data).toMatchObject({
      creditNoteNumber: "CN-0001",
      invoiceNumber: "INV-0001",
      deliveryIds: deliveries.map((delivery) => delivery.id),
    });
    expect(harness.email.sent).toHaveLength(0); // never inside the user's call

    const worker = createOutboxWorker({ remit: harness.remit });
    await worker.runOnce();
    await worker.runOnce();
    const [mail] = harness.email.sent;
    expect(mail?.subject).toBe("Credit note CN-0001 from Acme Plumbing");
    expect(mail?.text).toContain("credit note CN-0001 for $25.00 on invoice INV-0001");
    expect(mail?.text).toContain("Reason: Goodwill: late arrival");
    expect(mail?.text).toContain("Still due on the invoice: $75.00");
    expect(mail?.about).toMatchObject({
      purpose: "credit_note",
      creditNote: { id: creditNote.id, number: "CN-0001" },
      invoice: { id: invoice.id },
    });
    expect(harness.sms.sent.map((message) => message.body)).toEqual([
      expect.stringContaining("credit note CN-0001 for $25.00 on invoice INV-0001"),
    ]);
    const details = await harness.remit.invoices.get(userContext, { id: invoice.id });
    expect(
      details.deliveries
        .filter((delivery) => delivery.purpose === "credit_note")
        .map((delivery) => delivery.status),
    ).toEqual(["sent", expect.stringMatching(/^(queued|sent|delivered)$/)]);
  });

  it("sendCreditNote - a paid invoice's credit note still goes out (it asks for no money)", async () => {
    const harness = await createHarness();
    const { invoice, creditNote } = await creditedInvoice(harness, { paid: true });
    await harness.remit.invoices.sendCreditNote(userContext, {
      id: creditNote.id,
      channels: ["email"],
    });
    const worker = createOutboxWorker({ remit: harness.remit });
    await worker.runOnce();
    await worker.runOnce();
    expect(harness.email.sent.map((message) => message.subject)).toContain(
      "Credit note CN-0001 from Acme Plumbing",
    );
    const details = await harness.remit.invoices.get(userContext, { id: invoice.id });
    expect(details.invoice.status).toBe("paid");
    expect(details.deliveries.find((delivery) => delivery.purpose === "credit_note")).toMatchObject(
      {
        status: "sent",
        reason: null,
      },
    );
  });

  it("sendCreditNote - the tenant's creditNote templates are used", async () => {
    const harness = await createHarness({
      settings: {
        templates: {
          creditNoteSubject: "{{business}} credited you {{creditNoteTotal}}",
          creditNoteSms: "Credit {{creditNoteNumber}}: {{creditNoteReason}}",
        },
      },
    });
    const { creditNote } = await creditedInvoice(harness, { paid: false });
    await harness.remit.invoices.sendCreditNote(userContext, {
      id: creditNote.id,
      channels: ["email", "sms"],
    });
    const worker = createOutboxWorker({ remit: harness.remit });
    await worker.runOnce();
    await worker.runOnce();
    expect(harness.email.sent.map((message) => message.subject)).toEqual([
      "Acme Plumbing credited you $25.00",
    ]);
    expect(harness.sms.sent.map((message) => message.body)).toEqual([
      "Credit CN-0001: Goodwill: late arrival",
    ]);
  });

  it("sendCreditNote - repeats with one idempotency key send once; a later send at a time is scheduled", async () => {
    const harness = await createHarness();
    const { invoice, creditNote } = await creditedInvoice(harness, { paid: false });
    const input = { id: creditNote.id, channels: ["email" as const], idempotencyKey: "send-cn-1" };
    const first = await harness.remit.invoices.sendCreditNote(userContext, input);
    const again = await harness.remit.invoices.sendCreditNote(userContext, input);
    expect(again.deliveries.map((delivery) => delivery.id)).toEqual(
      first.deliveries.map((delivery) => delivery.id),
    );
    const later = new Date(Date.parse(harness.clock.now()) + 86_400_000).toISOString();
    const scheduled = await harness.remit.invoices.sendCreditNote(userContext, {
      id: creditNote.id,
      channels: ["email"],
      at: later,
    });
    expect(scheduled.deliveries).toMatchObject([{ status: "scheduled", scheduledFor: later }]);
    const details = await harness.remit.invoices.get(userContext, { id: invoice.id });
    expect(
      details.deliveries.filter((delivery) => delivery.purpose === "credit_note"),
    ).toHaveLength(2);
  });

  it("sendCreditNote - refuses an unknown credit note, bad channels and a customer without a contact, storing nothing", async () => {
    const harness = await createHarness();
    const { invoice, creditNote } = await creditedInvoice(harness, { paid: false });
    const unknown = await refusal(
      harness.remit.invoices.sendCreditNote(userContext, { id: "cn_missing", channels: ["email"] }),
    );
    expect(unknown.code).toBe("not_found");
    const badChannels = await refusal(
      harness.remit.invoices.sendCreditNote(userContext, {
        id: creditNote.id,
        channels: ["email", "email"],
      }),
    );
    expect(badChannels).toBeInstanceOf(ValidationError);
    expect((badChannels as ValidationError).issues[0]?.path).toBe("channels");
    // A customer with an email and no phone: asking for both channels sends on neither.
    const emailOnly = await harness.remit.customers.create(userContext, {
      name: "Sam Okafor",
      email: "sam@example.com",
    });
    const { invoice: draft } = await harness.remit.invoices.create(userContext, {
      customerId: emailOnly.id,
      lines: [{ kind: "labor", description: "Repair", quantity: "1", unitPrice: "80.00" }],
    });
    await harness.remit.invoices.issue(userContext, { id: draft.id });
    const { creditNote: samsNote } = await harness.remit.invoices.issueCreditNote(userContext, {
      id: draft.id,
      amount: "10.00",
      reason: "Discount",
    });
    const noPhone = await refusal(
      harness.remit.invoices.sendCreditNote(userContext, {
        id: samsNote.id,
        channels: ["email", "sms"],
      }),
    );
    expect(noPhone).toBeInstanceOf(DeliveryError);
    expect(noPhone.code).toBe("missing_contact");
    for (const id of [invoice.id, draft.id]) {
      const details = await harness.remit.invoices.get(userContext, { id });
      expect(details.deliveries.filter((delivery) => delivery.purpose === "credit_note")).toEqual(
        [],
      );
      expect(details.events.map((event) => event.type)).not.toContain("credit_note.sent");
    }
  });

  it("sendCreditNote - cancelling reminders on payment leaves a queued credit note alone", async () => {
    const harness = await createHarness();
    const { invoice, creditNote } = await creditedInvoice(harness, { paid: false });
    await harness.remit.invoices.sendCreditNote(userContext, {
      id: creditNote.id,
      channels: ["email"],
    });
    await harness.pay(invoice.id, "75.00", "rest");
    const worker = createOutboxWorker({ remit: harness.remit });
    await worker.runOnce();
    await worker.runOnce();
    expect(harness.email.sent.map((message) => message.subject)).toContain(
      "Credit note CN-0001 from Acme Plumbing",
    );
  });
});
