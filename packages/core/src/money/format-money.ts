import { minorUnitsOf } from "./currencies";

// Building an Intl.NumberFormat costs far more than formatting with one (it loads the locale's
// data): a page of amounts built one per amount spent most of its time here. One per locale and
// currency, kept; bounded, since locales can come from tenants' settings.
const maxFormats = 256;
const formats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}\u0000${currency}`;
  const known = formats.get(key);
  if (known) return known;
  const digits = minorUnitsOf(currency);
  const format = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  if (formats.size >= maxFormats) formats.delete(formats.keys().next().value as string);
  formats.set(key, format);
  return format;
}

/**
 * Formats a decimal amount string for display in a locale, with the currency's own number of
 * digits (`formatMoney("1234.5", "USD", "en-US")` is `"$1,234.50"`, `"1083"` JPY is `"￥1,083"` in
 * `ja-JP`). Uses `Intl.NumberFormat` on the exact decimal string, so no binary rounding creeps in;
 * the formatter of each locale and currency is built once.
 * @group Money
 */
export function formatMoney(amount: string, currency: string, locale = "en-US"): string {
  // Intl accepts decimal strings exactly (ES2023 Intl.NumberFormat v3), which Node 20 supports.
  return moneyFormat(currency, locale).format(amount as unknown as number);
}
