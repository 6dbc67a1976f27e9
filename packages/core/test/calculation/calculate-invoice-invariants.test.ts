import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  calculateInvoice,
  currencies,
  type InvoiceCalculation,
  type InvoiceInput,
} from "../../src/index";
import { combine, ExactDecimal, sumOf } from "./support/exact-sum";
import { invoiceInputArbitrary } from "./support/invoice-arbitraries";
import { moneyFiguresOf, moneyPattern } from "./support/money-figures";
import { propertyTimeout } from "./support/property-timeout";

// Every invariant the invoice-math contract lists, checked on thousands of random valid invoices.
const numRuns = 2_000;

// The properties below walk the same random invoices (one seed per run, which fast-check prints
// with any failure), so each invoice is calculated once and every invariant is checked against
// that one result. The determinism test calls calculateInvoice afresh and does not use this.
const seed = Math.floor(Math.random() * 0x7fffffff);
const calculated = new Map<string, InvoiceCalculation>();

function calculateOnce(input: InvoiceInput): InvoiceCalculation {
  const key = JSON.stringify(input);
  let result = calculated.get(key);
  if (!result) {
    result = calculateInvoice(input);
    calculated.set(key, result);
  }
  return result;
}

function digitsOf(result: InvoiceCalculation): number {
  return currencies[result.currency]?.minorUnits ?? Number.NaN;
}

function checkRandomInvoices(check: (result: InvoiceCalculation) => void): void {
  fc.assert(
    fc.property(invoiceInputArbitrary, (input) => check(calculateOnce(input))),
    { numRuns, seed },
  );
}

describe("calculateInvoice - invariants on random invoices", { timeout: propertyTimeout }, () => {
  it("calculateInvoice - total equals subtotal minus discounts plus fees plus added taxes", () => {
    checkRandomInvoices((result) => {
      const digits = digitsOf(result);
      const includedTaxes = sumOf(
        result.taxes.filter((tax) => tax.inclusive).map((tax) => tax.amount),
        digits,
      );
      const addedTaxes = combine(
        [
          [1, result.taxTotal],
          [-1, includedTaxes],
        ],
        digits,
      );
      expect(
        combine(
          [
            [1, result.subtotal],
            [-1, result.discountTotal],
            [1, result.feeTotal],
            [1, addedTaxes],
          ],
          digits,
        ),
      ).toBe(result.total);
    });
  });

  it("calculateInvoice - total equals the sum of line totals", () => {
    checkRandomInvoices((result) => {
      expect(
        sumOf(
          result.lines.map((line) => line.total),
          digitsOf(result),
        ),
      ).toBe(result.total);
    });
  });

  it("calculateInvoice - taxTotal equals the sum of the rate amounts and of the line taxes", () => {
    checkRandomInvoices((result) => {
      const digits = digitsOf(result);
      expect(
        sumOf(
          result.taxes.map((tax) => tax.amount),
          digits,
        ),
      ).toBe(result.taxTotal);
      expect(
        sumOf(
          result.lines.map((line) => line.tax),
          digits,
        ),
      ).toBe(result.taxTotal);
    });
  });

  it("calculateInvoice - each rate's amount is the sum of that rate's line amounts", () => {
    checkRandomInvoices((result) => {
      for (const rate of result.taxes) {
        const lineAmounts = result.lines.flatMap((line) =>
          line.taxes.filter((tax) => tax.rateId === rate.rateId).map((tax) => tax.amount),
        );
        expect(lineAmounts.length).toBeGreaterThan(0);
        expect(sumOf(lineAmounts, digitsOf(result))).toBe(rate.amount);
      }
    });
  });

  it("calculateInvoice - each rate's taxable amount is what its lines were taxed on", () => {
    checkRandomInvoices((result) => {
      const digits = digitsOf(result);
      const rateById = new Map(result.taxes.map((rate) => [rate.rateId, rate]));
      for (const rate of result.taxes) {
        const bases = result.lines
          .filter((line) => line.taxes.some((tax) => tax.rateId === rate.rateId))
          .map((line) => {
            if (!rate.compound) return line.excludingTax;
            const addedNonCompound = line.taxes
              .filter((tax) => {
                const other = rateById.get(tax.rateId);
                return other !== undefined && !other.inclusive && !other.compound;
              })
              .map((tax) => tax.amount);
            return sumOf([line.excludingTax, ...addedNonCompound], digits);
          });
        expect(sumOf(bases, digits)).toBe(rate.taxableAmount);
      }
    });
  });

  it("calculateInvoice - subtotal, discountTotal and feeTotal are the sums of their lines", () => {
    checkRandomInvoices((result) => {
      const digits = digitsOf(result);
      const items = result.lines.filter((line) => line.kind !== "fee");
      const fees = result.lines.filter((line) => line.kind === "fee");
      expect(
        sumOf(
          items.map((line) => line.gross),
          digits,
        ),
      ).toBe(result.subtotal);
      expect(
        sumOf(
          items.map((line) => line.discount),
          digits,
        ),
      ).toBe(result.discountTotal);
      expect(
        sumOf(
          fees.map((line) => line.net),
          digits,
        ),
      ).toBe(result.feeTotal);
      for (const fee of fees) {
        expect(fee.discount).toBe(sumOf([], digits));
        expect(fee.gross).toBe(fee.net);
        expect(fee.unitPrice).toBe(fee.net);
        expect(fee.quantity).toBe("1");
      }
    });
  });

  it("calculateInvoice - every line's net, excluding-tax, tax and total figures add up", () => {
    checkRandomInvoices((result) => {
      const digits = digitsOf(result);
      const inclusive = new Set(result.taxes.filter((tax) => tax.inclusive).map((t) => t.rateId));
      const actual = result.lines.map(({ id, net, excludingTax, tax, total }) => ({
        id,
        net,
        excludingTax,
        tax,
        total,
      }));
      const expected = result.lines.map((line) => ({
        id: line.id,
        net: combine(
          [
            [1, line.gross],
            [-1, line.discount],
          ],
          digits,
        ),
        excludingTax: combine(
          [
            [1, line.net],
            ...line.taxes
              .filter((tax) => inclusive.has(tax.rateId))
              .map((tax) => [-1, tax.amount] as [-1, string]),
          ],
          digits,
        ),
        tax: sumOf(
          line.taxes.map((tax) => tax.amount),
          digits,
        ),
        total: sumOf([line.excludingTax, line.tax], digits),
      }));
      expect(actual).toEqual(expected);
    });
  });

  it("calculateInvoice - no figure is negative", () => {
    checkRandomInvoices((result) => {
      const negative = moneyFiguresOf(result).filter(([, value]) =>
        new ExactDecimal(value).isNegative(),
      );
      expect(negative).toEqual([]);
    });
  });

  it("calculateInvoice - every money figure has exactly the currency's digits and is never -0", () => {
    checkRandomInvoices((result) => {
      const pattern = moneyPattern(digitsOf(result));
      const malformed = moneyFiguresOf(result).filter(
        ([, value]) => !pattern.test(value) || value.startsWith("-"),
      );
      expect(malformed).toEqual([]);
    });
  });

  it("calculateInvoice - the same input gives the same output and is left unchanged", () => {
    fc.assert(
      fc.property(invoiceInputArbitrary, (input) => {
        const before = structuredClone(input);
        const first = calculateInvoice(input);
        const second = calculateInvoice(input);
        expect(second).toEqual(first);
        expect(second).not.toBe(first);
        expect(input).toEqual(before);
      }),
      { numRuns },
    );
  });

  it("calculateInvoice - lists item lines, then a fee line per fee, and each rate used once", () => {
    fc.assert(
      fc.property(invoiceInputArbitrary, (input) => {
        const result = calculateOnce(input);
        const fees = input.fees ?? [];
        expect(result.currency).toBe(input.currency);
        expect(result.lines.map((line) => line.kind === "fee")).toEqual([
          ...input.lines.map(() => false),
          ...fees.map(() => true),
        ]);
        expect(result.lines.map((line) => line.id)).toEqual([
          ...input.lines.map((line, index) => line.id ?? `line-${index + 1}`),
          ...fees.map((fee, index) => fee.id ?? `fee-${index + 1}`),
        ]);
        expect(result.lines.map((line) => line.taxes.map((tax) => tax.rateId))).toEqual([
          ...input.lines.map((line) => line.taxRateIds ?? []),
          ...fees.map((fee) => fee.taxRateIds ?? []),
        ]);
        const used = new Set(result.lines.flatMap((line) => line.taxes.map((tax) => tax.rateId)));
        expect(result.taxes.map((tax) => tax.rateId)).toEqual(
          (input.taxRates ?? []).map((rate) => rate.id).filter((id) => used.has(id)),
        );
      }),
      { numRuns, seed },
    );
  });
});
