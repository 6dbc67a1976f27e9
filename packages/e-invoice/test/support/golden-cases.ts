import type { InvoiceCalculation, InvoiceInput } from "@remit/core";
import golden from "../../../core/test/fixtures/calc.json";

type GoldenCase = { name: string; input: InvoiceInput; expected: InvoiceCalculation };

/** The valid golden cases of `calculateInvoice` (packages/core/test/fixtures/calc.json). */
export const goldenCases = (golden as unknown as { valid: GoldenCase[] }).valid;

/**
 * A golden case with the data an e-invoice needs and the math leaves alone: a VAT category on each
 * rate (`S` above 0 %, `Z` at 0 %), a unit on each line (`HUR` for labor, `C62` otherwise), and a
 * name where a line or fee has none. Quantities, prices, discounts, fees, rates and rounding are
 * the case's own, so the figures are the golden ones.
 */
export function withEInvoiceData(input: InvoiceInput): InvoiceInput {
  return {
    ...input,
    lines: input.lines.map((line, index) => ({
      ...line,
      unitCode: line.kind === "labor" ? "HUR" : "C62",
      description: line.description || `Item ${index + 1}`,
    })),
    taxRates: (input.taxRates ?? []).map((rate) => ({
      ...rate,
      vatCategory: Number(rate.percent) > 0 ? ("S" as const) : ("Z" as const),
    })),
    fees: (input.fees ?? []).map((fee, index) => ({
      ...fee,
      description: fee.description || `Fee ${index + 1}`,
    })),
  };
}
