import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calculatePlanOccurrences } from "../../src/index";

const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

describe("calculatePlanOccurrences", () => {
  it("monthly on day d - one date every month, on min(d, the month's last day), none skipped", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 2024, max: 2030 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 36 }),
        (day, year, month, months) => {
          const startDate = `${year}-${String(month).padStart(2, "0")}-01`;
          const end = new Date(Date.UTC(year, month - 1 + months, 0)).toISOString().slice(0, 10);
          const dates = calculatePlanOccurrences(
            { rrule: `FREQ=MONTHLY;BYMONTHDAY=${day}`, startDate, endDate: null },
            { from: startDate, to: end },
          );
          expect(dates).toHaveLength(months);
          dates.forEach((date, index) => {
            const y = year + Math.floor((month - 1 + index) / 12);
            const m = ((month - 1 + index) % 12) + 1;
            const expected = Math.min(day, lastDayOf(y, m));
            expect(date).toBe(
              `${y}-${String(m).padStart(2, "0")}-${String(expected).padStart(2, "0")}`,
            );
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("any rule - dates ascend, repeat nothing, and stay within start, end and the range", () => {
    const rules = [
      "FREQ=DAILY;INTERVAL=3",
      "FREQ=WEEKLY;BYDAY=MO,TH",
      "FREQ=MONTHLY;BYDAY=-1FR",
      "FREQ=YEARLY",
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...rules),
        fc.date({ min: new Date("2025-01-01"), max: new Date("2028-12-31"), noInvalidDate: true }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 800 }),
        (rrule, start, endAfter, rangeDays) => {
          const startDate = start.toISOString().slice(0, 10);
          const plus = (days: number) =>
            new Date(start.getTime() + days * 86_400_000).toISOString().slice(0, 10);
          const endDate = plus(endAfter);
          const dates = calculatePlanOccurrences(
            { rrule, startDate, endDate },
            { from: plus(-30), to: plus(rangeDays) },
          );
          expect([...dates].sort()).toEqual(dates);
          expect(new Set(dates).size).toBe(dates.length);
          for (const date of dates) {
            expect(date >= startDate && date <= endDate && date <= plus(rangeDays)).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
