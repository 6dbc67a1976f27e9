import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AgingBucket, agingBuckets, createRemit } from "../../src/index";
import { addDaysToDate, instantAtLocalTime } from "../../src/tenants/tenant-dates";
import { createHarness, userContext } from "../lifecycle/support/harness";
import { olderStore } from "../support/older-store";

// remit.reports.aging (issue 19, part 6): open balances by days past due in the tenant's zone.

const timeZone = "America/Los_Angeles";
// 2026-03-02 in Los Angeles; DST starts on 2026-03-08, inside the ranges below.
const dueDate = "2026-03-02";

describe("reports.aging", () => {
  it("aging - buckets an invoice by calendar days past due in the tenant's time zone, at every boundary", async () => {
    const harness = await createHarness({ settings: { timeZone } });
    const invoice = await harness.issued({ amount: "120.00", terms: { dueDate: "2026-03-30" } });
    // The clock stays on 2026-03-02; only asOf moves. Keep the due date fixed and age it.
    const cases: [number, AgingBucket][] = [
      [-5, "current"],
      [0, "current"],
      [1, "days1to30"],
      [30, "days1to30"],
      [31, "days31to60"],
      [60, "days31to60"],
      [61, "days61to90"],
      [90, "days61to90"],
      [91, "over90"],
    ];
    for (const [days, bucket] of cases) {
      const day = addDaysToDate("2026-03-30", days);
      // 23:00 local is already the next day in UTC: a report counting UTC days would be one off.
      for (const hour of [0, 23]) {
        const asOf = instantAtLocalTime(day, hour, timeZone);
        const report = await harness.remit.reports.aging(userContext, { asOf });
        expect(report.asOfDate, `${days} days at ${hour}:00`).toBe(day);
        const [row] = report.customers;
        expect(row, `${days} days at ${hour}:00`).toMatchObject({
          customerId: harness.customer.id,
          customerName: "Dana Reyes",
          currency: "USD",
          invoiceCount: 1,
          total: "120.00",
          [bucket]: "120.00",
        });
        for (const other of agingBuckets.filter((name) => name !== bucket))
          expect(row?.[other]).toBe("0.00");
      }
    }
    expect(invoice.dueDate).toBe("2026-03-30");
  });

  it("aging - only open balances: part payments count what is left; paid, draft, cancelled and uncollectible invoices are left out; currencies stay apart", async () => {
    // Issued on 2026-03-02 (the harness's start), aged on 2026-06-15.
    const harness = await createHarness({ settings: { timeZone } });
    const { remit, customer } = harness;
    const other = await remit.customers.create(userContext, { name: "Avery Brooks" });
    const partPaid = await harness.issued({ amount: "100.00", terms: { dueDate } });
    await harness.pay(partPaid.id, "30.25", "p1");
    const paid = await harness.issued({ amount: "50.00" });
    await harness.pay(paid.id, "50.00", "p2");
    await harness.draft({ amount: "999.00" });
    const writtenOff = await harness.issued({ amount: "77.00" });
    await remit.invoices.writeOff(userContext, { id: writtenOff.id, reason: "Gone" });
    const notYetDue = await harness.issued({ amount: "10.01", terms: { dueDate: "2026-06-15" } });
    const { invoice: euros } = await remit.invoices.create(userContext, {
      customerId: other.id,
      currency: "EUR",
      lines: [{ quantity: "2", unitPrice: "20.50" }],
      terms: { dueDate: "2026-05-01" },
      issue: true,
    });
    const { invoice: dollars } = await remit.invoices.create(userContext, {
      customerId: other.id,
      lines: [{ quantity: "1", unitPrice: "5.00" }],
      terms: { dueDate: "2026-06-01" },
      issue: true,
    });
    harness.clock.set("2026-06-15T18:00:00.000Z");
    await remit.invoices.sweepPastDue(userContext);

    const report = await remit.reports.aging(userContext, {});
    expect(report).toMatchObject({ asOf: "2026-06-15T18:00:00.000Z", asOfDate: "2026-06-15" });
    expect(report.timeZone).toBe(timeZone);
    // 2026-03-02 to 2026-06-15 is 105 days; 2026-05-01 45; 2026-06-01 14.
    expect(report.customers).toEqual([
      {
        customerId: other.id,
        customerName: "Avery Brooks",
        currency: "EUR",
        invoiceCount: 1,
        current: "0.00",
        days1to30: "0.00",
        days31to60: "41.00",
        days61to90: "0.00",
        over90: "0.00",
        total: "41.00",
      },
      {
        customerId: other.id,
        customerName: "Avery Brooks",
        currency: "USD",
        invoiceCount: 1,
        current: "0.00",
        days1to30: "5.00",
        days31to60: "0.00",
        days61to90: "0.00",
        over90: "0.00",
        total: "5.00",
      },
      {
        customerId: customer.id,
        customerName: "Dana Reyes",
        currency: "USD",
        invoiceCount: 2,
        current: "10.01",
        days1to30: "0.00",
        days31to60: "0.00",
        days61to90: "0.00",
        over90: "69.75",
        total: "79.76",
      },
    ]);
    expect(report.totals).toEqual([
      {
        currency: "EUR",
        invoiceCount: 1,
        current: "0.00",
        days1to30: "0.00",
        days31to60: "41.00",
        days61to90: "0.00",
        over90: "0.00",
        total: "41.00",
      },
      {
        currency: "USD",
        invoiceCount: 3,
        current: "10.01",
        days1to30: "5.00",
        days31to60: "0.00",
        days61to90: "0.00",
        over90: "69.75",
        total: "84.76",
      },
    ]);
    expect([notYetDue.status, euros.currency, dollars.currency]).toEqual([
      "pending_payment",
      "EUR",
      "USD",
    ]);
  });

  it("aging - a bad asOf is refused with validation_error at its path", async () => {
    const harness = await createHarness();
    await expect(
      harness.remit.reports.aging(userContext, { asOf: "yesterday" }),
    ).rejects.toMatchObject({ code: "validation_error" });
  });

  it("aging - a store without invoices.listOpen refuses with not_supported", async () => {
    const store = olderStore({ invoiceReads: ["listOpen"] });
    const remit = createRemit({ store });
    await expect(remit.reports.aging(userContext, {})).rejects.toMatchObject({
      code: "not_supported",
    });
  });

  it("aging - property: every row's buckets add up to its total, and the totals to the open balances per currency", async () => {
    const invoiceArbitrary = fc.record({
      cents: fc.integer({ min: 1, max: 500_000 }),
      paidPercent: fc.integer({ min: 0, max: 100 }),
      dueOffset: fc.integer({ min: 0, max: 60 }),
      secondCustomer: fc.boolean(),
      euro: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(invoiceArbitrary, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 23 }),
        async (drafts, ageDays, hour) => {
          const harness = await createHarness({ settings: { timeZone } });
          const { remit } = harness;
          const second = await remit.customers.create(userContext, { name: "Avery Brooks" });
          const open = new Map<string, Decimal>();
          for (const [index, draft] of drafts.entries()) {
            const amount = new Decimal(draft.cents).div(100);
            const { invoice } = await remit.invoices.create(userContext, {
              customerId: draft.secondCustomer ? second.id : harness.customer.id,
              currency: draft.euro ? "EUR" : "USD",
              lines: [{ quantity: "1", unitPrice: amount.toFixed(2) }],
              terms: { dueDate: addDaysToDate(dueDate, draft.dueOffset) },
              issue: true,
            });
            const paid = amount.mul(draft.paidPercent).div(100).toDecimalPlaces(2);
            if (paid.gt(0)) await harness.pay(invoice.id, paid.toFixed(2), `p${index}`);
            const left = amount.minus(paid);
            open.set(invoice.currency, (open.get(invoice.currency) ?? new Decimal(0)).plus(left));
          }
          const report = await remit.reports.aging(userContext, {
            asOf: instantAtLocalTime(addDaysToDate(dueDate, ageDays), hour, timeZone),
          });
          for (const row of [...report.customers, ...report.totals]) {
            const sum = agingBuckets.reduce(
              (total, bucket) => total.plus(row[bucket]),
              new Decimal(0),
            );
            expect(sum.toFixed(2)).toBe(row.total);
          }
          for (const total of report.totals) {
            const rows = report.customers.filter((row) => row.currency === total.currency);
            expect(rows.reduce((sum, row) => sum.plus(row.total), new Decimal(0)).toFixed(2)).toBe(
              total.total,
            );
          }
          const fromReport = Object.fromEntries(
            report.totals.map((total) => [total.currency, total.total]),
          );
          const expected = Object.fromEntries(
            [...open.entries()]
              .filter(([, amount]) => amount.gt(0))
              .map(([currency, amount]) => [currency, amount.toFixed(2)]),
          );
          expect(fromReport).toEqual(expected);
        },
      ),
      { numRuns: 30 },
    );
  });
});
