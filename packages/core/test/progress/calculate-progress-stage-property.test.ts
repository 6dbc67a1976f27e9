import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calculateProgressStage, toMinorUnits } from "../../src/index";

const taxRates = [{ id: "tax", name: "Sales tax", percent: "8.25" }];
const cents = (amount: string) => toMinorUnits(amount, 2);
const money = (units: number) => (units / 100).toFixed(2);

/** A contract of 1–5 lines, some taxed, nets from 0.01 to 99,999.99. */
const contract = fc.array(
  fc.record({ net: fc.integer({ min: 1, max: 9_999_999 }), taxed: fc.boolean() }),
  { minLength: 1, maxLength: 5 },
);
/** Stage percents (whole or with decimals) before the final stage. */
const percents = fc.array(
  fc.oneof(fc.integer({ min: 1, max: 60 }).map(String), fc.constantFrom("12.5", "33.3333", "0.01")),
  { maxLength: 6 },
);

function linesOf(parts: { net: number; taxed: boolean }[]) {
  return parts.map((part, index) => ({
    id: `line-${index + 1}`,
    description: `Part ${index + 1}`,
    net: money(part.net),
    taxRateIds: part.taxed ? ["tax"] : [],
  }));
}

describe("calculateProgressStage", () => {
  it("stages - never past 100 %; the final one lands on each line's exact remainder, to the cent", () => {
    fc.assert(
      fc.property(
        contract,
        percents,
        fc.integer({ min: 0, max: 20_000_000 }),
        (parts, stages, deposit) => {
          const lines = linesOf(parts);
          let billed: Record<string, string> = {};
          let depositLeft = money(deposit);
          const totals: bigint[] = [];
          const applied: bigint[] = [];
          let finished = false;
          for (const percent of [...stages, "final"]) {
            const stage = percent === "final" ? { final: true as const } : { percent };
            let result: ReturnType<typeof calculateProgressStage>;
            try {
              result = calculateProgressStage({
                currency: "USD",
                lines,
                taxRates,
                billed,
                stage,
                retainagePercent: "10",
                depositLeft,
              });
            } catch (error) {
              // Refused: it would pass 100 % (or bill nothing once all is billed); nothing changes.
              expect((error as { code: string }).code).toBe("validation_error");
              expect(finished || percent !== "final").toBe(true);
              continue;
            }
            for (const line of lines)
              expect(cents(result.billedAfter[line.id] ?? "0")).toBeLessThanOrEqual(
                cents(line.net),
              );
            // Deposits in order: each stage takes min(deposit left, its total).
            const total = cents(result.invoice.total);
            const left = cents(depositLeft);
            expect(cents(result.depositApplied)).toBe(left < total ? left : total);
            expect(
              cents(result.amountDue) + cents(result.retained) + cents(result.depositApplied),
            ).toBe(total);
            expect(cents(result.amountDue) >= 0n && cents(result.retained) >= 0n).toBe(true);
            totals.push(cents(result.invoice.subtotal));
            applied.push(cents(result.depositApplied));
            billed = result.billedAfter;
            depositLeft = result.depositLeft;
            finished = result.final;
          }
          expect(finished).toBe(true);
          for (const line of lines) expect(billed[line.id]).toBe(line.net);
          const contractTotal = lines.reduce((sum, line) => sum + cents(line.net), 0n);
          expect(totals.reduce((sum, value) => sum + value, 0n)).toBe(contractTotal);
          expect(applied.reduce((sum, value) => sum + value, 0n)).toBeLessThanOrEqual(
            BigInt(deposit),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("percent - a stage bills round(contract × percent) exactly, shared by largest remainder", () => {
    fc.assert(
      fc.property(contract, fc.integer({ min: 1, max: 100 }), (parts, percent) => {
        const lines = linesOf(parts);
        const contractTotal = parts.reduce((sum, part) => sum + part.net, 0);
        const expected = BigInt(Math.round((contractTotal * percent) / 100));
        const stage = { percent: String(percent) };
        // A stage that rounds to nothing bills nothing: refused, not an empty invoice.
        if (expected === 0n) {
          expect(() => calculateProgressStage({ currency: "USD", lines, stage })).toThrow(
            /bills nothing/,
          );
          return;
        }
        const result = calculateProgressStage({ currency: "USD", lines, taxRates, stage });
        expect(cents(result.invoice.subtotal)).toBe(expected);
        for (const [index, line] of result.lines.entries())
          expect(cents(line.amount)).toBeLessThanOrEqual(BigInt(parts[index]?.net ?? 0));
      }),
      { numRuns: 300 },
    );
  });

  it("refusals - past 100 %, an unknown line, a lower percent complete: each at its path", () => {
    const lines = [
      { id: "a", description: "A", net: "100.00" },
      { id: "b", description: "B", net: "50.00" },
    ];
    const refusal = (input: Parameters<typeof calculateProgressStage>[0]) => {
      try {
        calculateProgressStage(input);
      } catch (error) {
        return error as { code: string; path: string };
      }
      throw new Error("expected a refusal");
    };
    expect(
      refusal({ currency: "USD", lines, billed: { a: "60.00" }, stage: { percent: "80" } }),
    ).toMatchObject({
      code: "validation_error",
      path: "stage.percent",
    });
    expect(refusal({ currency: "USD", lines, stage: { amount: "150.01" } })).toMatchObject({
      path: "stage.amount",
    });
    expect(refusal({ currency: "USD", lines, stage: { lineProgress: { c: "10" } } })).toMatchObject(
      {
        path: "stage.lineProgress.c",
      },
    );
    expect(
      refusal({
        currency: "USD",
        lines,
        billed: { a: "50.00" },
        stage: { lineProgress: { a: "40" } },
      }),
    ).toMatchObject({ path: "stage.lineProgress.a" });
    expect(
      refusal({
        currency: "USD",
        lines,
        billed: { a: "100.00", b: "50.00" },
        stage: { final: true },
      }),
    ).toMatchObject({
      path: "stage",
    });
    const byLine = calculateProgressStage({
      currency: "USD",
      lines,
      billed: { a: "25.00" },
      stage: { lineProgress: { a: "50", b: "100" } },
    });
    expect(byLine.lines.map((line) => line.amount)).toEqual(["25.00", "50.00"]);
  });
});
