import { DeliveryError, type EmailSender, RemitError, type SmsSender } from "@remit/core";
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

const twilioSms = () =>
  createTwilioSms({
    client: createLoopbackTwilioClient(api),
    from: "+15125550100",
    statusCallbackUrl: callbackUrl,
  });

/** An email sender that only counts, for sends that also ask for email. */
function countingEmail(): EmailSender & { sent: string[] } {
  const sent: string[] = [];
  return {
    specificationVersion: "v1",
    sent,
    async send(message) {
      sent.push(message.to);
      return { providerMessageId: `email-${sent.length}` };
    },
  };
}

async function refusal(promise: Promise<unknown>): Promise<RemitError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!RemitError.isInstance(error)) throw new Error(`expected a RemitError, got ${String(error)}`);
  return error;
}

/**
 * Waits until `condition` holds, checking again after each turn of the event loop. No deadline of
 * its own: however slow the machine, it waits for the state, and vitest's test timeout ends a
 * test whose state never comes.
 */
async function waitUntil(condition: () => boolean | Promise<boolean>) {
  while (!(await condition())) await new Promise((resolve) => setImmediate(resolve));
}

describe("faults", () => {
  it("Twilio answering 500, then not at all - retried with backoff, one message, delivered once", async () => {
    const { remit, clock, worker, issuedInvoice, deliveriesOf } = await createHarness({
      sms: twilioSms(),
    });
    const { invoice } = await issuedInvoice({});
    await remit.invoices.send(user, { id: invoice.id, channels: ["sms"] });
    api.answerNext("error500", "hang");

    expect(await worker.runOnce()).toMatchObject({ retried: 1 });
    expect((await deliveriesOf(invoice.id))[0]).toMatchObject({ status: "queued", reason: null });
    await worker.runOnce();
    expect(api.requests).toHaveLength(1); // not before the backoff

    clock.advance(5_000);
    const run = worker.runOnce();
    await api.whenHanging(); // Twilio holds the request; the connection then drops unanswered
    api.dropHanging();
    expect(await run).toMatchObject({ retried: 1 });
    clock.advance(10_000);
    expect(await worker.runOnce()).toMatchObject({ retried: 0, dead: 0 });
    clock.advance(3_600_000);
    await worker.runOnce();

    expect(api.requests.map((request) => request.answer)).toEqual(["error500", "hang", "accept"]);
    expect(api.messages).toHaveLength(1);
    const [message] = api.messages;
    if (!message) throw new Error("no message");
    await handleTwilioStatusCallback(remit, {
      tenantId,
      ...signedStatusCallback(callbackUrl, message, "delivered"),
    });
    const deliveries = await deliveriesOf(invoice.id);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({
      status: "delivered",
      providerMessageId: message.sid,
      attempts: 3,
    });
  });

  it("a sender failing with no answer the port knows, after Twilio took the message - outcome_unknown, not resent", async () => {
    const twilio = twilioSms();
    const crashing: SmsSender = {
      specificationVersion: "v1",
      async send(message) {
        await twilio.send(message);
        // What a process dying between the provider's answer and the record looks like here.
        throw "worker killed";
      },
    };
    const { remit, clock, worker, issuedInvoice, deliveriesOf } = await createHarness({
      sms: crashing,
    });
    const { invoice } = await issuedInvoice({});
    await remit.invoices.send(user, { id: invoice.id, channels: ["sms"] });
    await worker.runOnce();
    clock.advance(3_600_000);
    await worker.runOnce();
    expect(api.messages).toHaveLength(1);
    expect((await deliveriesOf(invoice.id))[0]).toMatchObject({
      status: "failed",
      reason: "outcome_unknown",
    });
  });

  it("the worker killed mid-batch - a fresh worker after the lease marks the stuck delivery outcome_unknown and never resends it", async () => {
    const twilio = twilioSms();
    let release: () => void = () => undefined;
    const stuck = new Promise<void>((resolve) => {
      release = resolve;
    });
    let dying: () => void = () => undefined;
    const died = new Promise<void>((resolve) => {
      dying = resolve;
    });
    let calls = 0;
    const dyingSender: SmsSender = {
      specificationVersion: "v1",
      async send(message) {
        const sent = await twilio.send(message);
        calls++;
        if (calls === 2) {
          dying(); // Twilio has the second text; the process "dies" here.
          await stuck;
        }
        return sent;
      },
    };
    const { remit, clock, worker, newWorker, issuedInvoice, deliveriesOf } = await createHarness({
      sms: dyingSender,
    });
    const first = await issuedInvoice({});
    const second = await issuedInvoice({ phone: "+15125550102" });
    await remit.invoices.send(user, { id: first.invoice.id, channels: ["sms"] });
    await remit.invoices.send(user, { id: second.invoice.id, channels: ["sms"] });

    const dead = worker.runOnce(); // never finishes: its process is gone
    await died;
    expect(api.messages).toHaveLength(2);
    // The first send's answer is recorded by the worker after the send returns.
    await waitUntil(
      async () => (await deliveriesOf(first.invoice.id))[0]?.providerMessageId !== null,
    );
    const [one] = await deliveriesOf(first.invoice.id);
    expect(one).toMatchObject({ status: "queued", reason: null });
    expect((await deliveriesOf(second.invoice.id))[0]).toMatchObject({ reason: "in_flight" });

    clock.advance(61_000); // past the dead worker's lease
    const fresh = newWorker();
    await fresh.runOnce();
    const [two] = await deliveriesOf(second.invoice.id);
    expect(two).toMatchObject({ status: "failed", reason: "outcome_unknown" });
    clock.advance(3_600_000);
    await fresh.runOnce();
    expect(api.messages.map((message) => message.to)).toEqual(["+15125550101", "+15125550102"]);

    // Should the "dead" worker wake up after all, its late answer keeps Twilio's id for status
    // reports but moves nothing back.
    release();
    await dead.catch(() => undefined);
    const [late] = await deliveriesOf(second.invoice.id);
    expect(late).toMatchObject({
      status: "failed",
      reason: "outcome_unknown",
      providerMessageId: api.messages[1]?.sid,
    });
    expect(api.messages).toHaveLength(2);
  });

  it("opted out at Twilio (21610 on send) - failed, kept on the customer, the next send refused naming sms", async () => {
    const email = countingEmail();
    const { remit, worker, issuedInvoice, deliveriesOf } = await createHarness({
      sms: twilioSms(),
      email,
    });
    const { invoice, customer } = await issuedInvoice({ email: "dana@example.com" });
    api.optedOut.add("+15125550101");
    await remit.invoices.send(user, { id: invoice.id, channels: ["sms"] });
    await worker.runOnce();
    expect((await deliveriesOf(invoice.id))[0]).toMatchObject({
      status: "failed",
      reason: "recipient_opted_out",
    });
    expect((await remit.customers.get(user, { id: customer.id })).optedOut).toEqual(["sms"]);

    const error = await refusal(
      remit.invoices.send(user, { id: invoice.id, channels: ["email", "sms"] }),
    );
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ code: "recipient_opted_out", channel: "sms" });
    await worker.runOnce();
    expect(email.sent).toEqual([]);
    expect(await deliveriesOf(invoice.id)).toHaveLength(1);
    expect(api.requests).toHaveLength(1);
  });

  it("a customer without a phone - the whole send is refused with missing_contact naming sms, nothing sent", async () => {
    const email = countingEmail();
    const { remit, worker, issuedInvoice, deliveriesOf } = await createHarness({
      sms: twilioSms(),
      email,
    });
    const { invoice } = await issuedInvoice({ phone: null, email: "dana@example.com" });
    const before = await remit.invoices.get(user, { id: invoice.id });
    const error = await refusal(
      remit.invoices.send(user, { id: invoice.id, channels: ["email", "sms"] }),
    );
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ code: "missing_contact", channel: "sms" });
    await worker.runOnce();
    expect(email.sent).toEqual([]);
    expect(api.requests).toHaveLength(0);
    expect(await deliveriesOf(invoice.id)).toEqual([]);
    expect((await remit.invoices.get(user, { id: invoice.id })).invoice.version).toBe(
      before.invoice.version,
    );
  });
});
