import { minorUnitsOf } from "./currencies";

/**
 * Formats a decimal amount string for display in a locale, with the currency's own number of
 * digits (`formatMoney("1234.5", "USD", "en-US")` is `"$1,234.50"`, `"1083"` JPY is `"￥1,083"` in
 * `ja-JP`). Uses `Intl.NumberFormat` on the exact decimal string, so no binary rounding creeps in.
 */
export function formatMoney(amount: string, currency: string, locale = "en-US"): string {
  const digits = minorUnitsOf(currency);
  const format = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // Intl accepts decimal strings exactly (ES2023 Intl.NumberFormat v3), which Node 20 supports.
  return format.format(amount as unknown as number);
}
