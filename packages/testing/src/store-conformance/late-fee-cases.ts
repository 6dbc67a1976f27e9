import { createRemit, type Invoice, type StoreTransaction } from "@remit/core";
import { expect, it } from "vitest";
import type { ConformanceHarness } from "./conformance-harness";
import { sampleLines, setupTenant } from "./fixtures";
import { id, inTenant, issuedInvoiceRecord, serial } from "./records";
import { createTestClock } from "./test-clock";

/** A rule as the tenant settings keep it: 25.00 every 30 days, at most 3 fees. */
const lateFee: NonNullable<Invoice["lateFee"]> = {
  rule: {
    charge: { type: "flat", amount: "25.00" },
    graceDays: 0,
    repeatEveryDays: 30,
    maxCount: 3,
    minimumBalance: "0",
    description: "Late fee",
    taxRates: [],
  },
  periodsCharged: 1,
};

/**
 * Late fees (`@since 0.3.0` of the store port): the invoice's `lateFee` field, the sweep's
 * candidate list, and several workers sweeping the same invoices at once.
 */
export function defineLateFeeCases(harness: ConformanceHarness): void {
  const within = <T>(tenantId: string, work: (transaction: StoreTransaction) => Promise<T>) =>
    inTenant(harness.store(), tenantId, work);
  const candidates = (transaction: StoreTransaction, after?: string, limit = 10) => {
    const list = transaction.invoices.listLateFeeCandidates;
    if (!list) throw new Error("The store implements no invoices.listLateFeeCandidates");
    return list({ limit, ...(after ? { after } : {}) });
  };

  it("invoices.listLateFeeCandidates - only past_due invoices with a late-fee rule, by id, in batches, lateFee kept", async () => {
    await within("t1", async (transaction) => {
      for (const record of [
        issuedInvoiceRecord("t1", 4, { status: "past_due", lateFee }),
        issuedInvoiceRecord("t1", 1, { status: "past_due", lateFee }),
        issuedInvoiceRecord("t1", 2, { status: "past_due", lateFee }),
        issuedInvoiceRecord("t1", 3, { status: "past_due" }), // no rule
        issuedInvoiceRecord("t1", 5, { lateFee }), // not past due
        issuedInvoiceRecord("t1", 6, { status: "uncollectible", lateFee }),
      ])
        await transaction.invoices.insert({ record });
    });
    await within("t2", (transaction) =>
      transaction.invoices.insert({
        record: issuedInvoiceRecord("t2", 7, { status: "past_due", lateFee }),
      }),
    );
    await within("t1", async (transaction) => {
      expect((await candidates(transaction, undefined, 2)).map(serial)).toEqual([1, 2]);
      expect((await candidates(transaction, id("inv", 2), 2)).map(serial)).toEqual([4]);
      expect(await candidates(transaction, id("inv", 4), 2)).toEqual([]);
      const [first] = await candidates(transaction);
      expect(first).toEqual(issuedInvoiceRecord("t1", 1, { status: "past_due", lateFee }));
      expect((await transaction.invoices.get({ id: id("inv", 3) }))?.lateFee).toBeNull();
    });
  });

  it("sweepPastDue - several workers sweeping the same invoices at once add each late fee exactly once", async () => {
    const store = harness.store();
    const { remit, ctx, customer } = await setupTenant(store, "tenant_a", {
      lateFees: {
        charge: { type: "flat", amount: "25.00" },
        repeatEveryDays: 30,
        maxCount: 3,
      },
    });
    const ids: string[] = [];
    for (let index = 0; index < 4; index++) {
      const created = await remit.invoices.create(ctx, {
        customerId: customer.id,
        ...sampleLines(),
      });
      ids.push((await remit.invoices.issue(ctx, { id: created.invoice.id })).invoice.id);
    }
    // Issued 2026-03-02, net 30: due 2026-04-01. On 2026-05-15 fees 1 (04-02) and 2 (05-02) are due.
    const at = "2026-05-15T15:00:00.000Z";
    const system = { tenantId: "tenant_a", actor: { type: "system" as const } };
    const workers = Array.from({ length: 4 }, () =>
      createRemit({ store, clock: createTestClock(at) }),
    );
    const results = await Promise.all(
      workers.map((worker) => worker.invoices.sweepPastDue(system, { at, batchSize: 2 })),
    );
    expect(results.reduce((sum, result) => sum + result.lateFeesAdded, 0)).toBe(8);
    for (const invoiceId of ids) {
      const { invoice } = await remit.invoices.get(ctx, { id: invoiceId });
      expect(invoice.status).toBe("past_due");
      expect(
        invoice.content.lines.filter((line) => line.kind === "late_fee").map((line) => line.id),
      ).toEqual(["late-fee-1", "late-fee-2"]);
      expect(invoice.total).toBe("353.93");
      expect(invoice.amountDue).toBe("353.93");
      expect(invoice.lateFee?.periodsCharged).toBe(2);
    }
    // Checked in the backend itself: one revision per fee, one event per fee.
    const probe = harness.probe();
    expect(await probe.count("tenant_a", "revisions")).toBe(4 + 8);
    const events = await remit.events.list(ctx, { limit: 1000 });
    expect(events.items.filter((event) => event.type === "invoice.late_fee_added")).toHaveLength(8);
    // A later run on the same day adds nothing; past the last period, the third fee once.
    const again = await Promise.all(
      workers.map((worker) => worker.invoices.sweepPastDue(system, { at })),
    );
    expect(again.map((result) => result.lateFeesAdded)).toEqual([0, 0, 0, 0]);
    const later = "2026-08-01T15:00:00.000Z";
    const third = await Promise.all(
      workers.map((worker) => worker.invoices.sweepPastDue(system, { at: later })),
    );
    expect(third.reduce((sum, result) => sum + result.lateFeesAdded, 0)).toBe(4);
    expect(await probe.count("tenant_a", "revisions")).toBe(4 + 12);
  });
}
