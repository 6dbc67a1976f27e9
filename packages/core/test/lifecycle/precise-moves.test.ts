// "Precise rules › Moves": results, versions, idempotency keys, actors, reasons, instants and ids.
import { describe, expect, it } from "vitest";
import {
  type Context,
  createOutboxWorker,
  type Invoice,
  type InvoiceStatus,
  type RemitEvent,
} from "../../src/index";
import {
  createHarness,
  type Harness,
  providerContext,
  refusal,
  systemContext,
  tenantId,
  userContext,
} from "./support/harness";
import { invoiceIn } from "./support/invoices-in-status";

describe("precise rules - versions", () => {
  it("version - every move raises it by one; delivery reports leave it alone", async () => {
    const harness = await createHarness({ settings: { requireReview: true } });
    const { remit } = harness;
    const versions: number[] = [];
    const draft = await harness.draft();
    versions.push(draft.version);
    const moves: (() => Promise<{ invoice: Invoice | null }>)[] = [
      () => remit.invoices.update(userContext, { id: draft.id, expectedVersion: 1, memo: "a" }),
      () => remit.invoices.submit(userContext, { id: draft.id }),
      () => remit.invoices.requestChanges(userContext, { id: draft.id, reason: "photos" }),
      () => remit.invoices.submit(userContext, { id: draft.id }),
      () => remit.invoices.issue(userContext, { id: draft.id }),
      () => remit.invoices.send(userContext, { id: draft.id, channels: ["sms"] }),
      () => harness.pay(draft.id, "40.00", "p1"),
    ];
    for (const move of moves) versions.push((await move()).invoice?.version ?? 0);
    expect(versions).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);

    // The worker sends the SMS (queued) and a provider reports it delivered: no version change.
    await createOutboxWorker({ remit }).runOnce();
    const [sms] = harness.sms.sent;
    const report = await remit.deliveries.report(providerContext, {
      providerMessageId: "sms_1",
      status: "delivered",
      providerStatus: "delivered",
    });
    expect(sms).toBeDefined();
    expect(report.events.map((event) => [event.type, event.subject.version])).toEqual([
      ["invoice.delivery_updated", 8],
    ]);
    const details = await remit.invoices.get(userContext, { id: draft.id });
    expect(details.invoice.version).toBe(8);
    expect(details.deliveries.find((delivery) => delivery.channel === "sms")?.status).toBe(
      "delivered",
    );
  });

  it("update - requires expectedVersion", async () => {
    const harness = await createHarness();
    const draft = await harness.draft();
    const error = await harness.expectRefused(draft.id, "validation_error", () =>
      harness.remit.invoices.update(userContext, { id: draft.id, memo: "no version" } as never),
    );
    expect(error).toMatchObject({ path: "expectedVersion" });
  });

  it("version - every other move accepts expectedVersion and refuses a mismatch with version_conflict", async () => {
    const harness = await createHarness({ settings: { requireReview: true } });
    const { remit } = harness;
    const stale = { expectedVersion: 99 };
    const draft = await harness.draft();
    const reviewed = await invoiceIn(harness, "pending_review");
    const issued = (await remit.invoices.issue(userContext, { id: reviewed.id })).invoice;
    const paid = await harness.pay(issued.id, "10.00", "p1");
    const attempts: [Invoice, () => Promise<unknown>][] = [
      [draft, () => remit.invoices.submit(userContext, { id: draft.id, ...stale })],
      [draft, () => remit.invoices.cancel(userContext, { id: draft.id, reason: "x", ...stale })],
      [
        reviewed,
        () =>
          remit.invoices.requestChanges(userContext, { id: reviewed.id, reason: "x", ...stale }),
      ],
      [issued, () => remit.invoices.issue(userContext, { id: issued.id, ...stale })],
      [
        issued,
        () => remit.invoices.send(userContext, { id: issued.id, channels: ["email"], ...stale }),
      ],
      [
        issued,
        () =>
          remit.invoices.recordPayment(userContext, {
            id: issued.id,
            amount: "1.00",
            method: "cash",
            idempotencyKey: "stale-pay",
            ...stale,
          }),
      ],
      [
        issued,
        () =>
          remit.invoices.refund(userContext, {
            id: issued.id,
            paymentId: paid.payment.id,
            amount: "1.00",
            idempotencyKey: "stale-refund",
            ...stale,
          }),
      ],
    ];
    for (const [invoice, attempt] of attempts) {
      const current = (await remit.invoices.get(userContext, { id: invoice.id })).invoice;
      const error = await harness.expectRefused(invoice.id, "version_conflict", attempt);
      expect(error).toMatchObject({ expectedVersion: 99, actualVersion: current.version });
    }
    // With the right version they go through.
    const submitted = await remit.invoices.submit(userContext, {
      id: draft.id,
      expectedVersion: 1,
    });
    expect(submitted.invoice.version).toBe(2);
  });

  it("version - provider and system moves apply to the latest version", async () => {
    const harness = await createHarness();
    const { remit } = harness;
    const invoice = await harness.issued({ terms: "net_1" });
    await remit.invoices.update(userContext, {
      id: invoice.id,
      expectedVersion: invoice.version,
      memo: "edited after the provider read it",
    });
    const paid = await remit.invoices.recordPayment(providerContext, {
      id: invoice.id,
      amount: "10.00",
      method: "card",
      idempotencyKey: "pi_1",
    });
    expect(paid.invoice?.version).toBe(invoice.version + 2);
    harness.clock.advance(3 * 86_400_000);
    expect(await remit.invoices.sweepPastDue(systemContext)).toEqual({
      moved: 1,
      lateFeesAdded: 0,
    });
    expect((await remit.invoices.get(userContext, { id: invoice.id })).invoice.version).toBe(
      invoice.version + 3,
    );
  });
});

describe("precise rules - idempotency keys", () => {
  it("idempotency - a key is 1 to 255 characters", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    for (const key of ["", "k".repeat(256)]) {
      const error = await harness.expectRefused(invoice.id, "validation_error", () =>
        harness.pay(invoice.id, "1.00", key),
      );
      expect(error).toMatchObject({ path: "idempotencyKey" });
    }
    for (const key of ["k", "k".repeat(255)]) {
      const { invoice: after } = await harness.pay(invoice.id, "1.00", key);
      expect(after?.amountPaid).toBe(key.length === 1 ? "1.00" : "2.00");
    }
  });

  it("idempotency - payments and refunds require a key", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const payment = await harness.pay(invoice.id, "10.00", "p1");
    const noKeyPayment = await harness.expectRefused(invoice.id, "validation_error", () =>
      harness.remit.invoices.recordPayment(userContext, {
        id: invoice.id,
        amount: "1.00",
        method: "cash",
      } as never),
    );
    expect(noKeyPayment).toMatchObject({ path: "idempotencyKey" });
    const noKeyRefund = await harness.expectRefused(invoice.id, "validation_error", () =>
      harness.remit.invoices.refund(userContext, {
        id: invoice.id,
        paymentId: payment.payment.id,
        amount: "1.00",
      } as never),
    );
    expect(noKeyRefund).toMatchObject({ path: "idempotencyKey" });
  });

  it("idempotency - a repeat with the same arguments returns the first result and appends nothing", async () => {
    const harness = await createHarness();
    const { remit } = harness;
    const draft = await harness.draft();
    const repeats: (() => Promise<unknown>)[] = [
      () => remit.invoices.issue(userContext, { id: draft.id, idempotencyKey: "issue-1" }),
      () =>
        remit.invoices.send(userContext, {
          id: draft.id,
          channels: ["email"],
          idempotencyKey: "send-1",
        }),
      () => harness.pay(draft.id, "30.00", "pay-1"),
    ];
    for (const move of repeats) {
      const first = await move();
      const before = await harness.snapshot(draft.id);
      expect(await move()).toEqual(first);
      expect(await harness.snapshot(draft.id)).toEqual(before);
    }
    // Even a year later: keys are kept for ever.
    harness.clock.advance(366 * 86_400_000);
    const before = await harness.snapshot(draft.id);
    const again = await harness.pay(draft.id, "30.00", "pay-1");
    expect(again.invoice?.amountPaid).toBe("30.00");
    expect(await harness.snapshot(draft.id)).toEqual(before);
  });

  it("idempotency - a repeat with other arguments, or for another move, is idempotency_conflict", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    await harness.pay(invoice.id, "30.00", "pay-1");
    const otherAmount = await harness.expectRefused(invoice.id, "idempotency_conflict", () =>
      harness.pay(invoice.id, "31.00", "pay-1"),
    );
    expect(otherAmount).toMatchObject({ idempotencyKey: "pay-1" });
    await harness.expectRefused(invoice.id, "idempotency_conflict", () =>
      harness.remit.invoices.cancel(userContext, {
        id: invoice.id,
        reason: "Duplicate",
        idempotencyKey: "pay-1",
      }),
    );
  });

  it("idempotency - duplicate concurrent requests give one record", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => harness.pay(invoice.id, "25.00", "double-click")),
    );
    for (const result of results) expect(result).toEqual(results[0]);
    const details = await harness.remit.invoices.get(userContext, { id: invoice.id });
    expect(details.payments).toHaveLength(1);
    expect(details.invoice.amountPaid).toBe("25.00");
  });

  it("idempotency - a key is unique per tenant, not across tenants", async () => {
    const harness = await createHarness();
    const other: Context = { tenantId: "tenant_other", actor: { type: "user", id: "u_2" } };
    const invoice = await harness.issued();
    const otherCustomer = await harness.remit.customers.create(other, { name: "Sam" });
    const otherInvoice = await harness.remit.invoices.create(other, {
      customerId: otherCustomer.id,
      lines: [{ description: "Repair", quantity: "1", unitPrice: "80.00" }],
    });
    await harness.remit.invoices.issue(other, { id: otherInvoice.invoice.id });
    await harness.pay(invoice.id, "30.00", "shared-key");
    const theirs = await harness.remit.invoices.recordPayment(other, {
      id: otherInvoice.invoice.id,
      amount: "80.00",
      method: "cash",
      idempotencyKey: "shared-key",
    });
    expect(theirs.invoice).toMatchObject({ status: "paid", amountPaid: "80.00" });
  });

  it("idempotency - without a key, a second issue or cancel is invalid_transition", async () => {
    const harness = await createHarness();
    const draft = await harness.draft();
    await harness.remit.invoices.issue(userContext, { id: draft.id });
    const issueAgain = await harness.expectRefused(draft.id, "invalid_transition", () =>
      harness.remit.invoices.issue(userContext, { id: draft.id }),
    );
    expect(issueAgain).toMatchObject({ status: "pending_payment", move: "issue" });
    await harness.remit.invoices.cancel(userContext, { id: draft.id, reason: "Duplicate" });
    const cancelAgain = await harness.expectRefused(draft.id, "invalid_transition", () =>
      harness.remit.invoices.cancel(userContext, { id: draft.id, reason: "Duplicate" }),
    );
    expect(cancelAgain).toMatchObject({ status: "cancelled", move: "cancel" });
  });
});

/** Each move's call for one actor, on an invoice ready for it. */
async function movesFor(harness: Harness, context: Context) {
  const { remit } = harness;
  const draft = await harness.draft();
  const reviewed = await invoiceIn(harness, "pending_review");
  const issued = await harness.issued();
  const paid = await harness.pay(issued.id, "10.00", `paid-${context.actor.type}`);
  const key = `${context.actor.type}-key`;
  return [
    ["create", draft.id, () => remit.invoices.create(context, { customerId: harness.customer.id })],
    [
      "update",
      draft.id,
      () => remit.invoices.update(context, { id: draft.id, expectedVersion: 1, memo: "m" }),
    ],
    ["submit", draft.id, () => remit.invoices.submit(context, { id: draft.id })],
    [
      "request changes",
      reviewed.id,
      () => remit.invoices.requestChanges(context, { id: reviewed.id, reason: "r" }),
    ],
    ["issue", reviewed.id, () => remit.invoices.issue(context, { id: reviewed.id })],
    ["send", issued.id, () => remit.invoices.send(context, { id: issued.id, channels: ["email"] })],
    [
      "record payment",
      issued.id,
      () =>
        remit.invoices.recordPayment(context, {
          id: issued.id,
          amount: "1.00",
          method: "card",
          idempotencyKey: key,
        }),
    ],
    [
      "refund",
      issued.id,
      () =>
        remit.invoices.refund(context, {
          id: issued.id,
          paymentId: paid.payment.id,
          amount: "1.00",
          idempotencyKey: `${key}-refund`,
        }),
    ],
    ["cancel", draft.id, () => remit.invoices.cancel(context, { id: draft.id, reason: "r" })],
    ["mark past due", issued.id, () => remit.invoices.sweepPastDue(context)],
  ] as const;
}

describe("precise rules - actors", () => {
  it("actors - a user may make any move", async () => {
    const harness = await createHarness();
    // What each move does for a user, on the invoice movesFor made ready for it.
    const expected: Record<string, { status: InvoiceStatus; amountPaid: string; event: string }> = {
      create: { status: "pending_action", amountPaid: "0.00", event: "invoice.created" },
      update: { status: "pending_action", amountPaid: "0.00", event: "invoice.updated" },
      submit: { status: "pending_review", amountPaid: "0.00", event: "invoice.submitted" },
      "request changes": {
        status: "pending_action",
        amountPaid: "0.00",
        event: "invoice.changes_requested",
      },
      issue: { status: "pending_payment", amountPaid: "0.00", event: "invoice.issued" },
      send: { status: "pending_payment", amountPaid: "10.00", event: "invoice.sent" },
      "record payment": {
        status: "pending_payment",
        amountPaid: "11.00",
        event: "invoice.payment_recorded",
      },
      refund: { status: "pending_payment", amountPaid: "10.00", event: "invoice.refunded" },
      cancel: { status: "cancelled", amountPaid: "0.00", event: "invoice.cancelled" },
    };
    const moves = await movesFor(harness, userContext);
    for (const [move, id, call] of moves) {
      if (move === "mark past due") {
        harness.clock.advance(365 * 86_400_000); // past every due date
        // The two issued invoices with money due: the one paid in part and the reviewed one.
        expect(await call()).toEqual({ moved: 2, lateFeesAdded: 0 });
        const details = await harness.remit.invoices.get(userContext, { id });
        expect(details.invoice.status).toBe("past_due");
        expect(details.events.at(-1)).toMatchObject({
          type: "invoice.past_due",
          actor: userContext.actor,
        });
        continue;
      }
      const { invoice, events } = (await call()) as { invoice: Invoice; events: RemitEvent[] };
      expect({
        move,
        status: invoice.status,
        amountPaid: invoice.amountPaid,
        event: events.map((event) => event.type).join(),
      }).toEqual({ move, ...expected[move] });
      if (move !== "create") expect(invoice.id, move).toBe(id);
      for (const event of events) expect(event.actor, move).toEqual(userContext.actor);
    }
    expect(moves.map(([move]) => move)).toEqual([...Object.keys(expected), "mark past due"]);
  });

  it("actors - a provider may record payments and refunds; any other move is validation_error at actor", async () => {
    const harness = await createHarness();
    const allowed = ["record payment", "refund"];
    for (const [move, id, call] of await movesFor(harness, providerContext)) {
      if (allowed.includes(move)) {
        await call();
        continue;
      }
      const error = await harness.expectRefused(id, "validation_error", call);
      expect(error, move).toMatchObject({ path: "actor" });
    }
  });

  it("actors - system may mark past due; any other invoice move is validation_error at actor", async () => {
    const harness = await createHarness();
    for (const [move, id, call] of await movesFor(harness, systemContext)) {
      if (move === "mark past due") {
        await call();
        continue;
      }
      const error = await harness.expectRefused(id, "validation_error", call);
      expect(error, move).toMatchObject({ path: "actor" });
    }
  });

  it("actors - an actor of any other shape is validation_error at actor", async () => {
    const harness = await createHarness();
    const draft = await harness.draft();
    for (const actor of [{ type: "robot" }, { type: "user" }, { type: "provider", name: "" }]) {
      const error = await harness.expectRefused(draft.id, "validation_error", () =>
        harness.remit.invoices.submit({ tenantId, actor } as never, { id: draft.id }),
      );
      expect(String(error.path).startsWith("actor")).toBe(true);
    }
  });

  it("actors - every change records its actor and time", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    harness.clock.advance(60_000);
    const paid = await harness.remit.invoices.recordPayment(providerContext, {
      id: invoice.id,
      amount: "100.00",
      method: "card",
      idempotencyKey: "pi_9",
    });
    expect(paid.payment).toMatchObject({
      actor: providerContext.actor,
      provider: "testpay",
      createdAt: "2026-03-02T15:01:00.000Z",
    });
    const details = await harness.remit.invoices.get(userContext, { id: invoice.id });
    expect(details.events.map((event) => [event.type, event.actor.type, event.occurredAt])).toEqual(
      [
        ["invoice.created", "user", "2026-03-02T15:00:00.000Z"],
        ["invoice.issued", "user", "2026-03-02T15:00:00.000Z"],
        ["invoice.payment_recorded", "provider", "2026-03-02T15:01:00.000Z"],
        ["invoice.paid", "provider", "2026-03-02T15:01:00.000Z"],
      ],
    );
    expect(details.revisions[0]?.actor).toEqual(userContext.actor);
  });
});

describe("precise rules - reasons, instants and ids", () => {
  it("reason - 1 to 1,000 characters, for cancel and request changes", async () => {
    const harness = await createHarness({ settings: { requireReview: true } });
    const reviewed = await invoiceIn(harness, "pending_review");
    for (const reason of ["", "x".repeat(1_001)]) {
      for (const call of [
        () => harness.remit.invoices.cancel(userContext, { id: reviewed.id, reason }),
        () => harness.remit.invoices.requestChanges(userContext, { id: reviewed.id, reason }),
      ]) {
        const error = await harness.expectRefused(reviewed.id, "validation_error", call);
        expect(error).toMatchObject({ path: "reason" });
      }
    }
    const longest = "x".repeat(1_000);
    const back = await harness.remit.invoices.requestChanges(userContext, {
      id: reviewed.id,
      reason: longest,
    });
    expect(back.invoice.changesRequestedReason).toBe(longest);
    const cancelled = await harness.remit.invoices.cancel(userContext, {
      id: reviewed.id,
      reason: "x",
    });
    expect(cancelled.invoice.cancellationReason).toBe("x");
  });

  it("instants and ids - UTC ISO 8601 instants, YYYY-MM-DD dates, ids of at most 64 characters", async () => {
    const harness = await createHarness({
      settings: { timeZone: "America/Chicago" },
      start: "2026-03-03T03:00:00.000Z",
    });
    const invoice = await harness.issued();
    const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
    expect(invoice.createdAt).toMatch(instant);
    expect(invoice.issuedAt).toBe("2026-03-03T03:00:00.000Z");
    // 21:00 on March 2 in Chicago.
    expect(invoice.issueDate).toBe("2026-03-02");
    expect(invoice.id).toMatch(/^inv_[0-9A-HJKMNP-TV-Z]{26}$/);
    const details = await harness.remit.invoices.get(userContext, { id: invoice.id });
    for (const event of details.events) {
      expect(event.id.length).toBeLessThanOrEqual(64);
      expect(event.id).toMatch(/^evt_/);
      expect(event.occurredAt).toMatch(instant);
    }
  });

  it("tenants - no call can read or change another tenant's invoice", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const stranger: Context = { tenantId: "tenant_stranger", actor: { type: "user", id: "u_9" } };
    for (const call of [
      () => harness.remit.invoices.get(stranger, { id: invoice.id }),
      () => harness.remit.invoices.cancel(stranger, { id: invoice.id, reason: "mine now" }),
      () =>
        harness.remit.invoices.recordPayment(stranger, {
          id: invoice.id,
          amount: "1.00",
          method: "cash",
          idempotencyKey: "k",
        }),
    ]) {
      const error = await harness.expectRefused(invoice.id, "not_found", call);
      expect(error.code).toBe("not_found");
    }
    const error = await refusal(harness.remit.invoices.get(userContext, { id: "inv_missing" }));
    expect(error.code).toBe("not_found");
  });
});
