import { describe, expect, it } from "vitest";
import {
  createHarness,
  providerContext,
  systemContext,
  userContext,
} from "../lifecycle/support/harness";

// remit.invoices.writeOff, remit.invoices.applyCredit and remit.customers.getCredit (issue 19).

describe("write-off", () => {
  it("writeOff - a part-paid invoice becomes uncollectible with its balance written off; later payments shrink it, then it is paid", async () => {
    const harness = await createHarness({
      settings: { reminders: [{ daysFromDueDate: 3, channels: ["email"] }] },
    });
    const invoice = await harness.issued();
    await harness.pay(invoice.id, "30.00", "p1");
    const { invoice: written, events } = await harness.remit.invoices.writeOff(userContext, {
      id: invoice.id,
      reason: "Customer moved away",
    });
    expect(written).toMatchObject({
      status: "uncollectible",
      writtenOff: "70.00",
      amountDue: "0.00",
      writeOffReason: "Customer moved away",
    });
    expect(events.map((event) => event.type)).toEqual(["invoice.written_off"]);
    expect(events[0]?.data).toMatchObject({ amount: "70.00", previousStatus: "pending_payment" });
    // No reminder is left to go out, and the sweep passes it by.
    expect(
      [...harness.store.state.jobs.all()].filter(
        (job) => job.kind === "reminder" && job.status === "pending",
      ),
    ).toEqual([]);
    harness.clock.advance(40 * 86_400_000);
    expect(await harness.remit.invoices.sweepPastDue(systemContext)).toEqual({
      moved: 0,
      lateFeesAdded: 0,
    });
    // Send and cancel are refused.
    await harness.expectRefused(invoice.id, "invalid_transition", () =>
      harness.remit.invoices.cancel(userContext, { id: invoice.id, reason: "No" }),
    );
    const part = (await harness.pay(invoice.id, "50.00", "p2")).invoice;
    expect(part).toMatchObject({ status: "uncollectible", writtenOff: "20.00", amountDue: "0.00" });
    const last = await harness.remit.invoices.recordPayment(providerContext, {
      id: invoice.id,
      amount: "25.00",
      method: "card",
      idempotencyKey: "pi_3",
    });
    expect(last.invoice).toMatchObject({ status: "paid", writtenOff: "0.00", credit: "5.00" });
    expect(last.events.map((event) => event.type)).toEqual([
      "invoice.payment_recorded",
      "invoice.paid",
    ]);
  });

  it("writeOff - a refund or credit note on an uncollectible invoice moves the written-off amount, not the status", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const { payment } = await harness.pay(invoice.id, "40.00", "p1");
    await harness.remit.invoices.writeOff(userContext, { id: invoice.id, reason: "Bad debt" });
    const refunded = await harness.remit.invoices.refund(userContext, {
      id: invoice.id,
      paymentId: payment.id,
      amount: "10.00",
      idempotencyKey: "r1",
    });
    expect(refunded.invoice).toMatchObject({
      status: "uncollectible",
      writtenOff: "70.00",
      amountPaid: "30.00",
    });
    const credited = await harness.remit.invoices.issueCreditNote(userContext, {
      id: invoice.id,
      amount: "70.00",
      reason: "Settled the dispute",
    });
    expect(credited.invoice).toMatchObject({
      status: "uncollectible",
      writtenOff: "0.00",
      amountDue: "0.00",
    });
  });
});

describe("customer credit", () => {
  it("applyCredit - credit on one invoice pays another of the same customer, exactly, with events on both", async () => {
    const harness = await createHarness();
    const first = await harness.issued();
    const second = await harness.issued({ amount: "80.00" });
    await harness.pay(first.id, "130.00", "over");
    const before = await harness.remit.customers.getCredit(userContext, {
      id: harness.customer.id,
    });
    expect(before.balances).toEqual([
      {
        currency: "USD",
        amount: "30.00",
        invoices: [{ invoiceId: first.id, number: "INV-0001", status: "paid", credit: "30.00" }],
      },
    ]);
    const result = await harness.remit.invoices.applyCredit(userContext, {
      id: first.id,
      toInvoiceId: second.id,
      idempotencyKey: "apply-1",
    });
    expect(result.invoice).toMatchObject({
      id: first.id,
      credit: "0.00",
      amountPaid: "100.00",
      status: "paid",
    });
    expect(result.toInvoice).toMatchObject({
      id: second.id,
      amountPaid: "30.00",
      amountDue: "50.00",
    });
    expect(result.creditApplication).toMatchObject({
      amount: "30.00",
      fromInvoiceId: first.id,
      toInvoiceId: second.id,
    });
    expect(result.events.map((event) => [event.type, event.subject.id])).toEqual([
      ["invoice.credit_applied", first.id],
      ["invoice.credit_received", second.id],
    ]);
    const replay = await harness.remit.invoices.applyCredit(userContext, {
      id: first.id,
      toInvoiceId: second.id,
      idempotencyKey: "apply-1",
    });
    expect(replay.creditApplication).toEqual(result.creditApplication);
    const after = await harness.remit.customers.getCredit(userContext, { id: harness.customer.id });
    expect(after.balances).toEqual([]);
    expect(after.applications).toEqual([result.creditApplication]);
    // Nothing left to apply.
    await harness.expectRefused(first.id, "validation_error", () =>
      harness.remit.invoices.applyCredit(userContext, { id: first.id, toInvoiceId: second.id }),
    );
  });

  it("applyCredit - credit a credit note made settles the other invoice, and at most what it owes moves", async () => {
    const harness = await createHarness();
    const first = await harness.issued();
    const second = await harness.issued({ amount: "20.00" });
    await harness.pay(first.id, "100.00", "p1");
    await harness.remit.invoices.issueCreditNote(userContext, {
      id: first.id,
      amount: "50.00",
      reason: "Refit",
    });
    const over = await harness.expectRefused(first.id, "validation_error", () =>
      harness.remit.invoices.applyCredit(userContext, {
        id: first.id,
        toInvoiceId: second.id,
        amount: "20.01",
      }),
    );
    expect(over).toMatchObject({ path: "amount" });
    const { toInvoice, events, invoice } = await harness.remit.invoices.applyCredit(userContext, {
      id: first.id,
      toInvoiceId: second.id,
    });
    expect(toInvoice).toMatchObject({ status: "paid", amountDue: "0.00" });
    expect(invoice).toMatchObject({ credit: "30.00" });
    expect(events.map((event) => event.type)).toEqual([
      "invoice.credit_applied",
      "invoice.credit_received",
      "invoice.paid",
    ]);
    // What was applied elsewhere can no longer be refunded from the first invoice.
    const { payments } = await harness.remit.invoices.get(userContext, { id: first.id });
    const refund = await harness.expectRefused(first.id, "validation_error", () =>
      harness.remit.invoices.refund(userContext, {
        id: first.id,
        paymentId: payments[0]?.id ?? "",
        amount: "80.01",
        idempotencyKey: "r-too-much",
      }),
    );
    expect(refund).toMatchObject({ path: "amount" });
  });

  it("applyCredit - refused to another customer's or another currency's invoice", async () => {
    const harness = await createHarness();
    const first = await harness.issued();
    await harness.pay(first.id, "110.00", "p1");
    const other = await harness.remit.customers.create(userContext, {
      name: "Sam Lee",
      email: "sam@example.com",
    });
    const { invoice: draft } = await harness.remit.invoices.create(userContext, {
      customerId: other.id,
      lines: [{ quantity: "1", unitPrice: "10.00" }],
    });
    const theirs = (await harness.remit.invoices.issue(userContext, { id: draft.id })).invoice;
    const euros = (
      await harness.remit.invoices.issue(userContext, {
        id: (await harness.draft({ currency: "EUR" })).id,
      })
    ).invoice;
    for (const target of [theirs, euros]) {
      const error = await harness.expectRefused(first.id, "validation_error", () =>
        harness.remit.invoices.applyCredit(userContext, { id: first.id, toInvoiceId: target.id }),
      );
      expect(error).toMatchObject({ path: "toInvoiceId" });
    }
  });
});
