import { DeliveryError, RemitError, WebhookSignatureError } from "@remit/core";
import {
  createLoopbackTwilioClient,
  type FakeTwilioApi,
  signedStatusCallback,
  startFakeTwilioApi,
} from "@remit/testing/fake-twilio";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTwilioSms, handleTwilioStatusCallback } from "../src/index";
import { createHarness, tenantId, user } from "./support/harness";

const callbackUrl = `https://api.example.com/webhooks/twilio/${tenantId}`;

let api: FakeTwilioApi;
beforeAll(async () => {
  api = await startFakeTwilioApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => {
  api.messages.length = 0;
  api.requests.length = 0;
  api.optedOut.clear();
});

const smsSender = (timeout?: number) =>
  createTwilioSms({
    client: createLoopbackTwilioClient(api, timeout === undefined ? {} : { timeout }),
    from: "+15125550100",
    statusCallbackUrl: (message) =>
      `https://api.example.com/webhooks/twilio/${message.about?.tenantId ?? "unknown"}`,
  });

async function refusal(promise: Promise<unknown>): Promise<RemitError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!RemitError.isInstance(error)) throw new Error(`expected a RemitError, got ${String(error)}`);
  return error;
}

describe("sending invoices by text", () => {
  it("send now - the worker texts the number, amount due, due date and link once", async () => {
    const { remit, worker, issuedInvoice, deliveriesOf } = await createHarness({
      sms: smsSender(),
    });
    const { invoice } = await issuedInvoice({});
    await remit.invoices.send(user, { id: invoice.id, channels: ["sms"] });
    expect(api.messages).toHaveLength(0); // never inside the user's request
    await worker.runOnce();
    await worker.runOnce();
    expect(api.messages).toHaveLength(1);
    const [message] = api.messages;
    expect(message?.to).toBe("+15125550101");
    expect(message?.body).toBe(
      `Acme Plumbing: invoice INV-0001 for $1,234.50 is due 2026-04-01. View and pay: https://pay.example.com/i/${invoice.publicToken}`,
    );
    expect(message?.statusCallback).toBe(callbackUrl);
    const [delivery] = await deliveriesOf(invoice.id);
    expect(delivery).toMatchObject({
      channel: "sms",
      recipient: "+15125550101",
      status: "queued",
      providerMessageId: message?.sid,
      reason: null,
      attempts: 1,
    });
  });

  it("save & send - issue with send texts the invoice", async () => {
    const { remit, worker } = await createHarness({ sms: smsSender() });
    const customer = await remit.customers.create(user, {
      name: "Dana Reyes",
      phone: "+1 (512) 555-0101",
    });
    expect(customer.phone).toBe("+15125550101");
    const { invoice: draft } = await remit.invoices.create(user, {
      customerId: customer.id,
      lines: [{ kind: "labor", description: "Repair", quantity: "1", unitPrice: "80.00" }],
    });
    await remit.invoices.issue(user, { id: draft.id, send: { channels: ["sms"] } });
    await worker.runOnce();
    expect(api.messages.map((message) => message.body)).toEqual([
      expect.stringContaining("invoice INV-0001 for $80.00"),
    ]);
  });

  it("send later - nothing goes out before `at`, one message after", async () => {
    const { remit, clock, worker, issuedInvoice, deliveriesOf } = await createHarness({
      sms: smsSender(),
    });
    const { invoice } = await issuedInvoice({});
    const at = "2026-03-05T15:00:00.000Z";
    await remit.invoices.send(user, { id: invoice.id, channels: ["sms"], at });
    await worker.runOnce();
    expect((await deliveriesOf(invoice.id))[0]).toMatchObject({
      status: "scheduled",
      scheduledFor: at,
    });
    clock.set("2026-03-05T14:59:59.000Z");
    await worker.runOnce();
    expect(api.messages).toHaveLength(0);
    clock.set(at);
    await worker.runOnce();
    clock.advance(3_600_000);
    await worker.runOnce();
    expect(api.messages).toHaveLength(1);
    expect((await deliveriesOf(invoice.id))[0]?.status).toBe("queued");
  });

  it("reminders by rule - 3 days before due at 09:00 local, none once paid; a receipt on payment", async () => {
    const { remit, clock, worker, issuedInvoice, deliveriesOf } = await createHarness({
      sms: smsSender(),
      settings: {
        reminders: [
          { daysFromDueDate: -3, channels: ["sms"] },
          { daysFromDueDate: 1, channels: ["sms"] },
          { daysFromDueDate: 7, channels: ["sms"] },
        ],
        receiptChannels: ["sms"],
      },
    });
    const { invoice } = await issuedInvoice({ amount: "200.00" });
    // Due 2026-04-01; 3 days before is 2026-03-29, 09:00 in Chicago (CDT, UTC−5) = 14:00 UTC.
    clock.set("2026-03-29T13:59:00.000Z");
    await worker.runOnce();
    expect(api.messages).toHaveLength(0);
    clock.set("2026-03-29T14:00:00.000Z");
    await worker.runOnce();
    expect(api.messages.map((message) => message.body)).toEqual([
      `Acme Plumbing: reminder, invoice INV-0001 for $200.00 is due 2026-04-01. Pay: https://pay.example.com/i/${invoice.publicToken}`,
    ]);
    await remit.invoices.recordPayment(user, {
      id: invoice.id,
      amount: "200.00",
      method: "check",
      idempotencyKey: "check-1042",
    });
    await worker.runOnce();
    expect(api.messages[1]?.body).toBe(
      "Acme Plumbing: payment received for invoice INV-0001. Still due: $0.00.",
    );
    clock.set("2026-04-09T15:00:00.000Z");
    await worker.runOnce();
    expect(api.messages).toHaveLength(2);
    const purposes = (await deliveriesOf(invoice.id)).map((delivery) => delivery.purpose).sort();
    expect(purposes).toEqual(["receipt", "reminder"]);
  });

  it("templates - a tenant's own SMS template, amounts in its currency and locale", async () => {
    const { remit, worker, issuedInvoice } = await createHarness({
      sms: smsSender(),
      settings: {
        name: "Klempnerei Acme",
        currency: "EUR",
        locale: "de-DE",
        timeZone: "Europe/Berlin",
        templates: {
          invoiceSentSms:
            "{{business}}: Rechnung {{number}} über {{amountDue}}, fällig am {{dueDate}}. {{url}}",
        },
      },
    });
    const { invoice } = await issuedInvoice({ phone: "+4915123456789" });
    await remit.invoices.send(user, { id: invoice.id, channels: ["sms"] });
    await worker.runOnce();
    expect(api.messages[0]).toMatchObject({
      to: "+4915123456789",
      body: `Klempnerei Acme: Rechnung INV-0001 über 1.234,50\u00a0€, fällig am 2026-04-01. https://pay.example.com/i/${invoice.publicToken}`,
    });
  });
});

describe("status callbacks", () => {
  it("signed callbacks move the delivery forward and keep Twilio's status beside it", async () => {
    const { remit, worker, issuedInvoice, deliveriesOf } = await createHarness({
      sms: smsSender(),
    });
    const { invoice } = await issuedInvoice({});
    await remit.invoices.send(user, { id: invoice.id, channels: ["sms"] });
    await worker.runOnce();
    const [message] = api.messages;
    if (!message) throw new Error("no message");
    for (const status of ["sending", "sent", "delivered"]) {
      const result = await handleTwilioStatusCallback(remit, {
        tenantId,
        ...signedStatusCallback(callbackUrl, message, status),
      });
      expect(result.outcome).toBe("recorded");
    }
    expect((await deliveriesOf(invoice.id))[0]).toMatchObject({
      status: "delivered",
      providerStatus: "delivered",
    });
    // A late "sent" never moves it back.
    await handleTwilioStatusCallback(remit, {
      tenantId,
      ...signedStatusCallback(callbackUrl, message, "sent"),
    });
    expect((await deliveriesOf(invoice.id))[0]?.status).toBe("delivered");
  });

  it("undelivered with an error code - failed, Twilio's status and code kept", async () => {
    const { remit, worker, issuedInvoice, deliveriesOf } = await createHarness({
      sms: smsSender(),
    });
    const { invoice } = await issuedInvoice({});
    await remit.invoices.send(user, { id: invoice.id, channels: ["sms"] });
    await worker.runOnce();
    const [message] = api.messages;
    if (!message) throw new Error("no message");
    await handleTwilioStatusCallback(remit, {
      tenantId,
      ...signedStatusCallback(callbackUrl, message, "undelivered", "30007"),
    });
    expect((await deliveriesOf(invoice.id))[0]).toMatchObject({
      status: "failed",
      providerStatus: "undelivered:30007",
      reason: "30007",
    });
  });

  it("a bad signature - WebhookSignatureError, nothing changed", async () => {
    const { remit, worker, issuedInvoice, deliveriesOf } = await createHarness({
      sms: smsSender(),
    });
    const { invoice } = await issuedInvoice({});
    await remit.invoices.send(user, { id: invoice.id, channels: ["sms"] });
    await worker.runOnce();
    const [message] = api.messages;
    if (!message) throw new Error("no message");
    const before = await remit.invoices.get(user, { id: invoice.id });
    const signed = signedStatusCallback(callbackUrl, message, "delivered");
    const attempts = [
      { ...signed, params: { ...signed.params, MessageStatus: "failed" } }, // altered body
      { ...signed, url: `${callbackUrl}?tenant=other` }, // another URL
      { ...signed, authToken: "another-accounts-token" },
      { ...signed, signature: undefined },
    ];
    for (const attempt of attempts) {
      const error = await refusal(handleTwilioStatusCallback(remit, { tenantId, ...attempt }));
      expect(error).toBeInstanceOf(WebhookSignatureError);
      expect(error.code).toBe("invalid_signature");
    }
    const after = await remit.invoices.get(user, { id: invoice.id });
    expect(after.deliveries).toEqual(before.deliveries);
    expect(after.events).toHaveLength(before.events.length);
    expect((await deliveriesOf(invoice.id))[0]?.status).toBe("queued");
  });

  it("an unknown message or an inbound status is ignored, not an error", async () => {
    const { remit } = await createHarness({ sms: smsSender() });
    const stranger = {
      sid: `SM${"f".repeat(32)}`,
      accountSid: `AC${"0".repeat(32)}`,
      to: "+15125550199",
      from: "+15125550100",
      messagingServiceSid: undefined,
      body: "",
      statusCallback: undefined,
      authorization: undefined,
    };
    expect(
      await handleTwilioStatusCallback(remit, {
        tenantId,
        ...signedStatusCallback(callbackUrl, stranger, "delivered"),
      }),
    ).toEqual({ outcome: "ignored", reason: "unknown_message" });
    expect(
      await handleTwilioStatusCallback(remit, {
        tenantId,
        ...signedStatusCallback(callbackUrl, stranger, "received"),
      }),
    ).toEqual({ outcome: "ignored", reason: "not_an_outbound_status" });
  });

  it("STOP - error 21610 in a callback marks the customer opted out; the next send is refused", async () => {
    const { remit, worker, issuedInvoice, deliveriesOf } = await createHarness({
      sms: smsSender(),
    });
    const { invoice, customer } = await issuedInvoice({ email: "dana@example.com" });
    await remit.invoices.send(user, { id: invoice.id, channels: ["sms"] });
    await worker.runOnce();
    const [message] = api.messages;
    if (!message) throw new Error("no message");
    await handleTwilioStatusCallback(remit, {
      tenantId,
      ...signedStatusCallback(callbackUrl, message, "failed", "21610"),
    });
    expect((await deliveriesOf(invoice.id))[0]).toMatchObject({
      status: "failed",
      reason: "recipient_opted_out",
      providerStatus: "failed:21610",
    });
    expect((await remit.customers.get(user, { id: customer.id })).optedOut).toEqual(["sms"]);
    const error = await refusal(
      remit.invoices.send(user, { id: invoice.id, channels: ["email", "sms"] }),
    );
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ code: "recipient_opted_out", channel: "sms" });
    expect(await deliveriesOf(invoice.id)).toHaveLength(1); // nothing half-sent, not even the email
  });
});
