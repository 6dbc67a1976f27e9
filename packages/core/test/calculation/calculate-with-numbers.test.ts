import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calculateWithBigInts } from "../../src/calculation/internal/calculate-with-bigints";
import { calculateWithNumbers } from "../../src/calculation/internal/calculate-with-numbers";
import {
  calculateParsedInvoice,
  type InvoiceCalculation,
  type InvoiceInput,
  parseInvoiceInput,
} from "../../src/index";
import golden from "../fixtures/calc.json";
import { invoiceInputArbitrary } from "./support/invoice-arbitraries";
import { propertyTimeout } from "./support/property-timeout";

// calculateParsedInvoice computes an invoice with tax rounded per line in JS numbers when every
// figure fits one exactly, and in bigints otherwise. These tests hold the number engine to the
// bigint engine's very result, and check that it steps aside whenever a figure would not fit.

type GoldenCase = { name: string; input: InvoiceInput };
const { valid } = golden as { valid: GoldenCase[] };

const largestExactUnits = BigInt(Number.MAX_SAFE_INTEGER);

/** Whether some money figure of the result reaches 2^53 minor units, past a JS number. */
function hasFigureBeyondNumbers(calculation: InvoiceCalculation): boolean {
  const figures = [
    calculation.subtotal,
    calculation.discountTotal,
    calculation.feeTotal,
    calculation.taxTotal,
    calculation.total,
    ...calculation.lines.flatMap((line) => [line.gross, line.unitPrice, line.total]),
    ...calculation.taxes.map((tax) => tax.taxableAmount),
  ];
  return figures.some((figure) => BigInt(figure.replace(".", "")) > largestExactUnits);
}

const perLine = (input: InvoiceInput): InvoiceInput => ({
  ...input,
  rounding: { ...input.rounding, tax: "per_line" },
});

describe("calculateWithNumbers - the same result as the bigint engine", () => {
  it("calculateWithNumbers - computes every golden invoice with tax per line as bigints do", () => {
    for (const entry of valid) {
      const parsed = parseInvoiceInput(perLine(entry.input));
      const numbers = calculateWithNumbers(parsed);
      const bigints = calculateWithBigInts(parsed);
      if (numbers) expect(numbers).toStrictEqual(bigints);
      else expect(hasFigureBeyondNumbers(bigints), entry.name).toBe(true);
    }
  });

  it(
    "calculateWithNumbers - computes random invoices as bigints do, or leaves them to bigints",
    () => {
      let computed = 0;
      let runs = 0;
      fc.assert(
        fc.property(invoiceInputArbitrary, (input) => {
          runs++;
          const parsed = parseInvoiceInput(perLine(input));
          const bigints = calculateWithBigInts(parsed);
          const numbers = calculateWithNumbers(parsed);
          if (numbers) {
            computed++;
            expect(numbers).toStrictEqual(bigints);
          } else {
            // It steps aside only for an invoice whose figures outgrow numbers.
            expect(hasFigureBeyondNumbers(bigints)).toBe(true);
          }
          expect(calculateParsedInvoice(parsed)).toStrictEqual(bigints);
        }),
        { numRuns: 1_000 },
      );
      // The random invoices often include a huge price, quantity or amount; many still fit.
      expect(computed).toBeGreaterThan(runs / 4);
    },
    propertyTimeout,
  );

  it("calculateWithNumbers - leaves figures of 2^53 minor units and more to the bigint engine", () => {
    const huge = parseInvoiceInput({
      currency: "USD",
      lines: [{ quantity: "999999999", unitPrice: "999999999999.99", taxRateIds: ["t"] }],
      taxRates: [{ id: "t", percent: "1000" }],
    });
    expect(calculateWithNumbers(huge)).toBeUndefined();
    expect(calculateParsedInvoice(huge)).toStrictEqual(calculateWithBigInts(huge));

    // A fee of exactly 2^53 − 1 cents still fits, and agrees; one cent more goes to bigints.
    const largest = parseInvoiceInput({
      currency: "USD",
      lines: [],
      fees: [{ type: "amount", value: "90071992547409.91" }],
    });
    expect(calculateWithNumbers(largest)).toStrictEqual(calculateWithBigInts(largest));
    expect(calculateWithNumbers(largest)?.total).toBe("90071992547409.91");
    const over = parseInvoiceInput({
      currency: "USD",
      lines: [],
      fees: [{ type: "amount", value: "90071992547409.92" }],
    });
    expect(calculateWithNumbers(over)).toBeUndefined();
    expect(calculateParsedInvoice(over).total).toBe("90071992547409.92");
  });

  it("calculateWithNumbers - rounds real ties half up and half even as the bigint engine does", () => {
    for (const mode of ["half_up", "half_even"] as const) {
      const parsed = parseInvoiceInput({
        currency: "USD",
        lines: [
          { quantity: "1", unitPrice: "0.125", taxRateIds: ["t"] },
          { quantity: "1", unitPrice: "0.135", discount: { type: "percent", value: "50" } },
        ],
        taxRates: [{ id: "t", percent: "50" }],
        rounding: { mode },
      });
      expect(calculateWithNumbers(parsed)).toStrictEqual(calculateWithBigInts(parsed));
    }
  });
});
