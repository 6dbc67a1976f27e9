import { formatMoney, minorUnitsOf } from "@remit/core";

/** A locale Intl accepts, else `en-US`: a tenant's odd setting must not break its customers' page. */
function supportedLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? "en-US";
  } catch {
    return "en-US";
  }
}

/** How the hosted page writes amounts, quantities and dates, in the tenant's locale (`Intl`). */
export type PageFormatters = {
  locale: string;
  money(amount: string, currency: string): string;
  /** A unit price keeps digits beyond the currency's (`$0.125` a unit stays exact), as the PDF does. */
  unitPrice(amount: string, currency: string): string;
  /** A quantity or percent as the locale writes numbers (`1.5`, `1,5`). */
  number(value: string): string;
  /** A calendar date (`2026-11-25`) as the locale writes it (`Nov 25, 2026`, `25 nov. 2026`). */
  date(date: string | null): string;
};

// Intl's formatters cost far more to build than to use: one set per tenant locale, kept (bounded,
// as locales come from tenants' settings). Core's formatMoney keeps its own per currency.
const maxLocales = 256;
const formattersByLocale = new Map<string, PageFormatters>();

function buildPageFormatters(locale: string): PageFormatters {
  // The date is a calendar date, not an instant: format it at UTC so no zone moves it a day.
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  return {
    locale,
    money: (amount, currency) => formatMoney(amount, currency, locale),
    unitPrice(amount, currency) {
      const digits = minorUnitsOf(currency);
      const places = Math.max(digits, amount.split(".")[1]?.length ?? 0);
      if (places === digits) return formatMoney(amount, currency, locale);
      // Intl reads decimal strings exactly, so no binary rounding creeps in.
      return new Intl.NumberFormat(locale, {
        style: "currency",
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: places,
      }).format(amount as unknown as number);
    },
    number: (value) => numbers.format(value as unknown as number),
    date: (date) => (date ? dates.format(new Date(`${date}T00:00:00Z`)) : ""),
  };
}

/** The page's formatters for a tenant's locale; the same object for the same locale. */
export function createPageFormatters(tenantLocale: string): PageFormatters {
  const known = formattersByLocale.get(tenantLocale);
  if (known) return known;
  const formatters = buildPageFormatters(supportedLocale(tenantLocale));
  if (formattersByLocale.size >= maxLocales) {
    formattersByLocale.delete(formattersByLocale.keys().next().value as string);
  }
  formattersByLocale.set(tenantLocale, formatters);
  return formatters;
}
