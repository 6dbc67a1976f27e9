import type { PlanCollection, PlanOccurrenceCollection, StoreTransaction } from "@remit/core";
import { expect, it } from "vitest";
import type { ConformanceHarness } from "./conformance-harness";
import { rejectionOf } from "./fixtures";
import { occurrenceRecord, planRecord } from "./plan-records";
import { id, inTenant, serial } from "./records";

type WithPlans = StoreTransaction & {
  plans: PlanCollection;
  planOccurrences: PlanOccurrenceCollection;
};

/**
 * Recurring plans and their occurrences (optional collections, @since 0.2.0). A store without them
 * skips these cases, saying why; one with them must keep every promise below.
 */
export function definePlanCollectionCases(harness: ConformanceHarness): void {
  const within = <T>(tenantId: string, work: (transaction: WithPlans) => Promise<T>) =>
    inTenant(harness.store(), tenantId, (transaction) => work(transaction as WithPlans));
  const skipWithoutPlans = async (context: { skip(note?: string): void }) => {
    const has = await inTenant(harness.store(), "t1", async (transaction) =>
      Boolean(transaction.plans && transaction.planOccurrences),
    );
    if (!has) context.skip("the store has no plans: an optional collection (@since 0.2.0)");
  };

  it("plans - get, insert, update by version, list by status and customer, listDue by date", async (context) => {
    await skipWithoutPlans(context);
    await within("t1", async (transaction) => {
      await transaction.plans.insert({ record: planRecord("t1", 1) });
      await transaction.plans.insert({
        record: planRecord("t1", 2, { nextOccurrenceOn: "2026-04-01" }),
      });
      await transaction.plans.insert({ record: planRecord("t1", 3, { status: "paused" }) });
      await transaction.plans.insert({
        record: planRecord("t1", 4, { status: "ended", nextOccurrenceOn: null }),
      });
    });
    await within("t2", (transaction) => transaction.plans.insert({ record: planRecord("t2", 5) }));
    await within("t1", async (transaction) => {
      expect(await transaction.plans.get({ id: id("plan", 1) })).toEqual(planRecord("t1", 1));
      expect(await transaction.plans.get({ id: id("plan", 5) })).toBeUndefined();
      const stale = await rejectionOf(
        transaction.plans.update({
          record: planRecord("t1", 1, { version: 2 }),
          expectedVersion: 7,
        }),
      );
      expect(stale.code).toBe("version_conflict");
      await transaction.plans.update({
        record: planRecord("t1", 1, { version: 2, name: "Renamed" }),
        expectedVersion: 1,
      });
      expect((await transaction.plans.get({ id: id("plan", 1) }))?.name).toBe("Renamed");
      const active = await transaction.plans.list({ filter: { status: ["active"] }, limit: 10 });
      expect(active.items.map(serial)).toEqual([2, 1]);
      const byCustomer = await transaction.plans.list({
        filter: { customerId: id("cus", 3) },
        limit: 10,
      });
      expect(byCustomer.items.map(serial)).toEqual([3]);
      const due = await transaction.plans.listDue({ onOrBefore: "2026-03-01", limit: 10 });
      expect(due.map(serial)).toEqual([1]);
      const later = await transaction.plans.listDue({ onOrBefore: "2026-04-30", limit: 1 });
      expect(later.map(serial)).toEqual([1]);
      const after = await transaction.plans.listDue({
        onOrBefore: "2026-04-30",
        after: id("plan", 1),
        limit: 10,
      });
      expect(after.map(serial)).toEqual([2]);
    });
  });

  it("planOccurrences - one per plan and date: a second claim answers false and keeps the first", async (context) => {
    await skipWithoutPlans(context);
    const planId = id("plan", 1);
    await within("t1", async (transaction) => {
      await transaction.plans.insert({ record: planRecord("t1", 1) });
      expect(
        await transaction.planOccurrences.claim({
          record: occurrenceRecord("t1", planId, "2026-03-01", { invoiceId: id("inv", 1) }),
        }),
      ).toBe(true);
      expect(
        await transaction.planOccurrences.claim({
          record: occurrenceRecord("t1", planId, "2026-03-01", { status: "skipped" }),
        }),
      ).toBe(false);
      expect(
        await transaction.planOccurrences.claim({
          record: occurrenceRecord("t1", planId, "2026-02-01", { status: "skipped" }),
        }),
      ).toBe(true);
      expect(await transaction.planOccurrences.get({ planId, date: "2026-03-01" })).toEqual(
        occurrenceRecord("t1", planId, "2026-03-01", { invoiceId: id("inv", 1) }),
      );
      expect(
        (await transaction.planOccurrences.list({ planId })).map((occurrence) => occurrence.date),
      ).toEqual(["2026-02-01", "2026-03-01"]);
    });
    // Another tenant's plan may have the same id and date: keys are per tenant.
    await within("t2", async (transaction) => {
      await transaction.plans.insert({ record: planRecord("t2", 1) });
      expect(await transaction.planOccurrences.get({ planId, date: "2026-03-01" })).toBeUndefined();
      expect(
        await transaction.planOccurrences.claim({
          record: occurrenceRecord("t2", planId, "2026-03-01"),
        }),
      ).toBe(true);
    });
    const probe = harness.probe();
    if (probe.planOccurrenceDates)
      expect(await probe.planOccurrenceDates("t1", planId)).toEqual(["2026-02-01", "2026-03-01"]);
  });

  it("planOccurrences - claims of one date from concurrent transactions take it once", async (context) => {
    await skipWithoutPlans(context);
    const planId = id("plan", 1);
    await within("t1", (transaction) => transaction.plans.insert({ record: planRecord("t1", 1) }));
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, n) =>
        within("t1", (transaction) =>
          transaction.planOccurrences.claim({
            record: occurrenceRecord("t1", planId, "2026-03-01", { invoiceId: id("inv", n) }),
          }),
        ),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const rolledBack = await rejectionOf(
      within("t1", async (transaction) => {
        await transaction.planOccurrences.claim({
          record: occurrenceRecord("t1", planId, "2026-04-01"),
        });
        throw new Error("rolled back");
      }),
    );
    expect(rolledBack).toBeInstanceOf(Error);
    await within("t1", async (transaction) => {
      // The rolled-back claim left nothing: the date is free again.
      expect(await transaction.planOccurrences.get({ planId, date: "2026-04-01" })).toBeUndefined();
    });
  });
}
