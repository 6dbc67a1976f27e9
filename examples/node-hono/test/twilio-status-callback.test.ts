import { signedStatusCallback } from "@remit/testing/fake-twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServiceFakes, smsFrom, startServiceFakes } from "./support/start-service-fakes";
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

/** Sends a new invoice by text through the API and waits for Twilio to have it. */
async function textedInvoice() {
  const invoice = await issueDemoInvoice(server, "75.00");
  const sent = await fetch(`${server.url}/api/invoices/${invoice.id}/send`, {
    method: "POST",
    body: JSON.stringify({ channels: ["sms"] }),
    headers: { "content-type": "application/json", ...(await server.apiHeaders()) },
  });
  expect(sent.status).toBe(200);
  await expect
    .poll(
      () => fakes.twilio.messages.find((message) => message.body.includes(invoice.number ?? "")),
      {
        timeout: 10_000,
      },
    )
    .toBeDefined();
  const message = fakes.twilio.messages.find((candidate) =>
    candidate.body.includes(invoice.number ?? ""),
  );
  if (!message) throw new Error("Twilio got no text");
  // The worker records Twilio's answer just after the call: wait for the delivery to show it.
  await expect
    .poll(async () => (await invoiceDetails(server, invoice.id)).deliveries[0]?.status, {
      timeout: 10_000,
    })
    .toBe("queued");
  return { invoice, message };
}

function postCallback(callback: ReturnType<typeof signedStatusCallback>, url = callback.url) {
  return fetch(url, {
    method: "POST",
    body: new URLSearchParams(callback.params),
    headers: { "x-twilio-signature": callback.signature },
  });
}

describe("Twilio in the example server", () => {
  it("sms - texts the invoice link through Twilio, with the tenant's status callback URL", async () => {
    const { invoice, message } = await textedInvoice();
    expect(message).toMatchObject({ from: smsFrom, to: "+15125550101" });
    expect(message.body).toContain(`${server.url}/i/${invoice.publicToken}`);
    expect(message.statusCallback).toBe(
      `${server.url}/webhooks/twilio/status?tenant=demo-plumbing`,
    );
  });

  it("status callback - a callback signed like Twilio's moves the delivery to delivered", async () => {
    const { invoice, message } = await textedInvoice();
    const url = message.statusCallback ?? "";
    expect((await postCallback(signedStatusCallback(url, message, "sent"))).status).toBe(204);
    const delivered = await postCallback(signedStatusCallback(url, message, "delivered"));
    expect(delivered.status).toBe(204);
    const [delivery] = (await invoiceDetails(server, invoice.id)).deliveries;
    expect(delivery).toMatchObject({
      channel: "sms",
      status: "delivered",
      providerMessageId: message.sid,
    });
  });

  it("status callback - a bad signature, or a tenant other than the signed one, gets 400 and changes nothing", async () => {
    const { invoice, message } = await textedInvoice();
    const url = message.statusCallback ?? "";
    const callback = signedStatusCallback(url, message, "delivered");
    const forged = await postCallback({ ...callback, signature: "bm90IGEgc2lnbmF0dXJl" });
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({ error: { code: "invalid_signature" } });
    // The tenant is in the signed URL: pointing the same callback at another tenant fails the check.
    const otherTenant = await postCallback(callback, url.replace("demo-plumbing", "someone-else"));
    expect(otherTenant.status).toBe(400);
    const noTenant = await postCallback(callback, url.replace(/\?.*$/, ""));
    expect(noTenant.status).toBe(400);
    expect(await noTenant.json()).toMatchObject({ error: { code: "validation_error" } });

    const [delivery] = (await invoiceDetails(server, invoice.id)).deliveries;
    expect(delivery?.status).toBe("queued");
  });
});
