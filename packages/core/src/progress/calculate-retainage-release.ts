import Decimal from "decimal.js";
import { z } from "zod";
import { calculateInvoice } from "../calculation/calculate-invoice";
import type { InvoiceCalculation } from "../calculation/invoice-calculation";
import { currencySchema } from "../calculation/invoice-input-schema";
import { ValidationError } from "../errors/validation-error";
import { minorUnitsOf } from "../money/currencies";
import { fromMinorUnits, toMinorUnits } from "../money/money-arithmetic";
import { textSchema } from "../validation/text-schema";
import { parseWithSchema } from "../validation/to-validation-error";

const amount = textSchema.regex(/^\d+(\.\d+)?$/, "a decimal amount such as 1250.00");

/** The input of `calculateRetainageRelease`. */
export const retainageReleaseInputSchema = z.object({
  currency: currencySchema,
  /** Each stage's `retained` (from `calculateProgressStage`), in stage order. */
  retained: z.array(amount).min(1).max(500),
  description: textSchema.min(1).max(1_000).default("Retainage released"),
});

export type RetainageReleaseInput = z.input<typeof retainageReleaseInputSchema>;

/**
 * The final retainage invoice of progress billing: one untaxed line billing everything the
 * stages withheld. Untaxed because retainage is withheld from each stage's amount due, tax
 * included: the stages' invoices already carry the tax, so taxing the release again would
 * charge it twice. Refused (`ValidationError` at `retained`) when nothing was withheld, or at
 * `retained[i]` when a figure has more decimals than the currency.
 *
 * @example
 * ```ts
 * calculateRetainageRelease({ currency: "USD", retained: ["300.00", "450.00"] }).total; // → "750.00"
 * ```
 * @group Invoice math
 */
export function calculateRetainageRelease(rawInput: RetainageReleaseInput): InvoiceCalculation {
  const input = parseWithSchema(retainageReleaseInputSchema, rawInput);
  const digits = minorUnitsOf(input.currency);
  let total = 0n;
  input.retained.forEach((value, index) => {
    const units = toMinorUnits(value, digits, "down");
    // A figure that would be rounded here would make the release disagree with its stages.
    if (fromMinorUnits(units, digits) !== new Decimal(value).toFixed(digits))
      throw new ValidationError({
        issues: [{ path: `retained[${index}]`, message: `has more than ${digits} decimals` }],
      });
    total += units;
  });
  if (total === 0n)
    throw new ValidationError({
      issues: [
        { path: "retained", message: "nothing was withheld: there is no retainage to bill" },
      ],
    });
  return calculateInvoice({
    currency: input.currency,
    lines: [
      {
        id: "retainage",
        description: input.description,
        quantity: "1",
        unitPrice: fromMinorUnits(total, digits),
      },
    ],
  });
}
