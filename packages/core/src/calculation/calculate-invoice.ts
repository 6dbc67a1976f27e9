import { calculateWithBigInts } from "./internal/calculate-with-bigints";
import { calculateWithNumbers } from "./internal/calculate-with-numbers";
import type { InvoiceCalculation } from "./invoice-calculation";
import type { InvoiceInput, ParsedInvoiceInput } from "./invoice-input-schema";
import { parseInvoiceInput } from "./parse-invoice-input";

/**
 * Calculates an invoice's lines, taxes and totals exactly, as the invoice-math contract says:
 * gross, line and invoice discounts (shared by largest remainder), fees, included, added and
 * compound taxes rounded per line or per invoice, in the currency's minor units.
 *
 * Pure and deterministic. Throws a `ValidationError` (naming every bad field, e.g.
 * `lines[0].quantity`) for input it cannot read.
 *
 * @example
 * ```ts
 * const invoice = calculateInvoice({
 *   currency: "USD",
 *   lines: [{ kind: "labor", description: "Replace water heater", quantity: "2.5", unitPrice: "85.00", taxRateIds: ["state"] }],
 *   taxRates: [{ id: "state", name: "State sales tax", percent: "6.25" }],
 *   fees: [{ description: "Trip charge", type: "amount", value: "49.00" }],
 * });
 * invoice.total; // "274.78"
 * ```
 * @group Invoice math
 */
export function calculateInvoice(input: InvoiceInput): InvoiceCalculation {
  return calculateParsedInvoice(parseInvoiceInput(input));
}

/**
 * {@link calculateInvoice} for an input already read by `parseInvoiceInput`.
 * @group Invoice math
 */
export function calculateParsedInvoice(input: ParsedInvoiceInput): InvoiceCalculation {
  // Most invoices' figures stay far below 2^53 minor units, where integer arithmetic in JS
  // numbers is exact and allocates nothing; the bigint engine takes every other invoice, and
  // every invoice with tax rounded per document, and gives the very same result.
  if (input.rounding.tax === "per_line") {
    const calculated = calculateWithNumbers(input);
    if (calculated) return calculated;
  }
  return calculateWithBigInts(input);
}
