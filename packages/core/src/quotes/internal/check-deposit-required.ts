import type { ValidationIssue } from "../../errors/validation-error";
import { minorUnitsOf } from "../../money/currencies";
import { readDecimal } from "../../money/decimal-value";
import { compareMoney } from "../../money/money-arithmetic";

/**
 * Why a quote's deposit cannot be asked (more decimals than the currency has, or more than the
 * quote's total), or nothing. The total is checked whenever either changes, so a revision that
 * lowers the total below the deposit is refused too.
 */
export function depositRequiredIssues(
  depositRequired: string | null,
  currency: string,
  total: string,
): ValidationIssue[] {
  if (depositRequired === null) return [];
  const digits = minorUnitsOf(currency);
  if ((readDecimal(depositRequired)?.scale ?? 0) > digits) {
    return [
      {
        path: "depositRequired",
        message: `an amount in ${currency} has at most ${digits} decimals`,
      },
    ];
  }
  if (compareMoney(depositRequired, total) > 0) {
    return [{ path: "depositRequired", message: `must be at most the quote's total, ${total}` }];
  }
  return [];
}
