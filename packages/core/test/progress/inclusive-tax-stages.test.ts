import { createMemoryStore, createTestClock } from "@remit/testing";
import { describe, expect, it } from "vitest";
import { calculateInvoice, createRemit, type Invoice } from "../../src/index";

// Progress billing with a tax included in the prices (VAT-style): a line's `net` carries the
// included tax, each stage bills its share of that net and the normal math takes the tax out of
// it, so the stages add up to the one invoice's total and each stage's tax is part of its total.

describe("progress billing with an included tax", () => {
  it("stages of a tax-inclusive contract add up to its total; each stage's tax is taken out of its lines", async () => {
    const clock = createTestClock("2026-03-02T15:00:00.000Z");
    const remit = createRemit({ store: createMemoryStore(), clock });
    const ctx = { tenantId: "t1", actor: { type: "user" as const, id: "u1" } };
    await remit.tenants.upsert(ctx, { timeZone: "Europe/Berlin", currency: "EUR" });
    const customer = await remit.customers.create(ctx, { name: "Jonas Weber" });
    const vat = { id: "vat", name: "VAT", percent: "19", inclusive: true };
    const services = [
      {
        id: "bathroom",
        description: "Bathroom refit",
        quantity: "1",
        unitPrice: "11900.00",
        taxRateIds: ["vat"],
      },
      {
        id: "tiles",
        description: "Tiles",
        quantity: "1",
        unitPrice: "2380.01",
        taxRateIds: ["vat"],
      },
    ];
    const { workOrder } = await remit.workOrders.create(ctx, {
      customerId: customer.id,
      title: "Bathroom",
      currency: "EUR",
      taxRates: [vat],
      services,
    });
    const oneInvoice = calculateInvoice({ currency: "EUR", taxRates: [vat], lines: services });

    const stages: Invoice[] = [];
    for (const stage of [{ percent: "33.3" }, { percent: "33.3" }, { final: true as const }]) {
      const { invoice } = await remit.workOrders.billStage(ctx, { id: workOrder.id, stage });
      stages.push(invoice);
    }
    const cents = (amount: string) => Math.round(Number(amount) * 100);
    const sum = (pick: (invoice: Invoice) => string) =>
      stages.reduce((total, invoice) => total + cents(pick(invoice)), 0);
    // The price already holds the tax: the stages bill exactly the contract's total, no more.
    expect(sum((invoice) => invoice.total)).toBe(cents(oneInvoice.total));
    expect(oneInvoice.total).toBe("14280.01");
    for (const invoice of stages) {
      const [tax] = invoice.totals.taxes;
      expect(tax).toMatchObject({ rateId: "vat", inclusive: true });
      // Included: the total is the lines' net, the tax a part of it.
      const net = invoice.totals.lines.reduce((total, line) => total + cents(line.net), 0);
      expect(cents(invoice.total)).toBe(net);
      expect(cents(invoice.totals.taxTotal)).toBe(
        invoice.totals.lines.reduce((total, line) => total + cents(line.tax), 0),
      );
    }
    // The stages' tax differs from the one invoice's by rounding only: a cent per stage at most.
    expect(
      Math.abs(sum((invoice) => invoice.totals.taxTotal) - cents(oneInvoice.taxTotal)),
    ).toBeLessThanOrEqual(stages.length);
  });
});
