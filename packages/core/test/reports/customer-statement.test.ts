import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import type { CustomerStatement } from "../../src/index";
import { createHarness, userContext } from "../lifecycle/support/harness";

// remit.reports.customerStatement (issue 19, part 6): a period's lines that reconcile exactly.

const timeZone = "America/Los_Angeles";

/** opening + invoiced − paid + refunded − credited − written off = closing; lines agree. */
function expectReconciles(statement: CustomerStatement) {
  const sum = new Decimal(statement.openingBalance)
    .plus(statement.invoiced)
    .minus(statement.paid)
    .plus(statement.refunded)
    .minus(statement.credited)
    .minus(statement.writtenOff);
  expect(sum.toFixed(2)).toBe(statement.closingBalance);
  const byLines = statement.lines.reduce((balance, line) => {
    const next = balance.plus(line.change);
    expect(next.toFixed(2)).toBe(line.balance);
    return next;
  }, new Decimal(statement.openingBalance));
  expect(byLines.toFixed(2)).toBe(statement.closingBalance);
}

describe("reports.customerStatement", () => {
  it("customerStatement - invoices, payments, credit applied, a credit note, a refund and a write-off reconcile period by period, by local dates", async () => {
    const harness = await createHarness({ settings: { timeZone } });
    const { remit, customer, clock } = harness;
    // 2026-03-02 in Los Angeles.
    const a = await harness.issued({ amount: "100.00" });
    const b = await harness.issued({ amount: "80.00" });
    const c = await harness.issued({ amount: "50.00" });
    await harness.draft({ amount: "999.00" });
    await remit.invoices.create(userContext, {
      customerId: customer.id,
      currency: "EUR",
      lines: [{ quantity: "1", unitPrice: "7.00" }],
      issue: true,
    });
    await harness.pay(a.id, "130.00", "over");
    clock.set("2026-03-10T18:00:00.000Z");
    await remit.invoices.applyCredit(userContext, {
      id: a.id,
      toInvoiceId: b.id,
      idempotencyKey: "apply",
    });
    await remit.invoices.issueCreditNote(userContext, {
      id: b.id,
      amount: "20.00",
      reason: "Goodwill",
    });
    // 23:30 on March 31 in Los Angeles, already April 1 in UTC: a March line.
    clock.set("2026-04-01T06:30:00.000Z");
    await harness.pay(b.id, "10.00", "late-march");
    clock.set("2026-04-05T18:00:00.000Z");
    const { payment } = await harness.pay(c.id, "50.00", "c");
    await remit.invoices.refund(userContext, {
      id: c.id,
      paymentId: payment.id,
      amount: "5.00",
      idempotencyKey: "r",
    });
    clock.set("2026-04-10T18:00:00.000Z");
    await remit.invoices.writeOff(userContext, { id: c.id, reason: "Small balance" });

    const march = await remit.reports.customerStatement(userContext, {
      customerId: customer.id,
      from: "2026-03-01",
      to: "2026-03-31",
    });
    expect(march).toMatchObject({
      customerName: "Dana Reyes",
      currency: "USD",
      timeZone,
      openingBalance: "0.00",
      invoiced: "230.00",
      paid: "140.00",
      refunded: "0.00",
      credited: "20.00",
      writtenOff: "0.00",
      creditApplied: "30.00",
      closingBalance: "70.00",
    });
    expect(march.lines.map((line) => [line.date, line.kind, line.amount, line.balance])).toEqual([
      ["2026-03-02", "invoice", "100.00", "100.00"],
      ["2026-03-02", "invoice", "80.00", "180.00"],
      ["2026-03-02", "invoice", "50.00", "230.00"],
      ["2026-03-02", "payment", "130.00", "100.00"],
      ["2026-03-10", "credit_note", "20.00", "80.00"],
      ["2026-03-10", "credit_applied", "30.00", "80.00"],
      ["2026-03-31", "payment", "10.00", "70.00"],
    ]);
    expect(march.lines.find((line) => line.kind === "credit_note")?.reference).toMatch(/^CN-/);
    expectReconciles(march);

    const april = await remit.reports.customerStatement(userContext, {
      customerId: customer.id,
      from: "2026-04-01",
      to: "2026-04-30",
    });
    expect(april).toMatchObject({
      openingBalance: "70.00",
      paid: "50.00",
      refunded: "5.00",
      writtenOff: "5.00",
      closingBalance: "20.00",
    });
    expectReconciles(april);
    // The closing balance today is what the invoices say: amount due less credit held.
    const owed = await Promise.all(
      [a, b, c].map(async ({ id }) => (await remit.invoices.get(userContext, { id })).invoice),
    );
    expect(
      owed
        .reduce((sum, invoice) => sum.plus(invoice.amountDue).minus(invoice.credit), new Decimal(0))
        .toFixed(2),
    ).toBe(april.closingBalance);
    expect(april.openInvoices.map((open) => [open.invoiceId, open.amountDue])).toEqual([
      [b.id, "20.00"],
    ]);

    const euros = await remit.reports.customerStatement(userContext, {
      customerId: customer.id,
      from: "2026-01-01",
      to: "2026-12-31",
      currency: "EUR",
    });
    expect(euros).toMatchObject({
      invoiced: "7.00",
      closingBalance: "7.00",
      openingBalance: "0.00",
    });
  });

  it("customerStatement - refuses a period that ends before it starts and an unknown customer", async () => {
    const harness = await createHarness();
    await expect(
      harness.remit.reports.customerStatement(userContext, {
        customerId: harness.customer.id,
        from: "2026-03-31",
        to: "2026-03-01",
      }),
    ).rejects.toMatchObject({ code: "validation_error" });
    await expect(
      harness.remit.reports.customerStatement(userContext, {
        customerId: "cus_unknown",
        from: "2026-03-01",
        to: "2026-03-31",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
