import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calculateInvoice, type InvoiceInput } from "../../src/index";
import { invoiceInputArbitrary } from "./support/invoice-arbitraries";
import { propertyTimeout } from "./support/property-timeout";

// Reordering the lines may move a unit only where a largest-remainder tie was broken by position;
// the sums that involve no tie cannot move at all.

const reorderedInvoiceArbitrary = invoiceInputArbitrary.chain((input) =>
  fc
    .shuffledSubarray(
      input.lines.map((_, index) => index),
      { minLength: input.lines.length, maxLength: input.lines.length },
    )
    .map((order) => ({ input, order })),
);

function withLinesIn(input: InvoiceInput, order: readonly number[]): InvoiceInput {
  return { ...input, lines: order.map((index) => input.lines[index] as InvoiceInput["lines"][0]) };
}

describe("calculateInvoice - reordering the lines", { timeout: propertyTimeout }, () => {
  it("calculateInvoice - reordering lines keeps subtotal, discountTotal and feeTotal", () => {
    fc.assert(
      fc.property(reorderedInvoiceArbitrary, ({ input, order }) => {
        const original = calculateInvoice(input);
        const reordered = calculateInvoice(withLinesIn(input, order));
        const { subtotal, discountTotal, feeTotal } = reordered;
        expect({ subtotal, discountTotal, feeTotal }).toEqual({
          subtotal: original.subtotal,
          discountTotal: original.discountTotal,
          feeTotal: original.feeTotal,
        });
      }),
      { numRuns: 2_000 },
    );
  });

  it("calculateInvoice - without invoice discounts, per-line figures move with their line", () => {
    // No invoice discount and tax rounded per line: no tie between lines is ever broken, so every
    // line keeps its figures wherever it stands, and so do the totals.
    const perLineArbitrary = reorderedInvoiceArbitrary.map(({ input, order }) => ({
      input: { ...input, discounts: [], rounding: { ...input.rounding, tax: "per_line" as const } },
      order,
    }));
    fc.assert(
      fc.property(perLineArbitrary, ({ input, order }) => {
        const original = calculateInvoice(input);
        const reordered = calculateInvoice(withLinesIn(input, order));
        const withoutId = ({ id: _id, ...figures }: (typeof original.lines)[0]) => figures;
        expect(reordered.lines.map(withoutId)).toEqual([
          ...order.map((index) => withoutId(original.lines[index] as (typeof original.lines)[0])),
          ...original.lines.slice(input.lines.length).map(withoutId),
        ]);
        expect(reordered.taxes).toEqual(original.taxes);
        expect(reordered.total).toBe(original.total);
        expect(reordered.taxTotal).toBe(original.taxTotal);
      }),
      { numRuns: 1_000 },
    );
  });
});
