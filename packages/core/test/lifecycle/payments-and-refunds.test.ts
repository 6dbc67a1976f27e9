// "Precise rules › Payments and refunds", "› Past due" and "› Faults and retention".
import { describe, expect, it } from "vitest";
import { createOutboxWorker, ProviderError, StoreUnavailableError } from "../../src/index";
import { createFailingStore } from "./support/failing-store";
import { createHarness, providerContext, systemContext, userContext } from "./support/harness";

describe("precise rules - payments", () => {
  it("payments - amountDue = max(0, total − amountPaid) and credit = max(0, amountPaid − total)", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const steps = [
      ["30.00", { amountPaid: "30.00", amountDue: "70.00", credit: "0.00" }],
      ["70.00", { amountPaid: "100.00", amountDue: "0.00", credit: "0.00" }],
      ["12.34", { amountPaid: "112.34", amountDue: "0.00", credit: "12.34" }],
    ] as const;
    for (const [index, [amount, figures]] of steps.entries()) {
      const { invoice: after } = await harness.pay(invoice.id, amount, `p${index}`);
      expect(after).toMatchObject(figures);
    }
  });

  it("payments - credit stays on its invoice until refunded", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const over = await harness.pay(invoice.id, "150.00", "over");
    harness.clock.advance(90 * 86_400_000);
    expect((await harness.remit.invoices.get(userContext, { id: invoice.id })).invoice.credit).toBe(
      "50.00",
    );
    const { invoice: after } = await harness.remit.invoices.refund(userContext, {
      id: invoice.id,
      paymentId: over.payment.id,
      amount: "50.00",
      reason: "overpayment",
      idempotencyKey: "refund-credit",
    });
    expect(after).toMatchObject({ status: "paid", credit: "0.00", amountPaid: "100.00" });
  });

  it("payments - each keeps amount, method, reference, time and key", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const { payment } = await harness.remit.invoices.recordPayment(userContext, {
      id: invoice.id,
      amount: "25.50",
      method: "bank_transfer",
      reference: "WIRE-77",
      receivedAt: "2026-03-01T10:00:00+02:00",
      idempotencyKey: "wire-77",
    });
    expect(payment).toMatchObject({
      amount: "25.50",
      currency: "USD",
      method: "bank_transfer",
      reference: "WIRE-77",
      receivedAt: "2026-03-01T08:00:00.000Z",
      idempotencyKey: "wire-77",
      status: "succeeded",
    });
    expect(
      (await harness.remit.invoices.get(userContext, { id: invoice.id })).invoice.amountPaid,
    ).toBe("25.50");
  });

  it("payments - refuses an unknown method, a non-positive amount and more digits than the currency has", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const attempts = [
      [{ method: "bitcoin" }, "method"],
      [{ amount: "0" }, "amount"],
      [{ amount: "-5.00" }, "amount"],
      [{ amount: "1.001" }, "amount"],
    ] as const;
    for (const [change, path] of attempts) {
      const error = await harness.expectRefused(invoice.id, "validation_error", () =>
        harness.remit.invoices.recordPayment(userContext, {
          id: invoice.id,
          amount: "1.00",
          method: "cash",
          idempotencyKey: `bad-${path}`,
          ...change,
        } as never),
      );
      expect(error).toMatchObject({ path });
    }
  });

  it("payments - in another currency from a user is validation_error at currency", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const error = await harness.expectRefused(invoice.id, "validation_error", () =>
      harness.remit.invoices.recordPayment(userContext, {
        id: invoice.id,
        amount: "100.00",
        currency: "EUR",
        method: "bank_transfer",
        idempotencyKey: "eur",
      }),
    );
    expect(error).toMatchObject({ path: "currency" });
  });

  it("payments - in another currency from a provider is stored unmatched with payment.unmatched", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const before = await harness.snapshot(invoice.id);
    const result = await harness.remit.invoices.recordPayment(providerContext, {
      id: invoice.id,
      amount: "100.00",
      currency: "EUR",
      method: "card",
      reference: "pi_eur",
      idempotencyKey: "pi_eur",
    });
    expect(result.invoice).toBeNull();
    expect(result.payment).toMatchObject({ status: "unmatched", invoiceId: null, currency: "EUR" });
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({
      type: "payment.unmatched",
      subject: { type: "payment", id: result.payment.id },
      data: { invoiceId: invoice.id, reason: "currency_mismatch" },
    });
    const after = await harness.snapshot(invoice.id);
    expect(after.details).toEqual(before.details);
    expect(after.payments).toBe(before.payments + 1);
  });

  it("payments - from a provider for an unknown invoice is stored unmatched, never lost", async () => {
    const harness = await createHarness();
    const result = await harness.remit.invoices.recordPayment(providerContext, {
      id: "inv_from_another_system",
      amount: "42.00",
      method: "card",
      idempotencyKey: "pi_unknown",
    });
    expect(result.invoice).toBeNull();
    expect(result.events[0]).toMatchObject({
      type: "payment.unmatched",
      data: { reason: "unknown_invoice", invoiceId: "inv_from_another_system" },
    });
    expect([...harness.store.state.payments.all()]).toHaveLength(1);
  });

  it("payments - the status after a payment: paid, else past_due after the due date, else pending_payment", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued({ terms: "net_1" });
    expect((await harness.pay(invoice.id, "10.00", "p1")).invoice?.status).toBe("pending_payment");
    // No sweep has run: the payment itself reads the tenant's date (2026-03-04 > 2026-03-03).
    harness.clock.advance(2 * 86_400_000);
    expect((await harness.pay(invoice.id, "10.00", "p2")).invoice?.status).toBe("past_due");
    expect((await harness.pay(invoice.id, "80.00", "p3")).invoice?.status).toBe("paid");
  });
});

describe("precise rules - refunds", () => {
  it("refunds - name one payment and may not exceed its unrefunded amount", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const first = await harness.pay(invoice.id, "60.00", "p1");
    await harness.pay(invoice.id, "40.00", "p2");
    const refund = (amount: string, key: string) =>
      harness.remit.invoices.refund(userContext, {
        id: invoice.id,
        paymentId: first.payment.id,
        amount,
        idempotencyKey: key,
      });
    await refund("50.00", "r1");
    const error = await harness.expectRefused(invoice.id, "validation_error", () =>
      refund("10.01", "r2"),
    );
    expect(error).toMatchObject({ path: "amount" });
    expect((await refund("10.00", "r3")).invoice.amountPaid).toBe("40.00");
    const unknown = await harness.expectRefused(invoice.id, "not_found", () =>
      harness.remit.invoices.refund(userContext, {
        id: invoice.id,
        paymentId: "pay_unknown",
        amount: "1.00",
        idempotencyKey: "r4",
      }),
    );
    expect(unknown.code).toBe("not_found");
  });

  it("refunds - a payment of another invoice is not_found", async () => {
    const harness = await createHarness();
    const a = await harness.issued();
    const b = await harness.issued();
    const paymentOfA = await harness.pay(a.id, "10.00", "pa");
    await harness.pay(b.id, "10.00", "pb");
    await harness.expectRefused(b.id, "not_found", () =>
      harness.remit.invoices.refund(userContext, {
        id: b.id,
        paymentId: paymentOfA.payment.id,
        amount: "1.00",
        idempotencyKey: "wrong-invoice",
      }),
    );
  });

  it("refunds - through a provider are pending, count once the worker has the provider's success", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const card = await harness.remit.invoices.recordPayment(providerContext, {
      id: invoice.id,
      amount: "100.00",
      method: "card",
      reference: "pi_card",
      idempotencyKey: "pi_card",
    });
    const pending = await harness.remit.invoices.refund(userContext, {
      id: invoice.id,
      paymentId: card.payment.id,
      amount: "40.00",
      reason: "requested_by_customer",
      idempotencyKey: "refund-card",
    });
    expect(pending.refund).toMatchObject({ status: "pending", provider: "testpay" });
    expect(pending.invoice).toMatchObject({
      status: "paid",
      amountPaid: "100.00",
      refundPending: "40.00",
    });
    expect(pending.events[0]?.data).toMatchObject({ refundStatus: "pending" });
    // No provider call inside the move: only the worker asks, with the refund's id as its key.
    expect(harness.testpay.requests).toHaveLength(0);
    // Pending refunds count against what is left: only 60.00 more may be refunded.
    await harness.expectRefused(invoice.id, "validation_error", () =>
      harness.remit.invoices.refund(userContext, {
        id: invoice.id,
        paymentId: card.payment.id,
        amount: "60.01",
        idempotencyKey: "too-much",
      }),
    );
    harness.testpay.answer("succeeded");
    await createOutboxWorker({ remit: harness.remit }).runOnce();
    expect(harness.testpay.requests.map((request) => request.refund.id)).toEqual([
      pending.refund.id,
    ]);
    expect(harness.testpay.requests[0]?.providerPaymentReference).toBe("pi_card");
    const details = await harness.remit.invoices.get(userContext, { id: invoice.id });
    expect(details.invoice).toMatchObject({
      status: "pending_payment",
      amountPaid: "60.00",
      amountDue: "40.00",
      refundPending: "0.00",
      version: pending.invoice.version + 1,
    });
    expect(details.refunds[0]).toMatchObject({
      status: "succeeded",
      providerRefundId: `re_${pending.refund.id}`,
    });
    expect(details.events.at(-1)).toMatchObject({
      type: "invoice.refunded",
      actor: { type: "provider", name: "testpay" },
      data: { refundStatus: "succeeded", amountPaid: "60.00" },
    });
  });

  it("refunds - a failed provider refund appends invoice.refunded with status failed and releases the amount", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const card = await harness.remit.invoices.recordPayment(providerContext, {
      id: invoice.id,
      amount: "100.00",
      method: "card",
      reference: "pi_card",
      idempotencyKey: "pi_card",
    });
    const pending = await harness.remit.invoices.refund(userContext, {
      id: invoice.id,
      paymentId: card.payment.id,
      amount: "100.00",
      idempotencyKey: "refund-all",
    });
    harness.testpay.answer({
      error: () =>
        new ProviderError({ provider: "testpay", message: "declined", retryable: false }),
    });
    await createOutboxWorker({ remit: harness.remit }).runOnce();
    const details = await harness.remit.invoices.get(userContext, { id: invoice.id });
    expect(details.refunds[0]?.status).toBe("failed");
    expect(details.invoice).toMatchObject({
      status: "paid",
      amountPaid: "100.00",
      refundPending: "0.00",
      version: pending.invoice.version + 1,
    });
    expect(details.events.at(-1)).toMatchObject({
      type: "invoice.refunded",
      data: { refundStatus: "failed", status: "paid", amount: "100.00" },
    });
    // The failed amount can be refunded again.
    const again = await harness.remit.invoices.refund(userContext, {
      id: invoice.id,
      paymentId: card.payment.id,
      amount: "100.00",
      idempotencyKey: "refund-all-again",
    });
    expect(again.refund.status).toBe("pending");
  });

  it("refunds - a provider that fails for now is asked again with the same refund id", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const card = await harness.remit.invoices.recordPayment(providerContext, {
      id: invoice.id,
      amount: "100.00",
      method: "card",
      idempotencyKey: "pi_card",
    });
    const pending = await harness.remit.invoices.refund(userContext, {
      id: invoice.id,
      paymentId: card.payment.id,
      amount: "10.00",
      idempotencyKey: "refund-10",
    });
    const worker = createOutboxWorker({ remit: harness.remit, backoff: () => 1_000 });
    harness.testpay.answer({
      error: () => new ProviderError({ provider: "testpay", message: "timeout", retryable: true }),
    });
    expect((await worker.runOnce()).retried).toBe(1);
    harness.testpay.answer("succeeded");
    harness.clock.advance(1_000);
    await worker.runOnce();
    expect(harness.testpay.requests.map((request) => request.refund.id)).toEqual([
      pending.refund.id,
      pending.refund.id,
    ]);
    const details = await harness.remit.invoices.get(userContext, { id: invoice.id });
    expect(details.invoice.amountPaid).toBe("90.00");
  });

  it("refunds - a provider that answers pending is resolved later by its report, once", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const card = await harness.remit.invoices.recordPayment(providerContext, {
      id: invoice.id,
      amount: "100.00",
      method: "card",
      idempotencyKey: "pi_card",
    });
    const pending = await harness.remit.invoices.refund(userContext, {
      id: invoice.id,
      paymentId: card.payment.id,
      amount: "25.00",
      idempotencyKey: "refund-25",
    });
    harness.testpay.answer("pending");
    await createOutboxWorker({ remit: harness.remit }).runOnce();
    const waiting = await harness.remit.invoices.get(userContext, { id: invoice.id });
    expect(waiting.invoice).toMatchObject({
      refundPending: "25.00",
      amountPaid: "100.00",
      version: pending.invoice.version,
    });
    const report = (key: string) =>
      harness.remit.invoices.resolveRefund(providerContext, {
        id: invoice.id,
        refundId: pending.refund.id,
        status: "succeeded",
        providerRefundId: "re_1",
        idempotencyKey: key,
      });
    const resolved = await report("evt_webhook_1");
    expect(resolved.invoice).toMatchObject({
      status: "pending_payment",
      amountPaid: "75.00",
      refundPending: "0.00",
      version: pending.invoice.version + 1,
    });
    // The provider reports again under another event id: nothing changes.
    const before = await harness.snapshot(invoice.id);
    const again = await report("evt_webhook_2");
    expect(again.events).toEqual([]);
    expect((await harness.snapshot(invoice.id)).details).toEqual(before.details);
  });

  it("refunds - withdrawn dispute funds are a provider refund with reason dispute, counted at once", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const card = await harness.remit.invoices.recordPayment(providerContext, {
      id: invoice.id,
      amount: "100.00",
      method: "card",
      idempotencyKey: "pi_card",
    });
    const { invoice: after, refund } = await harness.remit.invoices.refund(providerContext, {
      id: invoice.id,
      paymentId: card.payment.id,
      amount: "100.00",
      reason: "dispute",
      providerRefundId: "dp_1",
      idempotencyKey: "dp_1",
    });
    expect(refund).toMatchObject({ status: "succeeded", reason: "dispute", provider: "testpay" });
    expect(after).toMatchObject({ status: "pending_payment", amountPaid: "0.00" });
    expect(harness.testpay.requests).toHaveLength(0);
  });
});

describe("precise rules - past due", () => {
  it("past due - the sweep takes an instant and moves, in batches, every invoice due before that local date", async () => {
    const harness = await createHarness({ settings: { timeZone: "America/Chicago" } });
    const overdue = [];
    for (let index = 0; index < 5; index++) overdue.push(await harness.issued({ terms: "net_1" }));
    const later = await harness.issued({ terms: "net_30" });
    // 2026-03-04 in Chicago at 06:00Z; the clock itself stays on March 2.
    const result = await harness.remit.invoices.sweepPastDue(systemContext, {
      at: "2026-03-04T06:00:00Z",
      batchSize: 2,
    });
    expect(result).toEqual({ moved: 5, lateFeesAdded: 0 });
    for (const invoice of overdue) {
      expect(
        (await harness.remit.invoices.get(userContext, { id: invoice.id })).invoice.status,
      ).toBe("past_due");
    }
    expect((await harness.remit.invoices.get(userContext, { id: later.id })).invoice.status).toBe(
      "pending_payment",
    );
    expect(
      await harness.remit.invoices.sweepPastDue(systemContext, { at: "2026-03-04T06:00:00Z" }),
    ).toEqual({ moved: 0, lateFeesAdded: 0 });
  });

  it("past due - the sweep skips an invoice that changed after it was listed", async () => {
    const failing = createFailingStore();
    const harness = await createHarness({ store: failing.store });
    const paidMeanwhile = await harness.issued({ terms: "net_1" });
    const dueTodayMeanwhile = await harness.issued({ terms: "net_1" });
    const stillDue = await harness.issued({ terms: "net_1" });
    harness.clock.advance(2 * 86_400_000);
    await harness.pay(paidMeanwhile.id, "100.00", "paid-meanwhile");
    const edited = await harness.remit.invoices.update(userContext, {
      id: dueTodayMeanwhile.id,
      expectedVersion: dueTodayMeanwhile.version,
      terms: "net_2",
    });
    expect(edited.invoice).toMatchObject({ status: "pending_payment", dueDate: "2026-03-04" });
    // The sweep's listing was taken before those moves (as another process could have).
    const stale = [paidMeanwhile, dueTodayMeanwhile, stillDue];
    failing.intercept("invoices.listDueBefore", async () => stale);
    const before = await harness.snapshot(paidMeanwhile.id);
    expect(await harness.remit.invoices.sweepPastDue(systemContext)).toEqual({
      moved: 1,
      lateFeesAdded: 0,
    });
    expect(await harness.snapshot(paidMeanwhile.id)).toMatchObject({ details: before.details });
    expect(
      (await harness.remit.invoices.get(userContext, { id: stillDue.id })).invoice.status,
    ).toBe("past_due");
  });

  it("past due - reads never derive past_due on the fly", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued({ terms: "net_1" });
    harness.clock.advance(30 * 86_400_000);
    expect((await harness.remit.invoices.get(userContext, { id: invoice.id })).invoice.status).toBe(
      "pending_payment",
    );
    expect(
      (await harness.remit.invoices.list(userContext, { status: "past_due" })).items,
    ).toHaveLength(0);
  });
});

describe("precise rules - faults and settings", () => {
  it("faults - a store failure inside a move changes nothing and is store_unavailable, retryable", async () => {
    const failing = createFailingStore();
    const harness = await createHarness({ store: failing.store });
    const invoice = await harness.issued();
    const before = await harness.snapshot(invoice.id);
    failing.failNext("events.append");
    const error = await harness.expectRefused(invoice.id, "store_unavailable", () =>
      harness.pay(invoice.id, "100.00", "p1"),
    );
    expect(error.retryable).toBe(true);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(await harness.snapshot(invoice.id)).toEqual(before);
    const retried = await harness.pay(invoice.id, "100.00", "p1");
    expect(retried.invoice?.status).toBe("paid");
    failing.failNext("sequences.next");
    const draft = await harness.draft();
    await harness.expectRefused(draft.id, "store_unavailable", () =>
      harness.remit.invoices.issue(userContext, { id: draft.id }),
    );
    expect((await harness.remit.invoices.issue(userContext, { id: draft.id })).invoice.number).toBe(
      "INV-0002",
    );
  });

  it("settings - currency, terms and tax rates are copied at create; settings apply to later moves only", async () => {
    const harness = await createHarness({
      settings: {
        defaultTerms: "net_15",
        defaultTaxRates: [{ id: "tax", name: "Sales tax", percent: "10" }],
      },
    });
    const { invoice } = await harness.remit.invoices.create(userContext, {
      customerId: harness.customer.id,
      lines: [{ description: "Repair", quantity: "1", unitPrice: "100.00", taxRateIds: ["tax"] }],
    });
    expect(invoice).toMatchObject({ currency: "USD", terms: "net_15", total: "110.00" });
    await harness.remit.tenants.upsert(userContext, {
      currency: "EUR",
      defaultTerms: "net_60",
      defaultTaxRates: [{ id: "tax", name: "Sales tax", percent: "20" }],
      requireReview: true,
    });
    // The later setting (review) applies to the later move; the copied ones stay.
    await harness.expectRefused(invoice.id, "invalid_transition", () =>
      harness.remit.invoices.issue(userContext, { id: invoice.id }),
    );
    await harness.remit.invoices.submit(userContext, { id: invoice.id });
    const { invoice: issued } = await harness.remit.invoices.issue(userContext, { id: invoice.id });
    expect(issued).toMatchObject({ currency: "USD", total: "110.00", dueDate: "2026-03-17" });
    const fresh = await harness.remit.invoices.create(userContext, {
      customerId: harness.customer.id,
      lines: [{ description: "Repair", quantity: "1", unitPrice: "100.00", taxRateIds: ["tax"] }],
    });
    expect(fresh.invoice).toMatchObject({ currency: "EUR", terms: "net_60", total: "120.00" });
  });
});
