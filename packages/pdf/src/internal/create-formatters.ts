import { formatMoney, minorUnitsOf } from "@remit/core";
import type { InvoicePdfLabels } from "../invoice-pdf-labels";
import type { GlyphCheck } from "./printable-text";

/** How amounts, quantities, dates and terms read on one invoice. */
export type Formatters = ReturnType<typeof createFormatters>;

function decimalsOf(value: string): number {
  return value.split(".")[1]?.length ?? 0;
}

/**
 * Formatters for one locale and currency that only ever produce text the embedded font can draw:
 * where the font lacks a locale's currency sign or digits, the ISO code and Latin digits stand in.
 */
export function createFormatters(options: {
  locale: string;
  currency: string;
  labels: InvoicePdfLabels;
  glyphs: GlyphCheck;
}) {
  const { locale, currency, labels, glyphs } = options;
  const digits = minorUnitsOf(currency);

  // Intl reads decimal strings exactly (Intl.NumberFormat v3), so no binary rounding creeps in.
  const currencyText = (amount: string, places: number, display?: "code") =>
    new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: places,
      ...(display ? { currencyDisplay: display, numberingSystem: "latn" } : {}),
    }).format(amount as unknown as number);

  const printableOr = (text: string, fallback: () => string) => {
    const printable = glyphs.printable(text);
    return glyphs.canPrint(printable) ? printable : fallback();
  };

  /** An amount with the currency's own digits, through core's `formatMoney`. */
  const money = (amount: string) =>
    printableOr(formatMoney(amount, currency, locale), () => currencyText(amount, digits, "code"));

  /** A unit price keeps digits beyond the currency's (`$0.125` a unit stays exact). */
  const unitPrice = (amount: string) => {
    const places = Math.max(digits, decimalsOf(amount));
    if (places === digits) return money(amount);
    return printableOr(currencyText(amount, places), () => currencyText(amount, places, "code"));
  };

  const quantity = (value: string) => {
    const format = (numberingSystem?: string) =>
      new Intl.NumberFormat(locale, {
        maximumFractionDigits: 6,
        ...(numberingSystem ? { numberingSystem } : {}),
      }).format(value as unknown as number);
    return printableOr(format(), () => format("latn"));
  };

  /** A `YYYY-MM-DD` calendar date, written the locale's way (no time zone can shift it). */
  const date = (value: string) => {
    const text = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
      new Date(`${value}T00:00:00Z`),
    );
    return printableOr(text, () => value);
  };

  const terms = (value: string | { dueDate: string }) => {
    if (typeof value === "object") return labels.dueBy.replace("{date}", date(value.dueDate));
    if (value === "due_on_receipt") return labels.dueOnReceipt;
    const days = /^net_(\d+)$/.exec(value)?.[1];
    return days ? labels.netDays.replace("{days}", days) : value;
  };

  return {
    money,
    unitPrice,
    quantity,
    percent: (value: string) => `${quantity(value)}%`,
    date,
    terms,
    /** Free text (names, descriptions): characters the font lacks become their closest printable form. */
    text: (value: string) => glyphs.printable(value),
  };
}
