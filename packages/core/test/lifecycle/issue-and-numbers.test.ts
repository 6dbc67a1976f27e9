// "Precise rules › Issue and numbers", "› Update after issue" and the Events rules.
import { describe, expect, it } from "vitest";
import { createOutboxWorker } from "../../src/index";
import { createHarness, providerContext, refusal, userContext } from "./support/harness";
import { invoiceIn } from "./support/invoices-in-status";

describe("precise rules - issue and numbers", () => {
  it("issue - issueDate is the tenant's local date; dueDate follows the terms", async () => {
    // 2026-03-02T15:00Z is 2026-03-03 04:00 in Auckland.
    const harness = await createHarness({ settings: { timeZone: "Pacific/Auckland" } });
    const dueOnReceipt = await harness.issued({ terms: "due_on_receipt" });
    const net15 = await harness.issued({ terms: "net_15" });
    const fixed = await harness.issued({ terms: { dueDate: "2026-04-30" } });
    const sameDay = await harness.issued({ terms: { dueDate: "2026-03-03" } });
    expect(
      [dueOnReceipt, net15, fixed, sameDay].map((invoice) => [invoice.issueDate, invoice.dueDate]),
    ).toEqual([
      ["2026-03-03", "2026-03-03"],
      ["2026-03-03", "2026-03-18"],
      ["2026-03-03", "2026-04-30"],
      ["2026-03-03", "2026-03-03"],
    ]);
  });

  it("issue - refuses a fixed due date before the issue date, and gives its number back", async () => {
    const harness = await createHarness();
    const early = await harness.draft({ terms: { dueDate: "2026-03-01" } });
    const error = await harness.expectRefused(early.id, "validation_error", () =>
      harness.remit.invoices.issue(userContext, { id: early.id }),
    );
    expect(error).toMatchObject({ path: "terms" });
    expect((await harness.issued()).number).toBe("INV-0001");
  });

  it("issue - refuses issue and save & send from pending_action when review is required", async () => {
    const harness = await createHarness({ settings: { requireReview: true } });
    const draft = await harness.draft();
    for (const input of [
      { id: draft.id },
      { id: draft.id, send: { channels: ["email" as const] } },
    ]) {
      const error = await harness.expectRefused(draft.id, "invalid_transition", () =>
        harness.remit.invoices.issue(userContext, input),
      );
      expect(error).toMatchObject({ status: "pending_action", move: "issue" });
    }
  });

  it.each([false, true])(
    "send - refused from pending_action and pending_review whatever the review setting (review %s)",
    async (requireReview) => {
      const harness = await createHarness({ settings: { requireReview } });
      for (const status of ["pending_action", "pending_review"] as const) {
        const invoice = await invoiceIn(harness, status);
        const error = await harness.expectRefused(invoice.id, "invalid_transition", () =>
          harness.remit.invoices.send(userContext, { id: invoice.id, channels: ["email"] }),
        );
        expect(error).toMatchObject({ status, move: "send" });
      }
    },
  );

  it.each([
    ["INV-{SEQ:4}", ["INV-0001", "INV-0002"]],
    ["{YYYY}/{SEQ}", ["2026/1", "2026/2"]],
    ["{YY}{MM}-{SEQ:3}", ["2603-001", "2603-002"]],
    ["A{SEQ:1}Z", ["A1Z", "A2Z"]],
  ] as const)("numbers - format %s prints %j", async (numberFormat, expected) => {
    const harness = await createHarness({ settings: { numberFormat } });
    const numbers = [(await harness.issued()).number, (await harness.issued()).number];
    expect(numbers).toEqual(expected);
  });

  it("numbers - {SEQ:n} pads to n digits and never cuts a longer sequence", async () => {
    const harness = await createHarness({ settings: { numberFormat: "N{SEQ:1}-{SEQ:1}" } }).catch(
      (error: unknown) => error,
    );
    expect(harness).toMatchObject({ code: "validation_error" });
    const padded = await createHarness({ settings: { numberFormat: "N{SEQ:2}" } });
    const numbers: (string | null)[] = [];
    for (let index = 0; index < 101; index++) {
      const draft = await padded.draft();
      numbers.push(
        (await padded.remit.invoices.issue(userContext, { id: draft.id })).invoice.number,
      );
    }
    expect([numbers[0], numbers[8], numbers[9], numbers[98], numbers[99], numbers[100]]).toEqual([
      "N01",
      "N09",
      "N10",
      "N99",
      "N100",
      "N101",
    ]);
  });

  it("numbers - a format needs exactly one {SEQ} and no other tokens", async () => {
    const harness = await createHarness();
    for (const numberFormat of ["INV-{YYYY}", "{SEQ}-{SEQ:2}", "INV-{DD}-{SEQ}", "INV-{SEQ"]) {
      const error = await refusal(harness.remit.tenants.upsert(userContext, { numberFormat }));
      expect(error, numberFormat).toMatchObject({ code: "validation_error", path: "numberFormat" });
    }
    expect((await harness.remit.tenants.get(userContext)).numberFormat).toBe("INV-{SEQ:4}");
  });

  it("numbers - the INV-{YYYY}-{SEQ:4} series restarts every year", async () => {
    const harness = await createHarness({
      settings: { numberFormat: "INV-{YYYY}-{SEQ:4}", timeZone: "America/New_York" },
      start: "2026-12-31T12:00:00.000Z",
    });
    const first = await harness.issued();
    const second = await harness.issued();
    // 23:59 on Dec 31 in New York is already 2027 in UTC: still the 2026 series.
    harness.clock.set("2027-01-01T04:59:00.000Z");
    const third = await harness.issued();
    harness.clock.set("2027-01-01T05:00:00.000Z");
    const fourth = await harness.issued();
    const fifth = await harness.issued();
    expect([first, second, third, fourth, fifth].map((invoice) => invoice.number)).toEqual([
      "INV-2026-0001",
      "INV-2026-0002",
      "INV-2026-0003",
      "INV-2027-0001",
      "INV-2027-0002",
    ]);
    expect(fourth).toMatchObject({ series: "INV-2027-{SEQ}", sequence: 1 });
  });

  it("numbers - a {MM} series restarts every month; the sequence has no gap or repeat", async () => {
    const harness = await createHarness({
      settings: { numberFormat: "{YY}{MM}-{SEQ:3}" },
      start: "2026-01-31T12:00:00.000Z",
    });
    const january = await harness.issued();
    harness.clock.set("2026-02-01T00:00:00.000Z");
    const february = [await harness.issued(), await harness.issued()];
    expect([january, ...february].map((invoice) => invoice.number)).toEqual([
      "2601-001",
      "2602-001",
      "2602-002",
    ]);
  });

  it("numbers - no gap and no repeat under concurrent issuing", async () => {
    const harness = await createHarness({ settings: { numberFormat: "INV-{SEQ:3}" } });
    const drafts = [];
    for (let index = 0; index < 20; index++) drafts.push(await harness.draft());
    const issued = await Promise.all(
      drafts.map((draft) => harness.remit.invoices.issue(userContext, { id: draft.id })),
    );
    expect(issued.map((result) => result.invoice.number).sort()).toEqual(
      Array.from({ length: 20 }, (_, index) => `INV-${String(index + 1).padStart(3, "0")}`),
    );
  });

  it("numbers - assigned at issue, never at draft; a cancelled invoice keeps its number", async () => {
    const harness = await createHarness();
    const draft = await harness.draft();
    expect(draft.number).toBeNull();
    const issued = (await harness.remit.invoices.issue(userContext, { id: draft.id })).invoice;
    const { invoice } = await harness.remit.invoices.cancel(userContext, {
      id: draft.id,
      reason: "Duplicate",
    });
    expect(invoice.number).toBe(issued.number);
    expect((await harness.issued()).number).toBe("INV-0002");
  });

  it("issue - ends paid when the total is 0", async () => {
    const harness = await createHarness();
    const draft = await harness.draft({ amount: "0.00" });
    const { invoice, events } = await harness.remit.invoices.issue(userContext, { id: draft.id });
    expect(invoice).toMatchObject({ status: "paid", amountDue: "0.00", number: "INV-0001" });
    expect(invoice.paidAt).toBe(invoice.issuedAt);
    expect(events.map((event) => event.type)).toEqual(["invoice.issued", "invoice.paid"]);
  });

  it("issue - ends paid when deposits already cover the total", async () => {
    const harness = await createHarness();
    const { remit } = harness;
    const { quote } = await remit.quotes.create(userContext, {
      customerId: harness.customer.id,
      title: "Water heater",
      lines: [{ kind: "material", description: "Heater", quantity: "1", unitPrice: "650.00" }],
    });
    await remit.quotes.send(userContext, { id: quote.id });
    await remit.quotes.approve(userContext, { id: quote.id, approvedBy: "Dana" });
    await remit.quotes.recordDeposit(userContext, {
      id: quote.id,
      amount: "700.00",
      method: "check",
      idempotencyKey: "deposit-1",
    });
    const { workOrder } = await remit.quotes.convertToWorkOrder(userContext, { id: quote.id });
    await remit.workOrders.complete(userContext, { id: workOrder.id });
    const { invoice, events } = await remit.workOrders.submitInvoice(userContext, {
      id: workOrder.id,
    });
    expect(invoice).toMatchObject({
      status: "paid",
      total: "650.00",
      amountPaid: "700.00",
      amountDue: "0.00",
      credit: "50.00",
      number: "INV-0001",
    });
    const invoiceEvents = events.filter((event) => event.subject.type === "invoice");
    expect(invoiceEvents.map((event) => event.type)).toEqual([
      "invoice.created",
      "invoice.issued",
      "invoice.paid",
    ]);
  });

  it("issue - gives a public token of at least 128 bits that finds only that invoice", async () => {
    const harness = await createHarness();
    const a = await harness.issued();
    const b = await harness.issued();
    for (const invoice of [a, b]) {
      const token = invoice.publicToken ?? "";
      // base64url: 6 bits a character.
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(token.length * 6).toBeGreaterThanOrEqual(128);
      expect((await harness.remit.invoices.getByPublicToken({ token })).id).toBe(invoice.id);
    }
    expect(a.publicToken).not.toBe(b.publicToken);
    expect((await harness.draft()).publicToken).toBeNull();
  });
});

describe("precise rules - update after issue", () => {
  it("update after issue - keeps the number and issueDate, and the dueDate when the terms stay", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued({ terms: "net_15" });
    harness.clock.advance(5 * 86_400_000);
    const { invoice: updated } = await harness.remit.invoices.update(userContext, {
      id: invoice.id,
      expectedVersion: invoice.version,
      lines: [{ description: "Repair", quantity: "1", unitPrice: "120.00" }],
    });
    expect(updated).toMatchObject({
      number: invoice.number,
      issueDate: "2026-03-02",
      dueDate: "2026-03-17",
      total: "120.00",
      amountDue: "120.00",
      status: "pending_payment",
    });
  });

  it("update after issue - recomputes dueDate from the issue date when the terms change", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued({ terms: "net_15" });
    harness.clock.advance(5 * 86_400_000);
    const { invoice: updated } = await harness.remit.invoices.update(userContext, {
      id: invoice.id,
      expectedVersion: invoice.version,
      terms: "net_30",
    });
    expect(updated).toMatchObject({ issueDate: "2026-03-02", dueDate: "2026-04-01" });
  });

  it("update after issue - sets the status by the payments rule", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued({ terms: "net_30" });
    harness.clock.advance(10 * 86_400_000);
    const shorter = await harness.remit.invoices.update(userContext, {
      id: invoice.id,
      expectedVersion: invoice.version,
      terms: "net_1",
    });
    expect(shorter.invoice).toMatchObject({ status: "past_due", dueDate: "2026-03-03" });
    const longer = await harness.remit.invoices.update(userContext, {
      id: invoice.id,
      expectedVersion: shorter.invoice.version,
      terms: "net_60",
    });
    expect(longer.invoice).toMatchObject({ status: "pending_payment", dueDate: "2026-05-01" });
    const free = await harness.remit.invoices.update(userContext, {
      id: invoice.id,
      expectedVersion: longer.invoice.version,
      lines: [{ description: "Warranty repair", quantity: "1", unitPrice: "0.00" }],
    });
    expect(free.invoice).toMatchObject({ status: "paid", amountDue: "0.00" });
    expect(free.events.map((event) => event.type)).toEqual(["invoice.updated", "invoice.paid"]);
  });

  it("update after issue - refuses a new currency or customer; the same customer is fine", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const other = await harness.remit.customers.create(userContext, { name: "Pat Morgan" });
    const currency = await harness.expectRefused(invoice.id, "validation_error", () =>
      harness.remit.invoices.update(userContext, {
        id: invoice.id,
        expectedVersion: invoice.version,
        currency: "EUR",
      }),
    );
    expect(currency).toMatchObject({ path: "currency" });
    const customer = await harness.expectRefused(invoice.id, "validation_error", () =>
      harness.remit.invoices.update(userContext, {
        id: invoice.id,
        expectedVersion: invoice.version,
        customerId: other.id,
      }),
    );
    expect(customer).toMatchObject({ path: "customerId" });
    const same = await harness.remit.invoices.update(userContext, {
      id: invoice.id,
      expectedVersion: invoice.version,
      customerId: harness.customer.id,
      currency: "USD",
      memo: "Thanks!",
    });
    expect(same.invoice.revision).toBe(2);
  });

  it("update before issue - may change the currency and the customer", async () => {
    const harness = await createHarness();
    const draft = await harness.draft();
    const other = await harness.remit.customers.create(userContext, { name: "Pat Morgan" });
    const { invoice } = await harness.remit.invoices.update(userContext, {
      id: draft.id,
      expectedVersion: 1,
      currency: "EUR",
      customerId: other.id,
    });
    expect(invoice).toMatchObject({ currency: "EUR", customer: { id: other.id } });
  });

  it("update after issue - notifies nobody, and a later send shows the latest revision", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const worker = createOutboxWorker({ remit: harness.remit });
    const updated = await harness.remit.invoices.update(userContext, {
      id: invoice.id,
      expectedVersion: invoice.version,
      lines: [{ description: "Repair", quantity: "1", unitPrice: "175.00" }],
    });
    await worker.runOnce();
    expect(harness.email.sent).toHaveLength(0);
    expect(harness.sms.sent).toHaveLength(0);
    expect(updated.events.map((event) => event.type)).toEqual(["invoice.updated"]);
    await harness.remit.invoices.send(userContext, { id: invoice.id, channels: ["email"] });
    await worker.runOnce();
    expect(harness.email.sent).toHaveLength(1);
    expect(harness.email.sent[0]?.text).toContain("$175.00");
  });

  it("update - with payments, allowed down to the amount paid less refunds, and a full refund frees the total (issue 19)", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const first = await harness.pay(invoice.id, "30.00", "p1");
    const second = await harness.remit.invoices.recordPayment(providerContext, {
      id: invoice.id,
      amount: "20.00",
      method: "card",
      idempotencyKey: "pi_2",
    });
    const edit = (expectedVersion: number, unitPrice: string) =>
      harness.remit.invoices.update(userContext, {
        id: invoice.id,
        expectedVersion,
        lines: [{ kind: "labor", description: "Repair", quantity: "1", unitPrice }],
      });
    let version = second.invoice?.version ?? 0;
    await harness.expectRefused(invoice.id, "validation_error", () => edit(version, "49.99"));
    const down = (await edit(version, "50.00")).invoice;
    expect(down).toMatchObject({ status: "paid", amountDue: "0.00", revision: 2 });
    version = down.version;
    const refunds = [
      [first.payment.id, "30.00", userContext],
      [second.payment.id, "20.00", providerContext],
    ] as const;
    for (const [paymentId, amount, context] of refunds) {
      const refunded = await harness.remit.invoices.refund(context, {
        id: invoice.id,
        paymentId,
        amount,
        idempotencyKey: `refund-${paymentId}`,
      });
      version = refunded.invoice.version;
    }
    const { invoice: edited } = await edit(version, "10.00");
    expect(edited).toMatchObject({ amountPaid: "0.00", revision: 3, status: "pending_payment" });
  });
});

describe("precise rules - events", () => {
  it("events - each move appends one event named after it, with the invoice's figures after it", async () => {
    const harness = await createHarness({ settings: { requireReview: true } });
    const { remit } = harness;
    const draft = await harness.draft();
    await remit.invoices.update(userContext, { id: draft.id, expectedVersion: 1, memo: "m" });
    await remit.invoices.submit(userContext, { id: draft.id });
    await remit.invoices.requestChanges(userContext, { id: draft.id, reason: "photos" });
    await remit.invoices.submit(userContext, { id: draft.id });
    await remit.invoices.issue(userContext, { id: draft.id });
    await remit.invoices.send(userContext, { id: draft.id, channels: ["email"] });
    await harness.pay(draft.id, "40.00", "p1");
    const last = await harness.pay(draft.id, "60.00", "p2");
    await remit.invoices.refund(userContext, {
      id: draft.id,
      paymentId: last.payment.id,
      amount: "60.00",
      idempotencyKey: "r1",
    });
    const details = await remit.invoices.get(userContext, { id: draft.id });
    expect(details.events.map((event) => [event.type, event.subject.version])).toEqual([
      ["invoice.created", 1],
      ["invoice.updated", 2],
      ["invoice.submitted", 3],
      ["invoice.changes_requested", 4],
      ["invoice.submitted", 5],
      ["invoice.issued", 6],
      ["invoice.sent", 7],
      ["invoice.payment_recorded", 8],
      ["invoice.payment_recorded", 9],
      ["invoice.paid", 9],
      ["invoice.refunded", 10],
    ]);
    const refunded = details.events.at(-1);
    expect(refunded).toEqual({
      id: expect.stringMatching(/^evt_/),
      type: "invoice.refunded",
      specVersion: 1,
      tenantId: "tenant_acme",
      subject: { type: "invoice", id: draft.id, version: 10 },
      occurredAt: "2026-03-02T15:00:00.000Z",
      actor: userContext.actor,
      data: {
        refundId: expect.stringMatching(/^ref_/),
        paymentId: last.payment.id,
        amount: "60.00",
        refundStatus: "succeeded",
        reason: null,
        status: "pending_payment",
        previousStatus: "paid",
        number: "INV-0001",
        currency: "USD",
        total: "100.00",
        amountPaid: "40.00",
        amountDue: "60.00",
        credit: "0.00",
        creditNoteTotal: "0.00",
        writtenOff: "0.00",
        dueDate: "2026-04-01",
      },
    });
  });

  it("events - a payment on an already paid invoice appends no second invoice.paid", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    expect(
      (await harness.pay(invoice.id, "100.00", "p1")).events.map((event) => event.type),
    ).toEqual(["invoice.payment_recorded", "invoice.paid"]);
    expect((await harness.pay(invoice.id, "5.00", "p2")).events.map((event) => event.type)).toEqual(
      ["invoice.payment_recorded"],
    );
  });

  it("events - save & send refused on its send half stores nothing, not even the issue", async () => {
    const harness = await createHarness();
    const noPhone = await harness.remit.customers.create(userContext, {
      name: "No Phone",
      email: "np@example.com",
    });
    const { invoice } = await harness.remit.invoices.create(userContext, {
      customerId: noPhone.id,
      lines: [{ description: "Repair", quantity: "1", unitPrice: "10.00" }],
    });
    const error = await harness.expectRefused(invoice.id, "missing_contact", () =>
      harness.remit.invoices.issue(userContext, {
        id: invoice.id,
        send: { channels: ["email", "sms"] },
      }),
    );
    expect(error).toMatchObject({ channel: "sms" });
    expect((await harness.issued()).number).toBe("INV-0001");
  });
});
