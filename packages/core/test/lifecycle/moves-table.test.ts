// One test per row of the lifecycle spec's Moves table, and its closing rule: any move not in the
// table is refused with invalid_transition, naming the status and the move, changing nothing.
import { describe, expect, it } from "vitest";
import {
  createHarness,
  type Harness,
  providerContext,
  systemContext,
  userContext,
} from "./support/harness";
import { invoiceIn, type Status } from "./support/invoices-in-status";

describe("moves table", () => {
  it("create - starts in pending_action at revision 1 and version 1", async () => {
    const harness = await createHarness();
    const { invoice, events } = await harness.remit.invoices.create(userContext, {
      customerId: harness.customer.id,
      lines: [{ kind: "labor", description: "Repair", quantity: "2", unitPrice: "60.00" }],
    });
    expect(invoice).toMatchObject({
      status: "pending_action",
      revision: 1,
      version: 1,
      total: "120.00",
      number: null,
      issueDate: null,
      dueDate: null,
    });
    expect(events.map((event) => event.type)).toEqual(["invoice.created"]);
    const details = await harness.remit.invoices.get(userContext, { id: invoice.id });
    expect(details.revisions).toHaveLength(1);
    expect(details.revisions[0]).toMatchObject({ revision: 1, actor: userContext.actor });
  });

  it.each(["pending_action", "pending_review", "pending_payment", "past_due"] as const)(
    "update - from %s stores a new revision and keeps the status",
    async (status) => {
      const harness = await createHarness();
      const invoice = await invoiceIn(harness, status);
      const { invoice: updated, events } = await harness.remit.invoices.update(userContext, {
        id: invoice.id,
        expectedVersion: invoice.version,
        lines: [{ description: "Repair", quantity: "1", unitPrice: "150.00" }],
      });
      expect(updated).toMatchObject({
        status,
        revision: 2,
        version: invoice.version + 1,
        total: "150.00",
      });
      expect(events.map((event) => event.type)).toEqual(["invoice.updated"]);
      const details = await harness.remit.invoices.get(userContext, { id: invoice.id });
      expect(details.revisions.map((revision) => revision.totals.total)).toEqual([
        "100.00",
        "150.00",
      ]);
    },
  );

  it("update - after a payment, edits that keep the total at least the amount paid (issue 19)", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const paid = (await harness.pay(invoice.id, "60.00", "part")).invoice;
    const { invoice: edited, events } = await harness.remit.invoices.update(userContext, {
      id: invoice.id,
      expectedVersion: paid?.version ?? 0,
      lines: [{ kind: "labor", description: "Repair", quantity: "1", unitPrice: "60.00" }],
    });
    expect(edited).toMatchObject({
      status: "paid",
      total: "60.00",
      amountPaid: "60.00",
      amountDue: "0.00",
      number: invoice.number,
      revision: 2,
    });
    expect(events.map((event) => event.type)).toEqual(["invoice.updated", "invoice.paid"]);
    // A part added after it was paid: owed again, same number.
    const { invoice: again } = await harness.remit.invoices.update(userContext, {
      id: invoice.id,
      expectedVersion: edited.version,
      lines: [{ kind: "labor", description: "Repair", quantity: "1", unitPrice: "75.00" }],
    });
    expect(again).toMatchObject({ status: "pending_payment", amountDue: "15.00", paidAt: null });
  });

  it("update - an invoice paid past its total can still be edited without lowering it (issue 19)", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const paid = (await harness.pay(invoice.id, "118.16", "over")).invoice;
    const { invoice: edited } = await harness.remit.invoices.update(userContext, {
      id: invoice.id,
      expectedVersion: paid?.version ?? 0,
      memo: "Thanks!",
    });
    expect(edited).toMatchObject({ status: "paid", credit: "18.16", revision: 2 });
    await harness.expectRefused(invoice.id, "validation_error", () =>
      harness.remit.invoices.update(userContext, {
        id: invoice.id,
        expectedVersion: edited.version,
        lines: [{ kind: "labor", description: "Repair", quantity: "1", unitPrice: "99.99" }],
      }),
    );
  });

  it("update - a total below the amount paid is refused, and the refusal names a credit note (issue 19)", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const paid = (await harness.pay(invoice.id, "60.00", "part")).invoice;
    const error = await harness.expectRefused(invoice.id, "validation_error", () =>
      harness.remit.invoices.update(userContext, {
        id: invoice.id,
        expectedVersion: paid?.version ?? 0,
        lines: [{ kind: "labor", description: "Repair", quantity: "1", unitPrice: "59.99" }],
      }),
    );
    expect(error).toMatchObject({ path: "lines" });
    expect(error.message).toContain("credit note");
  });

  it("submit - moves pending_action to pending_review", async () => {
    const harness = await createHarness({ settings: { requireReview: true } });
    const draft = await harness.draft();
    const { invoice, events } = await harness.remit.invoices.submit(userContext, { id: draft.id });
    expect(invoice).toMatchObject({ status: "pending_review", version: 2 });
    expect(events.map((event) => event.type)).toEqual(["invoice.submitted"]);
  });

  it("submit - needs at least one line and a customer", async () => {
    const harness = await createHarness();
    const { remit } = harness;
    const noCustomer = await remit.invoices.create(userContext, {
      lines: [{ description: "Repair", quantity: "1", unitPrice: "10.00" }],
    });
    const noLines = await remit.invoices.create(userContext, { customerId: harness.customer.id });
    const first = await harness.expectRefused(noCustomer.invoice.id, "validation_error", () =>
      remit.invoices.submit(userContext, { id: noCustomer.invoice.id }),
    );
    expect(first).toMatchObject({ path: "customerId" });
    const second = await harness.expectRefused(noLines.invoice.id, "validation_error", () =>
      remit.invoices.submit(userContext, { id: noLines.invoice.id }),
    );
    expect(second).toMatchObject({ path: "lines" });
  });

  it("request changes - moves pending_review back to pending_action with its reason", async () => {
    const harness = await createHarness({ settings: { requireReview: true } });
    const reviewed = await invoiceIn(harness, "pending_review");
    const { invoice, events } = await harness.remit.invoices.requestChanges(userContext, {
      id: reviewed.id,
      reason: "Add the parts receipt",
    });
    expect(invoice).toMatchObject({
      status: "pending_action",
      changesRequestedReason: "Add the parts receipt",
    });
    expect(events.map((event) => event.type)).toEqual(["invoice.changes_requested"]);
    expect(events[0]?.data).toMatchObject({ reason: "Add the parts receipt" });
  });

  it("request changes - needs a reason", async () => {
    const harness = await createHarness({ settings: { requireReview: true } });
    const reviewed = await invoiceIn(harness, "pending_review");
    for (const reason of [undefined, "", "   "]) {
      const error = await harness.expectRefused(reviewed.id, "validation_error", () =>
        harness.remit.invoices.requestChanges(userContext, {
          id: reviewed.id,
          reason: reason as string,
        }),
      );
      expect(error).toMatchObject({ path: "reason" });
    }
  });

  it("issue - from pending_review assigns the number, issue date and due date", async () => {
    const harness = await createHarness({ settings: { requireReview: true } });
    const reviewed = await invoiceIn(harness, "pending_review");
    const { invoice, events } = await harness.remit.invoices.issue(userContext, {
      id: reviewed.id,
    });
    expect(invoice).toMatchObject({
      status: "pending_payment",
      number: "INV-0001",
      issueDate: "2026-03-02",
      dueDate: "2026-03-03",
      issuedAt: "2026-03-02T15:00:00.000Z",
    });
    expect(invoice.publicToken).toEqual(expect.any(String));
    expect(events.map((event) => event.type)).toEqual(["invoice.issued"]);
  });

  it("issue - from pending_action where the tenant needs no review", async () => {
    const harness = await createHarness({ settings: { requireReview: false } });
    const draft = await harness.draft();
    const { invoice } = await harness.remit.invoices.issue(userContext, { id: draft.id });
    expect(invoice).toMatchObject({ status: "pending_payment", number: "INV-0001" });
  });

  it("issue - refuses pending_action when the tenant requires review", async () => {
    const harness = await createHarness({ settings: { requireReview: true } });
    const draft = await harness.draft();
    const error = await harness.expectRefused(draft.id, "invalid_transition", () =>
      harness.remit.invoices.issue(userContext, { id: draft.id }),
    );
    expect(error).toMatchObject({ status: "pending_action", move: "issue" });
  });

  it.each(["pending_payment", "past_due"] as const)(
    "send - from %s keeps the status, and can repeat",
    async (status) => {
      const harness = await createHarness();
      const invoice = await invoiceIn(harness, status);
      const first = await harness.remit.invoices.send(userContext, {
        id: invoice.id,
        channels: ["email", "sms"],
      });
      const second = await harness.remit.invoices.send(userContext, {
        id: invoice.id,
        channels: ["email"],
      });
      expect(first.invoice).toMatchObject({ status, version: invoice.version + 1 });
      expect(second.invoice).toMatchObject({ status, version: invoice.version + 2 });
      expect(first.events.map((event) => event.type)).toEqual(["invoice.sent"]);
      const details = await harness.remit.invoices.get(userContext, { id: invoice.id });
      expect(details.deliveries.map((delivery) => delivery.channel).sort()).toEqual([
        "email",
        "email",
        "sms",
      ]);
    },
  );

  it.each([
    ["pending_payment", "50.00", "pending_payment"],
    ["pending_payment", "100.00", "paid"],
    ["past_due", "50.00", "past_due"],
    ["past_due", "100.00", "paid"],
    ["paid", "5.00", "paid"],
  ] as const)("record payment - from %s, %s makes it %s", async (from, amount, to) => {
    const harness = await createHarness();
    const invoice = await invoiceIn(harness, from);
    const { invoice: after } = await harness.pay(invoice.id, amount, "pay-key");
    expect(after?.status).toBe(to);
  });

  it("record payment - on a cancelled invoice only from a provider, and it stays cancelled", async () => {
    const harness = await createHarness();
    const cancelled = await invoiceIn(harness, "cancelled");
    const error = await harness.expectRefused(cancelled.id, "invalid_transition", () =>
      harness.pay(cancelled.id, "100.00", "late-check"),
    );
    expect(error).toMatchObject({ status: "cancelled", move: "record payment" });
    const { invoice, events } = await harness.remit.invoices.recordPayment(providerContext, {
      id: cancelled.id,
      amount: "100.00",
      method: "card",
      reference: "pi_123",
      idempotencyKey: "pi_123",
    });
    expect(invoice).toMatchObject({ status: "cancelled", amountPaid: "100.00", credit: "0.00" });
    expect(events.map((event) => event.type)).toEqual(["invoice.payment_recorded"]);
  });

  it("record payment - beyond the total it is credit", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const { invoice: after } = await harness.pay(invoice.id, "130.00", "over");
    expect(after).toMatchObject({
      status: "paid",
      amountPaid: "130.00",
      amountDue: "0.00",
      credit: "30.00",
    });
  });

  it.each(["pending_payment", "past_due"] as const)(
    "refund - from %s lowers amountPaid and keeps the status",
    async (status) => {
      const harness = await createHarness();
      const invoice = await invoiceIn(harness, status);
      const payment = await harness.pay(invoice.id, "40.00", "part");
      const { invoice: after, events } = await harness.remit.invoices.refund(userContext, {
        id: invoice.id,
        paymentId: payment.payment.id,
        amount: "15.00",
        idempotencyKey: "refund-1",
      });
      expect(events.map((event) => event.type)).toEqual(["invoice.refunded"]);
      expect(after).toMatchObject({ status, amountPaid: "25.00", amountDue: "75.00" });
    },
  );

  it.each([
    [0, "pending_payment"],
    [2, "past_due"],
  ] as const)(
    "refund - from paid below the total, %s days after issue, goes back to %s",
    async (days, status) => {
      const harness = await createHarness();
      const invoice = await invoiceIn(harness, "paid");
      harness.clock.advance(days * 86_400_000);
      const [payment] = (await harness.remit.invoices.get(userContext, { id: invoice.id }))
        .payments;
      const { invoice: after } = await harness.remit.invoices.refund(userContext, {
        id: invoice.id,
        paymentId: payment?.id ?? "",
        amount: "0.01",
        idempotencyKey: "refund-1",
      });
      expect(after).toMatchObject({ status, amountPaid: "99.99", amountDue: "0.01", paidAt: null });
    },
  );

  it("refund - from paid within the credit keeps it paid", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const over = await harness.pay(invoice.id, "130.00", "over");
    const { invoice: after, events } = await harness.remit.invoices.refund(userContext, {
      id: invoice.id,
      paymentId: over.payment.id,
      amount: "30.00",
      idempotencyKey: "refund-credit",
    });
    expect(after).toMatchObject({ status: "paid", amountPaid: "100.00", credit: "0.00" });
    expect(events.map((event) => event.type)).toEqual(["invoice.refunded"]);
  });

  it("refund - from cancelled returns money a provider recorded after the cancel", async () => {
    const harness = await createHarness();
    const cancelled = await invoiceIn(harness, "cancelled");
    const late = await harness.remit.invoices.recordPayment(providerContext, {
      id: cancelled.id,
      amount: "100.00",
      method: "card",
      reference: "pi_late",
      idempotencyKey: "pi_late",
    });
    const { invoice, refund } = await harness.remit.invoices.refund(providerContext, {
      id: cancelled.id,
      paymentId: late.payment.id,
      amount: "100.00",
      idempotencyKey: "re_late",
    });
    expect(invoice).toMatchObject({ status: "cancelled", amountPaid: "0.00" });
    expect(refund.status).toBe("succeeded");
  });

  it("mark past due - the sweep moves pending_payment past its due date, once", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued({ terms: "net_1" });
    harness.clock.advance(2 * 86_400_000);
    expect(await harness.remit.invoices.sweepPastDue(systemContext)).toEqual({
      moved: 1,
      lateFeesAdded: 0,
    });
    const details = await harness.remit.invoices.get(userContext, { id: invoice.id });
    expect(details.invoice).toMatchObject({ status: "past_due", version: invoice.version + 1 });
    expect(details.events.at(-1)).toMatchObject({
      type: "invoice.past_due",
      actor: { type: "system" },
    });
    const before = await harness.snapshot(invoice.id);
    expect(await harness.remit.invoices.sweepPastDue(systemContext)).toEqual({
      moved: 0,
      lateFeesAdded: 0,
    });
    expect(await harness.snapshot(invoice.id)).toEqual(before);
  });

  it("mark past due - leaves every other status alone", async () => {
    const harness = await createHarness();
    const others: Record<string, string> = {};
    for (const status of ["pending_action", "pending_review", "paid", "cancelled"] as const) {
      others[status] = (await invoiceIn(harness, status)).id;
    }
    harness.clock.advance(10 * 86_400_000);
    expect(await harness.remit.invoices.sweepPastDue(systemContext)).toEqual({
      moved: 0,
      lateFeesAdded: 0,
    });
    for (const [status, id] of Object.entries(others)) {
      expect((await harness.remit.invoices.get(userContext, { id })).invoice.status).toBe(status);
    }
  });

  it.each(["pending_action", "pending_review", "pending_payment", "past_due"] as const)(
    "cancel - from %s with a reason; the invoice is kept",
    async (status) => {
      const harness = await createHarness();
      const invoice = await invoiceIn(harness, status);
      const { invoice: cancelled, events } = await harness.remit.invoices.cancel(userContext, {
        id: invoice.id,
        reason: "Customer changed their mind",
      });
      expect(cancelled).toMatchObject({
        status: "cancelled",
        cancellationReason: "Customer changed their mind",
        number: invoice.number,
      });
      expect(events.map((event) => event.type)).toEqual(["invoice.cancelled"]);
      expect(
        (await harness.remit.invoices.get(userContext, { id: invoice.id })).invoice.status,
      ).toBe("cancelled");
    },
  );

  it("cancel - needs a reason, and is refused while amountPaid is above 0 (refund first)", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const noReason = await harness.expectRefused(invoice.id, "validation_error", () =>
      harness.remit.invoices.cancel(userContext, { id: invoice.id, reason: " " }),
    );
    expect(noReason).toMatchObject({ path: "reason" });
    const payment = await harness.pay(invoice.id, "20.00", "deposit");
    const refused = await harness.expectRefused(invoice.id, "invalid_transition", () =>
      harness.remit.invoices.cancel(userContext, { id: invoice.id, reason: "Duplicate" }),
    );
    expect(refused).toMatchObject({ status: "pending_payment", move: "cancel" });
    await harness.remit.invoices.refund(userContext, {
      id: invoice.id,
      paymentId: payment.payment.id,
      amount: "20.00",
      idempotencyKey: "refund-deposit",
    });
    const { invoice: cancelled } = await harness.remit.invoices.cancel(userContext, {
      id: invoice.id,
      reason: "Duplicate",
    });
    expect(cancelled.status).toBe("cancelled");
  });

  it("save & send - issue then send in one move: two versions, issued then sent", async () => {
    const harness = await createHarness();
    const draft = await harness.draft();
    const { invoice, events } = await harness.remit.invoices.issue(userContext, {
      id: draft.id,
      send: { channels: ["email"] },
    });
    expect(invoice).toMatchObject({ status: "pending_payment", version: 3, number: "INV-0001" });
    expect(events.map((event) => [event.type, event.subject.version])).toEqual([
      ["invoice.issued", 2],
      ["invoice.sent", 3],
    ]);
  });
});

/** Every (status, move) pair the Moves table does not allow, with the move's name in errors. */
const refusedMoves: Record<string, { move: string; from: readonly Status[] }> = {
  update: { move: "update", from: ["uncollectible", "cancelled"] },
  submit: {
    move: "submit",
    from: ["pending_review", "pending_payment", "past_due", "paid", "uncollectible", "cancelled"],
  },
  requestChanges: {
    move: "request changes",
    from: ["pending_action", "pending_payment", "past_due", "paid", "uncollectible", "cancelled"],
  },
  issue: {
    move: "issue",
    from: ["pending_payment", "past_due", "paid", "uncollectible", "cancelled"],
  },
  saveAndSend: {
    move: "issue",
    from: ["pending_payment", "past_due", "paid", "uncollectible", "cancelled"],
  },
  send: {
    move: "send",
    from: ["pending_action", "pending_review", "paid", "uncollectible", "cancelled"],
  },
  recordPayment: {
    move: "record payment",
    from: ["pending_action", "pending_review", "cancelled"],
  },
  providerPayment: { move: "record payment", from: ["pending_action", "pending_review"] },
  refund: { move: "refund", from: ["pending_action", "pending_review"] },
  cancel: { move: "cancel", from: ["paid", "uncollectible", "cancelled"] },
  writeOff: {
    move: "write off",
    from: ["pending_action", "pending_review", "paid", "uncollectible", "cancelled"],
  },
  issueCreditNote: {
    move: "issue credit note",
    from: ["pending_action", "pending_review", "cancelled"],
  },
};

function attempt(harness: Harness, name: string, id: string, version: number) {
  const invoices = harness.remit.invoices;
  const calls: Record<string, () => Promise<unknown>> = {
    update: () => invoices.update(userContext, { id, expectedVersion: version, memo: "edit" }),
    submit: () => invoices.submit(userContext, { id }),
    requestChanges: () => invoices.requestChanges(userContext, { id, reason: "Fix it" }),
    issue: () => invoices.issue(userContext, { id }),
    saveAndSend: () => invoices.issue(userContext, { id, send: { channels: ["email"] } }),
    send: () => invoices.send(userContext, { id, channels: ["email"] }),
    recordPayment: () => harness.pay(id, "1.00", `refused-${name}`),
    providerPayment: () =>
      invoices.recordPayment(providerContext, {
        id,
        amount: "1.00",
        method: "card",
        idempotencyKey: `refused-${name}`,
      }),
    refund: () =>
      invoices.refund(userContext, {
        id,
        paymentId: "pay_none",
        amount: "1.00",
        idempotencyKey: `refused-${name}`,
      }),
    cancel: () => invoices.cancel(userContext, { id, reason: "Duplicate" }),
    writeOff: () => invoices.writeOff(userContext, { id, reason: "Customer went away" }),
    issueCreditNote: () =>
      invoices.issueCreditNote(userContext, { id, amount: "1.00", reason: "Goodwill" }),
  };
  return (calls[name] as () => Promise<unknown>)();
}

describe("moves table - any move not in the table", () => {
  const cases = Object.entries(refusedMoves).flatMap(([name, { move, from }]) =>
    from.map((status) => [name, status, move] as const),
  );

  it.each(cases)(
    "%s - refuses %s with invalid_transition and changes nothing",
    async (name, status, move) => {
      const harness = await createHarness();
      const invoice = await invoiceIn(harness, status);
      const error = await harness.expectRefused(invoice.id, "invalid_transition", () =>
        attempt(harness, name, invoice.id, invoice.version),
      );
      expect(error).toMatchObject({ status, move });
    },
  );
});
