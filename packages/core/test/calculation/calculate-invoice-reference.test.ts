import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calculateInvoice, currencies, type InvoiceInput } from "../../src/index";
import golden from "../fixtures/calc.json";
import { invoiceInputArbitrary } from "./support/invoice-arbitraries";
import { propertyTimeout } from "./support/property-timeout";
import { referenceCalculateInvoice, shortestDecimal } from "./support/reference-calculate-invoice";

// calculateInvoice against an independent, step-by-step reading of the contract that works in
// exact rationals (support/reference-calculate-invoice.ts). Whole outputs must be deep-equal.

type GoldenCase = { name: string; input: InvoiceInput; expected: unknown };
const goldenCases = (golden as unknown as { valid: GoldenCase[] }).valid;

describe("reference implementation - agrees with the contract's golden cases", () => {
  it.each(goldenCases.map((entry) => [entry.name, entry] as const))("%s", (_name, entry) => {
    expect(referenceCalculateInvoice(entry.input)).toEqual(entry.expected);
  });

  it("reference implementation - reads JS numbers through their shortest decimal form", () => {
    expect([0.1, 1e-7, 1.005, 1e21, 123.45, 2.5e-8, 0].map(shortestDecimal)).toEqual([
      "0.1",
      "0.0000001",
      "1.005",
      "1000000000000000000000",
      "123.45",
      "0.000000025",
      "0",
    ]);
  });
});

function minorUnitsAsAmount(units: number, currency: string): string {
  const digits = currencies[currency]?.minorUnits ?? 2;
  const text = String(units).padStart(digits + 1, "0");
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

describe("calculateInvoice - cross-check with the reference implementation", {
  timeout: propertyTimeout,
}, () => {
  it("calculateInvoice - matches the reference on random invoices", () => {
    fc.assert(
      fc.property(invoiceInputArbitrary, (input) => {
        expect(calculateInvoice(input)).toEqual(referenceCalculateInvoice(input));
      }),
      { numRuns: 2_000 },
    );
  });

  it("calculateInvoice - matches the reference on invoices made of many tiny equal lines", () => {
    // One-unit lines and equal lines make the most largest-remainder ties and half-unit cases.
    const tinyInvoice = fc
      .record({
        currency: fc.constantFrom("USD", "JPY", "KWD", "CLF"),
        count: fc.integer({ min: 1, max: 30 }),
        unitPrice: fc.constantFrom("0.01", "0.015", "0.005", "1", "0.0001", "0.333"),
        quantity: fc.constantFrom("1", "3", "0.5", "0.333333"),
        taxPercent: fc.constantFrom("5", "7.5", "10", "12.5", "33.333333", "50"),
        inclusive: fc.boolean(),
        discountUnits: fc.constantFrom(1, 2, 100),
        discountType: fc.constantFrom("amount" as const, "percent" as const),
        mode: fc.constantFrom("half_up" as const, "half_even" as const),
        tax: fc.constantFrom("per_line" as const, "per_document" as const),
      })
      .map(
        (parts): InvoiceInput => ({
          currency: parts.currency,
          lines: Array.from({ length: parts.count }, () => ({
            quantity: parts.quantity,
            unitPrice: parts.unitPrice,
            taxRateIds: ["vat"],
          })),
          taxRates: [{ id: "vat", percent: parts.taxPercent, inclusive: parts.inclusive }],
          discounts: [
            {
              // A few minor units, or a percent that shares out to fractions of one.
              type: parts.discountType,
              value:
                parts.discountType === "amount"
                  ? minorUnitsAsAmount(parts.discountUnits, parts.currency)
                  : `${parts.discountUnits / 3}`.slice(0, 8),
            },
          ],
          rounding: { mode: parts.mode, tax: parts.tax },
        }),
      );
    fc.assert(
      fc.property(tinyInvoice, (input) => {
        expect(calculateInvoice(input)).toEqual(referenceCalculateInvoice(input));
      }),
      { numRuns: 500 },
    );
  });
});
