import { describe, expect, it } from "vitest";
import { createHarness, userContext } from "../lifecycle/support/harness";

// remit.invoices.issueCreditNote, and edits after credit notes (issue 19).

/** An issued invoice of two lines with a tax: 100.00 + 8.25 % and 50.00 untaxed. */
async function taxedInvoice(harness: Awaited<ReturnType<typeof createHarness>>) {
  const { invoice } = await harness.remit.invoices.create(userContext, {
    customerId: harness.customer.id,
    taxRates: [{ id: "state", name: "State", percent: "8.25" }],
    lines: [
      { id: "labor", kind: "labor", quantity: "1", unitPrice: "100.00", taxRateIds: ["state"] },
      { id: "trip", kind: "other", quantity: "1", unitPrice: "50.00" },
    ],
  });
  return (await harness.remit.invoices.issue(userContext, { id: invoice.id })).invoice;
}

describe("credit notes", () => {
  it("issueCreditNote - an amount with tax is shared over the lines and its taxes, and the amount due drops", async () => {
    const harness = await createHarness();
    const invoice = await taxedInvoice(harness);
    expect(invoice.total).toBe("158.25");
    const {
      invoice: credited,
      creditNote,
      events,
    } = await harness.remit.invoices.issueCreditNote(userContext, {
      id: invoice.id,
      amount: "31.65",
      reason: "Goodwill",
      idempotencyKey: "cn-1",
    });
    // 31.65 of 158.25 is a fifth: 21.65 of the taxed line (20.00 + 1.65 tax), 10.00 of the other.
    expect(creditNote).toMatchObject({
      number: "CN-0001",
      invoiceId: invoice.id,
      invoiceNumber: "INV-0001",
      total: "31.65",
      excludingTax: "30.00",
      taxTotal: "1.65",
      lines: [
        {
          lineId: "labor",
          excludingTax: "20.00",
          tax: "1.65",
          total: "21.65",
          taxes: [{ rateId: "state", amount: "1.65" }],
        },
        { lineId: "trip", excludingTax: "10.00", tax: "0.00", total: "10.00", taxes: [] },
      ],
      taxes: [{ rateId: "state", name: "State", percent: "8.25", amount: "1.65" }],
    });
    expect(credited).toMatchObject({
      status: "pending_payment",
      creditNoteTotal: "31.65",
      amountDue: "126.60",
      credit: "0.00",
      version: invoice.version + 1,
    });
    expect(events.map((event) => [event.type, event.subject.type])).toEqual([
      ["credit_note.issued", "credit_note"],
      ["invoice.credited", "invoice"],
    ]);
    expect(events[1]?.data).toMatchObject({ amount: "31.65", creditNoteNumber: "CN-0001" });
    const details = await harness.remit.invoices.get(userContext, { id: invoice.id });
    expect(details.creditNotes).toEqual([creditNote]);
    expect(await harness.remit.invoices.getCreditNote(userContext, { id: creditNote.id })).toEqual(
      creditNote,
    );
    // The same key again: the first result, nothing appended.
    const replay = await harness.remit.invoices.issueCreditNote(userContext, {
      id: invoice.id,
      amount: "31.65",
      reason: "Goodwill",
      idempotencyKey: "cn-1",
    });
    expect(replay.creditNote).toEqual(creditNote);
    expect(
      (await harness.remit.invoices.get(userContext, { id: invoice.id })).creditNotes,
    ).toHaveLength(1);
  });

  it("issueCreditNote - whole lines; below the amount paid it becomes credit, and nothing due makes it paid", async () => {
    const harness = await createHarness();
    const invoice = await taxedInvoice(harness);
    await harness.pay(invoice.id, "150.00", "p1");
    const {
      invoice: credited,
      creditNote,
      events,
    } = await harness.remit.invoices.issueCreditNote(userContext, {
      id: invoice.id,
      lines: [{ lineId: "trip" }],
      reason: "Trip not made",
    });
    expect(creditNote).toMatchObject({ total: "50.00", lines: [{ lineId: "trip" }] });
    expect(credited).toMatchObject({
      status: "paid",
      amountDue: "0.00",
      credit: "41.75",
      creditNoteTotal: "50.00",
    });
    expect(events.map((event) => event.type)).toEqual([
      "credit_note.issued",
      "invoice.credited",
      "invoice.paid",
    ]);
  });

  it("issueCreditNote - never more than the total less earlier notes, per line too; refusals change nothing", async () => {
    const harness = await createHarness();
    const invoice = await taxedInvoice(harness);
    await harness.remit.invoices.issueCreditNote(userContext, {
      id: invoice.id,
      amount: "158.00",
      reason: "Most of it",
    });
    const over = await harness.expectRefused(invoice.id, "validation_error", () =>
      harness.remit.invoices.issueCreditNote(userContext, {
        id: invoice.id,
        amount: "0.26",
        reason: "One cent too many",
      }),
    );
    expect(over).toMatchObject({ path: "amount" });
    expect(over.message).toContain("0.25");
    const line = await harness.expectRefused(invoice.id, "validation_error", () =>
      harness.remit.invoices.issueCreditNote(userContext, {
        id: invoice.id,
        lines: [{ lineId: "nope" }],
        reason: "Unknown",
      }),
    );
    expect(line).toMatchObject({ path: "lines[0].lineId" });
    const both = await harness.expectRefused(invoice.id, "validation_error", () =>
      harness.remit.invoices.issueCreditNote(userContext, {
        id: invoice.id,
        amount: "1.00",
        lines: [{ lineId: "trip" }],
        reason: "Both",
      } as never),
    );
    expect(both).toMatchObject({ path: "lines" });
    const { invoice: last } = await harness.remit.invoices.issueCreditNote(userContext, {
      id: invoice.id,
      amount: "0.25",
      reason: "The rest",
    });
    expect(last).toMatchObject({ creditNoteTotal: "158.25", amountDue: "0.00", status: "paid" });
  });

  it("issueCreditNote - credit-note numbers count on their own series, apart from invoice numbers", async () => {
    const harness = await createHarness({
      settings: { numberFormat: "INV-{SEQ:3}", creditNoteNumberFormat: "CR-{YYYY}-{SEQ}" },
    });
    const first = await harness.issued();
    const second = await harness.issued();
    const numbers: string[] = [];
    for (const id of [first.id, second.id, first.id]) {
      const { creditNote } = await harness.remit.invoices.issueCreditNote(userContext, {
        id,
        amount: "1.00",
        reason: "Goodwill",
      });
      numbers.push(creditNote.number);
    }
    expect([first.number, second.number]).toEqual(["INV-001", "INV-002"]);
    expect(numbers).toEqual(["CR-2026-1", "CR-2026-2", "CR-2026-3"]);
  });

  it("tenant settings - a credit-note format whose numbers could equal invoice numbers is refused", async () => {
    const harness = await createHarness();
    await expect(
      harness.remit.tenants.upsert(userContext, { creditNoteNumberFormat: "INV-{SEQ:4}" }),
    ).rejects.toMatchObject({ code: "validation_error", path: "creditNoteNumberFormat" });
    await expect(
      harness.remit.tenants.upsert(userContext, { numberFormat: "CN-{SEQ}" }),
    ).rejects.toMatchObject({ code: "validation_error", path: "numberFormat" });
    await expect(
      harness.remit.tenants.upsert(userContext, { earlierCreditNoteNumberFormats: [] } as never),
    ).rejects.toMatchObject({ path: "earlierCreditNoteNumberFormats" });
  });

  it("update - a credited line cannot drop below what was credited on it, nor be removed", async () => {
    const harness = await createHarness();
    const invoice = await taxedInvoice(harness);
    const { invoice: credited } = await harness.remit.invoices.issueCreditNote(userContext, {
      id: invoice.id,
      lines: [{ lineId: "trip", amount: "30.00" }],
      reason: "Shorter trip",
    });
    const edit = (lines: unknown[]) =>
      harness.remit.invoices.update(userContext, {
        id: invoice.id,
        expectedVersion: credited.version,
        taxRates: [{ id: "state", name: "State", percent: "8.25" }],
        lines: lines as never,
      });
    const labor = {
      id: "labor",
      kind: "labor",
      quantity: "1",
      unitPrice: "100.00",
      taxRateIds: ["state"],
    };
    const below = await harness.expectRefused(invoice.id, "validation_error", () =>
      edit([labor, { id: "trip", kind: "other", quantity: "1", unitPrice: "29.99" }]),
    );
    expect(below).toMatchObject({ path: "lines[1]" });
    const removed = await harness.expectRefused(invoice.id, "validation_error", () =>
      edit([labor]),
    );
    expect(removed.message).toContain('"trip"');
    const { invoice: edited } = await edit([
      labor,
      { id: "trip", kind: "other", quantity: "1", unitPrice: "30.00" },
    ]);
    expect(edited).toMatchObject({
      total: "138.25",
      creditNoteTotal: "30.00",
      amountDue: "108.25",
      number: invoice.number,
    });
  });
});
