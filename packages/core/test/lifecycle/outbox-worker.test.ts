// The outbox worker and "Precise rules › Sending": event handlers at least once, retries with
// backoff and dead jobs, scheduled sends, reminders, receipts, cancelled deliveries, and messages
// whose outcome is unknown.
import { describe, expect, it, vi } from "vitest";
import {
  createOutboxWorker,
  DeliveryError,
  type OutboxJob,
  ProviderError,
  type RemitEvent,
} from "../../src/index";
import { createHarness, type Harness, providerContext, userContext } from "./support/harness";

const hour = 3_600_000;

/** The jobs of a kind, leaving out those of the harness's setup (its tenant and customer events). */
function jobsOf(harness: Harness, kind: OutboxJob["kind"]) {
  return [...harness.store.state.jobs.all()].filter(
    (job) =>
      job.kind === kind &&
      !["tenant", "customer"].includes(
        (job.payload as { event?: RemitEvent }).event?.subject.type ?? "",
      ),
  );
}

async function deliveriesOf(harness: Harness, id: string) {
  return (await harness.remit.invoices.get(userContext, { id })).deliveries;
}

describe("outbox - event handlers", () => {
  it("handlers - run for each event at least once, by type or for every event", async () => {
    const harness = await createHarness();
    const seen: RemitEvent[] = [];
    const paid: string[] = [];
    harness.remit.events.on("*", (event) => void seen.push(event), { name: "audit" });
    harness.remit.events.on("invoice.paid", (event) => void paid.push(event.subject.id), {
      name: "accounting",
    });
    const invoice = await harness.issued();
    await harness.pay(invoice.id, "100.00", "p1");
    const report = await createOutboxWorker({ remit: harness.remit }).runOnce();
    const stored = (await harness.remit.events.list(userContext)).items;
    expect(seen.map((event) => event.id).sort()).toEqual(stored.map((event) => event.id).sort());
    expect(seen.map((event) => event.type).sort()).toEqual([
      "customer.created",
      "invoice.created",
      "invoice.issued",
      "invoice.paid",
      "invoice.payment_recorded",
      "tenant.updated",
    ]);
    expect(paid).toEqual([invoice.id]);
    expect(report).toMatchObject({ claimed: 6, completed: 6, retried: 0, dead: 0 });
    expect(jobsOf(harness, "event").every((job) => job.status === "done")).toBe(true);
  });

  it("handlers - a failing handler is retried with backoff, and only it runs again", async () => {
    const harness = await createHarness();
    const calls = { steady: 0, flaky: 0 };
    harness.remit.events.on("invoice.created", () => void calls.steady++, { name: "steady" });
    harness.remit.events.on(
      "invoice.created",
      () => {
        calls.flaky++;
        if (calls.flaky < 3) throw new Error(`crm down (${calls.flaky})`);
      },
      { name: "flaky" },
    );
    await harness.draft();
    const worker = createOutboxWorker({ remit: harness.remit });
    expect(await worker.runOnce()).toMatchObject({ retried: 1 });
    const [job] = jobsOf(harness, "event");
    expect(job).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: "flaky: crm down (1)",
      state: { done: ["steady"] },
      runAt: "2026-03-02T15:00:05.000Z", // 5 s after the first try
    });
    harness.clock.advance(4_999);
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    harness.clock.advance(1);
    await worker.runOnce(); // second failure: the next try waits twice as long
    expect(jobsOf(harness, "event")[0]?.runAt).toBe("2026-03-02T15:00:15.000Z");
    harness.clock.advance(10_000);
    expect(await worker.runOnce()).toMatchObject({ completed: 1 });
    expect(calls).toEqual({ steady: 1, flaky: 3 });
    expect(jobsOf(harness, "event")[0]?.status).toBe("done");
  });

  it("handlers - an event a handler keeps failing is dead after maxAttempts and shown through onDead", async () => {
    const harness = await createHarness();
    const dead: [OutboxJob, string][] = [];
    let calls = 0;
    let steady = 0;
    const worker = createOutboxWorker({
      remit: harness.remit,
      maxAttempts: 3,
      backoff: () => 1_000,
      onDead: (job, error) => void dead.push([job, error]),
      handlers: {
        counting: {
          type: "invoice.created",
          handle: () => {
            calls++;
          },
        },
        steady: { type: "*", handle: () => void steady++ },
      },
    });
    harness.remit.events.on(
      "invoice.created",
      () => {
        throw new Error("always down");
      },
      { name: "always-down" },
    );
    await harness.draft();
    const reports = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      reports.push(await worker.runOnce());
      harness.clock.advance(1_000);
    }
    expect(reports.map((report) => [report.retried, report.dead])).toEqual([
      [1, 0],
      [1, 0],
      [0, 1],
      [0, 0],
      [0, 0],
    ]);
    expect(dead).toHaveLength(1);
    expect(dead[0]?.[1]).toBe("always-down: always down");
    expect(dead[0]?.[0].payload.event).toMatchObject({ type: "invoice.created" });
    expect(jobsOf(harness, "event")[0]).toMatchObject({ status: "dead", attempts: 3 });
    // "*" also saw the setup's tenant.updated and customer.created, once each.
    expect([calls, steady]).toEqual([1, 3]);
  });
});

describe("outbox - sends", () => {
  it("send - a scheduled send is not sent before its time, and is sent after", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const at = "2026-03-02T17:00:00.000Z";
    const sent = await harness.remit.invoices.send(userContext, {
      id: invoice.id,
      channels: ["email", "sms"],
      at,
    });
    expect(sent.events[0]?.data).toMatchObject({ channels: ["email", "sms"], at });
    expect((await deliveriesOf(harness, invoice.id)).map((delivery) => delivery.status)).toEqual([
      "scheduled",
      "scheduled",
    ]);
    const worker = createOutboxWorker({ remit: harness.remit });
    await worker.runOnce();
    harness.clock.set("2026-03-02T16:59:59.999Z");
    await worker.runOnce();
    expect([harness.email.sent.length, harness.sms.sent.length]).toEqual([0, 0]);
    harness.clock.set(at);
    await worker.runOnce();
    expect(harness.email.sent.map((message) => message.to)).toEqual(["dana@example.com"]);
    expect(harness.sms.sent.map((message) => message.to)).toEqual(["+15551234567"]);
    expect(harness.email.sent[0]?.subject).toBe("Invoice INV-0001 from Acme Plumbing");
    const deliveries = await deliveriesOf(harness, invoice.id);
    expect(deliveries.map((delivery) => [delivery.channel, delivery.status])).toEqual([
      ["email", "sent"],
      ["sms", "queued"],
    ]);
    expect(harness.email.sent[0]?.idempotencyKey).toBe(deliveries[0]?.id);
  });

  it("send - a scheduled send shows the latest revision", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const sent = await harness.remit.invoices.send(userContext, {
      id: invoice.id,
      channels: ["email"],
      at: "2026-03-03T15:00:00Z",
    });
    await harness.remit.invoices.update(userContext, {
      id: invoice.id,
      expectedVersion: sent.invoice.version,
      lines: [{ description: "Repair", quantity: "1", unitPrice: "245.00" }],
    });
    harness.clock.set("2026-03-03T15:00:00Z");
    await createOutboxWorker({ remit: harness.remit }).runOnce();
    expect(harness.email.sent[0]?.text).toContain("$245.00");
  });

  it("send - checks every channel first: a missing contact refuses the whole send, naming it", async () => {
    const harness = await createHarness();
    const emailOnly = await harness.remit.customers.create(userContext, {
      name: "Email Only",
      email: "only@example.com",
    });
    const { invoice } = await harness.remit.invoices.create(userContext, {
      customerId: emailOnly.id,
      lines: [{ description: "Repair", quantity: "1", unitPrice: "10.00" }],
    });
    const issued = await harness.remit.invoices.issue(userContext, { id: invoice.id });
    const error = await harness.expectRefused(invoice.id, "missing_contact", () =>
      harness.remit.invoices.send(userContext, { id: invoice.id, channels: ["email", "sms"] }),
    );
    expect(error).toMatchObject({ channel: "sms" });
    expect(error).toBeInstanceOf(DeliveryError);
    expect(issued.invoice.version).toBe(2);
  });

  it("send - an opted-out recipient refuses the whole send, naming the channel", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    await harness.remit.customers.update(userContext, {
      id: harness.customer.id,
      optedOut: ["sms"],
    });
    const error = await harness.expectRefused(invoice.id, "recipient_opted_out", () =>
      harness.remit.invoices.send(userContext, { id: invoice.id, channels: ["email", "sms"] }),
    );
    expect(error).toMatchObject({ channel: "sms" });
  });

  it("send - an opt-out the SMS provider reports fails the delivery and refuses later sends", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    harness.sms.behave({
      type: "throw",
      error: () => new DeliveryError({ code: "recipient_opted_out", channel: "sms" }),
    });
    await harness.remit.invoices.send(userContext, { id: invoice.id, channels: ["sms"] });
    await createOutboxWorker({ remit: harness.remit }).runOnce();
    expect((await deliveriesOf(harness, invoice.id))[0]).toMatchObject({
      status: "failed",
      reason: "recipient_opted_out",
    });
    expect(
      (await harness.remit.customers.get(userContext, { id: harness.customer.id })).optedOut,
    ).toEqual(["sms"]);
    await harness.expectRefused(invoice.id, "recipient_opted_out", () =>
      harness.remit.invoices.send(userContext, { id: invoice.id, channels: ["sms"] }),
    );
  });

  it("delivery - status only moves forward, with the provider's own status beside it", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    await harness.remit.invoices.send(userContext, { id: invoice.id, channels: ["sms"] });
    await createOutboxWorker({ remit: harness.remit }).runOnce();
    const report = (status: "sent" | "delivered", providerStatus: string) =>
      harness.remit.deliveries.report(providerContext, {
        providerMessageId: "sms_1",
        status,
        providerStatus,
      });
    expect((await deliveriesOf(harness, invoice.id))[0]).toMatchObject({
      status: "queued",
      providerStatus: "queued",
    });
    await report("delivered", "delivered");
    await report("sent", "sent (late)");
    const [delivery] = await deliveriesOf(harness, invoice.id);
    // A late report moves the status nothing back; the provider's word is kept beside it.
    expect(delivery).toMatchObject({ status: "delivered", providerStatus: "sent (late)" });
  });

  it("delivery - a provider's temporary refusal is retried; a permanent one fails the delivery", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const worker = createOutboxWorker({ remit: harness.remit, backoff: () => hour });
    harness.email.behave({
      type: "throw",
      error: () =>
        new ProviderError({ provider: "smtp", message: "421 try later", retryable: true }),
    });
    await harness.remit.invoices.send(userContext, { id: invoice.id, channels: ["email"] });
    expect((await worker.runOnce()).retried).toBe(1);
    expect((await deliveriesOf(harness, invoice.id))[0]).toMatchObject({
      status: "queued",
      attempts: 1,
      reason: null,
    });
    harness.email.behave({ type: "accept" });
    harness.clock.advance(hour);
    await worker.runOnce();
    expect((await deliveriesOf(harness, invoice.id))[0]).toMatchObject({
      status: "sent",
      attempts: 2,
    });
    expect(harness.email.sent).toHaveLength(1);

    harness.email.behave({
      type: "throw",
      error: () =>
        new ProviderError({ provider: "smtp", message: "550 no such user", retryable: false }),
    });
    await harness.remit.invoices.send(userContext, { id: invoice.id, channels: ["email"] });
    await worker.runOnce();
    expect((await deliveriesOf(harness, invoice.id))[1]).toMatchObject({
      status: "failed",
      reason: "provider_refused",
    });
  });

  it("delivery - a worker that died mid-send leaves it failed with outcome_unknown, never sent twice", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    await harness.remit.invoices.send(userContext, { id: invoice.id, channels: ["email"] });
    harness.email.behave({ type: "hang" });
    const first = createOutboxWorker({
      remit: harness.remit,
      workerId: "wrk_dies",
      leaseMs: 60_000,
    });
    void first.runOnce(); // never returns: the process "died" while the provider had the message
    await vi.waitFor(() => expect(harness.email.attempts).toHaveLength(1));
    expect((await deliveriesOf(harness, invoice.id))[0]).toMatchObject({
      status: "queued",
      reason: "in_flight",
      attempts: 1,
    });
    harness.email.behave({ type: "accept" });
    harness.clock.advance(60_000);
    const second = createOutboxWorker({ remit: harness.remit, workerId: "wrk_next" });
    await second.runOnce();
    const [delivery] = await deliveriesOf(harness, invoice.id);
    expect(delivery).toMatchObject({ status: "failed", reason: "outcome_unknown" });
    expect(harness.email.attempts).toHaveLength(1);
    harness.clock.advance(24 * hour);
    await second.runOnce();
    expect(harness.email.attempts).toHaveLength(1);
    const details = await harness.remit.invoices.get(userContext, { id: invoice.id });
    expect(details.events.at(-1)).toMatchObject({
      type: "invoice.delivery_updated",
      subject: { version: details.invoice.version },
      data: { status: "failed", reason: "outcome_unknown" },
    });
  });
});

describe("outbox - reminders, receipts and cancelled deliveries", () => {
  it("reminders - a rule creates reminder deliveries at 09:00 local while the invoice is unpaid", async () => {
    const harness = await createHarness({
      settings: {
        timeZone: "America/Chicago",
        reminders: [{ daysFromDueDate: -3, channels: ["email"] }],
      },
    });
    const invoice = await harness.issued({ terms: "net_30" }); // due 2026-04-01
    const worker = createOutboxWorker({ remit: harness.remit });
    harness.clock.set("2026-03-29T13:59:59Z"); // 08:59:59 CDT
    await worker.runOnce();
    expect(harness.email.sent).toHaveLength(0);
    harness.clock.set("2026-03-29T14:00:00Z"); // 09:00 CDT
    await worker.runOnce();
    expect(harness.email.sent.map((message) => message.subject)).toEqual([
      "Reminder: invoice INV-0001 from Acme Plumbing",
    ]);
    expect((await deliveriesOf(harness, invoice.id)).map((delivery) => delivery.purpose)).toEqual([
      "reminder",
    ]);
  });

  it("cancel - cancels pending deliveries and reminders; nothing goes out", async () => {
    const harness = await createHarness({
      settings: { reminders: [{ daysFromDueDate: 1, channels: ["sms"] }] },
    });
    const invoice = await harness.issued();
    await harness.remit.invoices.send(userContext, {
      id: invoice.id,
      channels: ["email"],
      at: "2026-03-05T09:00:00Z",
    });
    await harness.remit.invoices.cancel(userContext, { id: invoice.id, reason: "Duplicate" });
    expect((await deliveriesOf(harness, invoice.id))[0]).toMatchObject({
      status: "cancelled",
      reason: "invoice_cancelled",
    });
    expect(jobsOf(harness, "reminder").map((job) => job.status)).toEqual(["cancelled"]);
    harness.clock.advance(60 * 24 * hour);
    await createOutboxWorker({ remit: harness.remit }).runOnce();
    expect([harness.email.attempts.length, harness.sms.sent.length]).toEqual([0, 0]);
  });

  it("paid - cancels pending deliveries and reminders; nothing goes out", async () => {
    const harness = await createHarness({
      settings: { reminders: [{ daysFromDueDate: -1, channels: ["email"] }] },
    });
    const invoice = await harness.issued();
    await harness.remit.invoices.send(userContext, {
      id: invoice.id,
      channels: ["email", "sms"],
      at: "2026-03-05T09:00:00Z",
    });
    await harness.pay(invoice.id, "100.00", "paid-in-full");
    expect((await deliveriesOf(harness, invoice.id)).map((delivery) => delivery.reason)).toEqual([
      "invoice_paid",
      "invoice_paid",
    ]);
    expect(jobsOf(harness, "reminder").map((job) => job.status)).toEqual(["cancelled"]);
    harness.clock.advance(60 * 24 * hour);
    await createOutboxWorker({ remit: harness.remit }).runOnce();
    expect([harness.email.attempts.length, harness.sms.sent.length]).toEqual([0, 0]);
  });

  it("send - a due retry is cancelled when the invoice is no longer payable", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const worker = createOutboxWorker({ remit: harness.remit, backoff: () => hour });
    harness.email.behave({
      type: "throw",
      error: () => new ProviderError({ provider: "smtp", message: "busy", retryable: true }),
    });
    await harness.remit.invoices.send(userContext, { id: invoice.id, channels: ["email"] });
    await worker.runOnce();
    // Handed to a provider once, so the payment leaves it to the worker to decide.
    await harness.pay(invoice.id, "100.00", "paid");
    harness.email.behave({ type: "accept" });
    harness.clock.advance(hour);
    await worker.runOnce();
    expect((await deliveriesOf(harness, invoice.id))[0]).toMatchObject({
      status: "cancelled",
      reason: "invoice_paid",
    });
    expect(harness.email.sent).toHaveLength(0);
  });

  it("receipts - are deliveries driven by invoice.payment_recorded", async () => {
    const harness = await createHarness({ settings: { receiptChannels: ["email"] } });
    const invoice = await harness.issued();
    await harness.pay(invoice.id, "40.00", "p1");
    const worker = createOutboxWorker({ remit: harness.remit });
    await worker.runOnce();
    await worker.runOnce();
    expect(harness.email.sent.map((message) => message.subject)).toEqual([
      "Receipt for invoice INV-0001 from Acme Plumbing",
    ]);
    const deliveries = await deliveriesOf(harness, invoice.id);
    expect(deliveries).toMatchObject([{ purpose: "receipt", status: "sent" }]);
    const recorded = (
      await harness.remit.invoices.get(userContext, { id: invoice.id })
    ).events.find((event) => event.type === "invoice.payment_recorded");
    expect(deliveries[0]?.sourceId).toBe(recorded?.id);
  });
});
