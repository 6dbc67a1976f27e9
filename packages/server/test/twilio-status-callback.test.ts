import { createTwilioSms } from "@remit/adapter-twilio";
import { createOutboxWorker, createRemit, type Remit } from "@remit/core";
import { createMemoryStore } from "@remit/testing";
import {
  createLoopbackTwilioClient,
  type FakeTwilioApi,
  fakeTwilioAuthToken,
  type SignedStatusCallback,
  signedStatusCallback,
  startFakeTwilioApi,
} from "@remit/testing/fake-twilio";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRemitHandler, type RemitHandler, twilioStatusCallbackUrl } from "../src/index";
import { ctx } from "./support/create-test-remit";

const publicUrl = "https://app.example.com/billing";

let twilio: FakeTwilioApi;
let remit: Remit;
let handler: RemitHandler;
/** The host app: Remit mounted under `/billing`, the public URL's path. */
let host: Hono;
let worker: ReturnType<typeof createOutboxWorker>;

beforeAll(async () => {
  twilio = await startFakeTwilioApi();
  remit = createRemit({
    store: createMemoryStore(),
    notifiers: {
      sms: createTwilioSms({
        client: createLoopbackTwilioClient(twilio),
        from: "+15125550199",
        statusCallbackUrl: (message) =>
          twilioStatusCallbackUrl(publicUrl, message.about?.tenantId ?? ""),
      }),
    },
  });
  worker = createOutboxWorker({
    remit,
    invoiceUrl: (invoice) => `${publicUrl}/i/${invoice.publicToken}`,
  });
  handler = createRemitHandler({
    remit,
    publicUrl,
    notifiers: { twilio: { authToken: fakeTwilioAuthToken } },
  });
  host = new Hono();
  host.route("/billing", handler.app);
  await remit.tenants.upsert(ctx, { name: "Reyes Plumbing", currency: "USD" });
});

afterAll(() => twilio?.close());

/** Texts a new invoice: the outbox sends it through the real twilio SDK to the fake API. */
async function textedInvoice() {
  const customer = await remit.customers.create(ctx, {
    name: "Dana Reyes",
    phone: "+1 512 555 0101",
  });
  const { invoice: draft } = await remit.invoices.create(ctx, {
    customerId: customer.id,
    lines: [{ kind: "labor", description: "Service call", quantity: "1", unitPrice: "75.00" }],
  });
  const { invoice } = await remit.invoices.issue(ctx, { id: draft.id });
  await remit.invoices.send(ctx, { id: invoice.id, channels: ["sms"] });
  await worker.runOnce();
  const message = twilio.messages.find((sent) => sent.body.includes(invoice.number ?? "-"));
  if (!message) throw new Error("Twilio got no text");
  return { invoice, message };
}

/** Posts a callback to the host app as Twilio would: the form, its signature, at `url`. */
async function post(callback: SignedStatusCallback, url = callback.url) {
  return host.fetch(
    new Request(url, {
      method: "POST",
      body: new URLSearchParams(callback.params),
      headers: { "x-twilio-signature": callback.signature },
    }),
  );
}

async function smsDelivery(invoiceId: string) {
  const details = await remit.invoices.get(ctx, { id: invoiceId });
  return details.deliveries.find((delivery) => delivery.channel === "sms");
}

describe("Twilio status callback - POST /webhooks/twilio/status", () => {
  it("status callback - the tenant's callback URL under the public URL's path; signed as Twilio signs, it moves the delivery to delivered", async () => {
    const { invoice, message } = await textedInvoice();
    const url = `${publicUrl}/webhooks/twilio/status?tenant=${ctx.tenantId}`;
    expect(message.statusCallback).toBe(url);
    expect((await smsDelivery(invoice.id))?.status).toBe("queued");

    expect((await post(signedStatusCallback(url, message, "sent"))).status).toBe(204);
    const delivered = await post(signedStatusCallback(url, message, "delivered"));
    expect(delivered.status).toBe(204);
    expect(await smsDelivery(invoice.id)).toMatchObject({
      status: "delivered",
      providerMessageId: message.sid,
    });
  });

  it("status callback - Twilio's failure with its error code marks the delivery failed", async () => {
    const { invoice, message } = await textedInvoice();
    const url = message.statusCallback ?? "";
    const failed = await post(signedStatusCallback(url, message, "undelivered", "30006"));
    expect(failed.status).toBe(204);
    expect(await smsDelivery(invoice.id)).toMatchObject({
      status: "failed",
      providerStatus: "undelivered:30006",
    });
  });

  it("status callback - checked against the public URL, not the Host the request came in on", async () => {
    const { invoice, message } = await textedInvoice();
    const callback = signedStatusCallback(message.statusCallback ?? "", message, "delivered");
    // The same signed callback reaching the app on an internal address, as behind a proxy.
    const internal = callback.url.replace("https://app.example.com", "http://10.0.0.7:8080");
    expect((await post(callback, internal)).status).toBe(204);
    expect((await smsDelivery(invoice.id))?.status).toBe("delivered");
  });

  it("status callback - a bad signature, another tenant, or no tenant gets 400 and changes nothing", async () => {
    const { invoice, message } = await textedInvoice();
    const url = message.statusCallback ?? "";
    const callback = signedStatusCallback(url, message, "delivered");
    const forged = await post({ ...callback, signature: "bm90IGEgc2lnbmF0dXJl" });
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({ error: { code: "invalid_signature" } });
    const wrongToken = signedStatusCallback(url, message, "delivered", undefined, "another-token");
    expect((await post(wrongToken)).status).toBe(400);
    const otherTenant = await post(callback, url.replace(ctx.tenantId, "someone-else"));
    expect(otherTenant.status).toBe(400);
    const noTenant = await post(callback, url.replace(/\?.*$/, ""));
    expect(noTenant.status).toBe(400);
    expect(await noTenant.json()).toMatchObject({ error: { code: "validation_error" } });
    expect((await smsDelivery(invoice.id))?.status).toBe("queued");
  });

  it("status callback - without notifiers.twilio the route is not there (404), so nothing unsigned is read", async () => {
    const bare = createRemitHandler({ remit, publicUrl });
    const response = await bare.fetch(
      new Request(`https://app.example.com/webhooks/twilio/status?tenant=${ctx.tenantId}`, {
        method: "POST",
        body: new URLSearchParams({ MessageStatus: "delivered" }),
      }),
    );
    expect(response.status).toBe(404);
  });
});
