import type { InvoiceStatus, StoreTransaction } from "@remit/core";
import { expect, it } from "vitest";
import type { ConformanceHarness } from "./conformance-harness";
import { setupTenant } from "./fixtures";
import { inTenant, invoiceRecord, issuedInvoiceRecord, serial } from "./records";

/**
 * The reads behind `remit.reports` (`@since 0.3.0` of the store port): `invoices.listOpen`, the
 * aging report's batches of open invoices.
 */
export function defineReportReadCases(harness: ConformanceHarness): void {
  const within = <T>(tenantId: string, work: (transaction: StoreTransaction) => Promise<T>) =>
    inTenant(harness.store(), tenantId, work);
  const listOpen = (transaction: StoreTransaction) => {
    const read = transaction.invoices.listOpen?.bind(transaction.invoices);
    if (!read) throw new Error("The store implements no invoices.listOpen");
    return read;
  };

  it("invoices.listOpen - only pending_payment and past_due invoices of the tenant, by id, in batches after an id", async () => {
    const statuses: InvoiceStatus[] = [
      "past_due",
      "paid",
      "pending_payment",
      "uncollectible",
      "cancelled",
      "pending_payment",
      "past_due",
    ];
    await within("t1", async (transaction) => {
      await transaction.invoices.insert({ record: invoiceRecord("t1", 9) });
      // Inserted out of id order, so that the order comes from the store.
      for (const [index, status] of [...statuses.entries()].reverse())
        await transaction.invoices.insert({
          record: issuedInvoiceRecord("t1", index + 1, { status }),
        });
    });
    await within("t2", async (transaction) => {
      await transaction.invoices.insert({ record: issuedInvoiceRecord("t2", 20) });
    });
    await within("t1", async (transaction) => {
      const read = listOpen(transaction);
      const all = await read({ limit: 100 });
      expect(all.map(serial)).toEqual([1, 3, 6, 7]);
      expect(all[0]).toEqual(issuedInvoiceRecord("t1", 1, { status: "past_due" }));
      const first = await read({ limit: 2 });
      expect(first.map(serial)).toEqual([1, 3]);
      const rest = await read({ after: first[1]?.id, limit: 2 });
      expect(rest.map(serial)).toEqual([6, 7]);
      expect(await read({ after: rest[1]?.id, limit: 2 })).toEqual([]);
    });
    await within("t3", async (transaction) => {
      expect(await listOpen(transaction)({ limit: 10 })).toEqual([]);
    });
  });

  it("reports.aging - reads open balances through the store, per customer and currency", async () => {
    const { remit, ctx, customer } = await setupTenant(harness.store(), "t1");
    const { invoice } = await remit.invoices.create(ctx, {
      customerId: customer.id,
      lines: [{ quantity: "3", unitPrice: "33.33" }],
      issue: true,
    });
    await remit.invoices.create(ctx, {
      customerId: customer.id,
      lines: [{ quantity: "1", unitPrice: "5.00" }],
    });
    const report = await remit.reports.aging(ctx, {});
    expect(report.customers).toEqual([
      {
        customerId: customer.id,
        customerName: "Dana Reyes",
        currency: invoice.currency,
        invoiceCount: 1,
        current: "99.99",
        days1to30: "0.00",
        days31to60: "0.00",
        days61to90: "0.00",
        over90: "0.00",
        total: "99.99",
      },
    ]);
  });
}
