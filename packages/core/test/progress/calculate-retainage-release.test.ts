import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calculateProgressStage, calculateRetainageRelease, toMinorUnits } from "../../src/index";

const cents = (amount: string) => toMinorUnits(amount, 2);
const taxRates = [{ id: "tax", name: "Sales tax", percent: "8.25" }];

describe("calculateRetainageRelease", () => {
  it("stages then release - the customer pays each stage's total exactly once, to the cent", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9_999_999 }),
        fc.array(fc.integer({ min: 1, max: 40 }).map(String), { maxLength: 4 }),
        fc.integer({ min: 0, max: 30 }).map(String),
        (net, percents, retainagePercent) => {
          const lines = [
            { id: "job", description: "Job", net: (net / 100).toFixed(2), taxRateIds: ["tax"] },
          ];
          let billed: Record<string, string> = {};
          const retained: string[] = [];
          let billedTotal = 0n;
          let due = 0n;
          for (const percent of [...percents, "final"]) {
            const stage = percent === "final" ? { final: true as const } : { percent };
            let result: ReturnType<typeof calculateProgressStage>;
            try {
              result = calculateProgressStage({
                currency: "USD",
                lines,
                taxRates,
                billed,
                stage,
                retainagePercent,
              });
            } catch {
              continue; // past 100 % or nothing left: refused, nothing changes
            }
            billed = result.billedAfter;
            retained.push(result.retained);
            billedTotal += cents(result.invoice.total);
            due += cents(result.amountDue);
          }
          if (retained.every((value) => cents(value) === 0n)) {
            expect(() => calculateRetainageRelease({ currency: "USD", retained })).toThrow(
              /nothing was withheld/,
            );
            expect(due).toBe(billedTotal);
            return;
          }
          const release = calculateRetainageRelease({ currency: "USD", retained });
          expect(release.taxTotal).toBe("0.00");
          expect(due + cents(release.total)).toBe(billedTotal);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("refusals - nothing withheld, too many decimals: each at its path", () => {
    const refusal = (retained: string[]) => {
      try {
        calculateRetainageRelease({ currency: "USD", retained });
      } catch (error) {
        return error as { code: string; path: string };
      }
      throw new Error("expected a refusal");
    };
    expect(refusal(["0.00", "0"])).toMatchObject({ code: "validation_error", path: "retained" });
    expect(refusal(["1.00", "2.005"])).toMatchObject({ path: "retained[1]" });
    expect(
      calculateRetainageRelease({ currency: "USD", retained: ["300.00", "450.00"] }),
    ).toMatchObject({ total: "750.00", taxTotal: "0.00" });
  });
});
