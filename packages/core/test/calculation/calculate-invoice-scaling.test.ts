import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calculateInvoice, type InvoiceCalculation, type InvoiceInput } from "../../src/index";
import { exactInvoiceArbitrary } from "./support/exact-invoice-arbitrary";
import { ExactDecimal } from "./support/exact-sum";
import { moneyFiguresOf } from "./support/money-figures";
import { propertyTimeout } from "./support/property-timeout";
import { referenceCalculateInvoice } from "./support/reference-calculate-invoice";

function timesTen(value: string | number): string {
  return new ExactDecimal(value).times(10).toFixed(2);
}

/** Every price ×10: unit prices, amount discounts and amount fees; quantities and percents stay. */
function scaledByTen(input: InvoiceInput): InvoiceInput {
  const scaleAmount = <Value extends { type: "percent" | "amount"; value: string | number }>(
    entry: Value,
  ): Value => (entry.type === "amount" ? { ...entry, value: timesTen(entry.value) } : entry);
  return {
    ...input,
    lines: input.lines.map((line) => ({
      ...line,
      unitPrice: timesTen(line.unitPrice),
      ...(line.discount ? { discount: scaleAmount(line.discount) } : {}),
    })),
    discounts: (input.discounts ?? []).map(scaleAmount),
    fees: (input.fees ?? []).map(scaleAmount),
  };
}

function inexactStepsOf(input: InvoiceInput): string[] {
  const steps: string[] = [];
  referenceCalculateInvoice(input, (step) => steps.push(step));
  return steps;
}

function figuresTimesTen(result: InvoiceCalculation): [string, string][] {
  return moneyFiguresOf(result).map(([path, value]) => [path, timesTen(value)]);
}

describe("calculateInvoice - scaling every price", { timeout: propertyTimeout }, () => {
  it("calculateInvoice - scaling prices by 10 with no rounding involved scales every figure by 10", () => {
    fc.assert(
      fc.property(exactInvoiceArbitrary, (input) => {
        const scaled = scaledByTen(input);
        // The premise, checked by the reference implementation: nothing is rounded or cut off
        // (and then nothing is at ten times the prices either: every intermediate is ×10).
        expect(inexactStepsOf(input)).toEqual([]);
        const original = calculateInvoice(input);
        const result = calculateInvoice(scaled);
        expect(moneyFiguresOf(result)).toEqual(figuresTimesTen(original));
        expect(new Decimal(result.total).equals(new Decimal(original.total).times(10))).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it("calculateInvoice - scaling breaks down exactly where a step has to round", () => {
    // The counterpart that keeps the property above honest: 3 × 0.35 at 5% rounds, and ×10 no
    // longer lands on ten times the rounded tax.
    const input: InvoiceInput = {
      currency: "USD",
      lines: [{ quantity: "3", unitPrice: "0.35", taxRateIds: ["t"] }],
      taxRates: [{ id: "t", percent: "5" }],
    };
    expect(inexactStepsOf(input)).toEqual(["round"]);
    expect(calculateInvoice(input).total).toBe("1.10");
    expect(calculateInvoice(scaledByTen(input)).total).toBe("11.03");
  });
});
