import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addMoney,
  calculateLateFee,
  compareMoney,
  countLateFeesDue,
  type LateFeeRule,
  type LateFeeRuleInput,
  lateFeeRuleSchema,
} from "../../src/index";
import { addDaysToDate } from "../../src/tenants/tenant-dates";

const rule = (input: LateFeeRuleInput): LateFeeRule => lateFeeRuleSchema.parse(input);

describe("countLateFeesDue", () => {
  it("a single fee - none on the due date or within the grace days, one from the day after", () => {
    const once = rule({ charge: { type: "flat", amount: "25" }, graceDays: 10 });
    expect(countLateFeesDue(once, "2026-03-01", "2026-03-01")).toBe(0);
    expect(countLateFeesDue(once, "2026-03-01", "2026-03-11")).toBe(0);
    expect(countLateFeesDue(once, "2026-03-01", "2026-03-12")).toBe(1);
    expect(countLateFeesDue(once, "2026-03-01", "2027-03-12")).toBe(1);
  });

  it("no grace - the first fee on the first day past due", () => {
    const once = rule({ charge: { type: "flat", amount: "25" } });
    expect(countLateFeesDue(once, "2026-03-01", "2026-03-01")).toBe(0);
    expect(countLateFeesDue(once, "2026-03-01", "2026-03-02")).toBe(1);
  });

  it("repeats - one more every N days after the first, never more than maxCount", () => {
    const monthly = rule({
      charge: { type: "flat", amount: "25" },
      graceDays: 5,
      repeatEveryDays: 30,
      maxCount: 3,
    });
    const on = (days: number) =>
      countLateFeesDue(monthly, "2026-03-01", addDaysToDate("2026-03-01", days));
    expect([on(5), on(6), on(35), on(36), on(65), on(66), on(400)]).toEqual([0, 1, 1, 2, 2, 3, 3]);
  });

  it("a month end and a leap day are counted in calendar days", () => {
    const daily = rule({
      charge: { type: "flat", amount: "1" },
      repeatEveryDays: 1,
      maxCount: 120,
    });
    expect(countLateFeesDue(daily, "2028-02-28", "2028-03-01")).toBe(2);
    expect(countLateFeesDue(daily, "2026-01-31", "2026-03-01")).toBe(29);
  });
});

describe("calculateLateFee", () => {
  const base = { currency: "USD", earlierFees: "0" };

  it("flat - the amount in the currency's digits", () => {
    const flat = rule({ charge: { type: "flat", amount: "25" } });
    expect(calculateLateFee({ ...base, rule: flat, balance: "300.00" })).toBe("25.00");
    expect(calculateLateFee({ ...base, currency: "JPY", rule: flat, balance: "3000" })).toBe("25");
  });

  it("percent - of the balance, rounded half up to the currency's digits", () => {
    const percent = rule({ charge: { type: "percent", percent: "1.5" } });
    expect(calculateLateFee({ ...base, rule: percent, balance: "200.00" })).toBe("3.00");
    expect(calculateLateFee({ ...base, rule: percent, balance: "0.34" })).toBe("0.01"); // 0.0051
    expect(calculateLateFee({ ...base, rule: percent, balance: "0.30" })).toBeNull(); // 0.0045 → 0.00
  });

  it("minimum balance - no fee below it, a fee at it; none on a zero balance", () => {
    const minimum = rule({ charge: { type: "flat", amount: "10" }, minimumBalance: "50" });
    expect(calculateLateFee({ ...base, rule: minimum, balance: "49.99" })).toBeNull();
    expect(calculateLateFee({ ...base, rule: minimum, balance: "50.00" })).toBe("10.00");
    const any = rule({ charge: { type: "flat", amount: "10" } });
    expect(calculateLateFee({ ...base, rule: any, balance: "0.00" })).toBeNull();
  });

  it("cap - the last fee is cut to what is left under maximumTotal, then none", () => {
    const capped = rule({
      charge: { type: "flat", amount: "25" },
      repeatEveryDays: 30,
      maxCount: 10,
      maximumTotal: "60",
    });
    const fee = (earlierFees: string) =>
      calculateLateFee({ ...base, rule: capped, balance: "500.00", earlierFees });
    expect([fee("0.00"), fee("25.00"), fee("50.00"), fee("60.00")]).toEqual([
      "25.00",
      "25.00",
      "10.00",
      null,
    ]);
  });

  it("the rule - validated: a percent over 100, maxCount without repeats, a negative amount", () => {
    expect(
      lateFeeRuleSchema.safeParse({ charge: { type: "percent", percent: "101" } }).success,
    ).toBe(false);
    const noRepeat = lateFeeRuleSchema.safeParse({
      charge: { type: "flat", amount: "5" },
      maxCount: 3,
    });
    expect(noRepeat.error?.issues[0]?.path).toEqual(["maxCount"]);
    expect(lateFeeRuleSchema.safeParse({ charge: { type: "flat", amount: "-5" } }).success).toBe(
      false,
    );
  });
});

describe("late-fee schedule (property)", () => {
  const ruleArbitrary = fc.record({
    charge: fc.oneof(
      fc.record({
        type: fc.constant("flat" as const),
        amount: fc.integer({ min: 1, max: 100_000 }).map((cents) => (cents / 100).toFixed(2)),
      }),
      fc.record({
        type: fc.constant("percent" as const),
        percent: fc
          .integer({ min: 1, max: 10_000 })
          .map((hundredths) => (hundredths / 100).toString()),
      }),
    ),
    graceDays: fc.integer({ min: 0, max: 60 }),
    repeatEveryDays: fc.integer({ min: 1, max: 60 }),
    maxCount: fc.integer({ min: 1, max: 24 }),
    minimumBalance: fc.integer({ min: 0, max: 50_000 }).map((cents) => (cents / 100).toFixed(2)),
    maximumTotal: fc.option(
      fc.integer({ min: 0, max: 100_000 }).map((cents) => (cents / 100).toFixed(2)),
      { nil: undefined },
    ),
  });

  it("however long the invoice stays unpaid, the fees never pass the cap or maxCount", () => {
    fc.assert(
      fc.property(
        ruleArbitrary,
        fc.integer({ min: 1, max: 10_000_000 }).map((cents) => (cents / 100).toFixed(2)),
        fc.integer({ min: 0, max: 1_500 }),
        (input, balance, daysLate) => {
          const lateFeeRule = rule(input);
          const due = countLateFeesDue(
            lateFeeRule,
            "2026-01-15",
            addDaysToDate("2026-01-15", daysLate),
          );
          const fees: string[] = [];
          // Charge every period reached, as the sweep does, each on the balance without fees.
          for (let period = 1; period <= due; period++) {
            const fee = calculateLateFee({
              rule: lateFeeRule,
              currency: "USD",
              balance,
              earlierFees: addMoney("USD", ...fees),
            });
            if (fee !== null) fees.push(fee);
          }
          expect(due).toBeLessThanOrEqual(lateFeeRule.maxCount);
          expect(fees.length).toBeLessThanOrEqual(lateFeeRule.maxCount);
          for (const fee of fees) expect(compareMoney(fee, "0")).toBe(1);
          if (lateFeeRule.maximumTotal !== undefined)
            expect(
              compareMoney(addMoney("USD", ...fees), lateFeeRule.maximumTotal),
            ).toBeLessThanOrEqual(0);
          if (compareMoney(balance, lateFeeRule.minimumBalance) < 0) expect(fees).toEqual([]);
        },
      ),
    );
  });
});
